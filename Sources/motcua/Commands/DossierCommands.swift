import ArgumentParser
import Foundation
import MotCuaClient

/// `motcua dossiers ...`.
struct DossierCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossiers",
        abstract: "File, find and handle dossiers.",
        discussion: """
            Every action takes --if-match VERSION (the dossier's version as you last read it): when someone changed the dossier meanwhile the server refuses (412, exit 2) and changes nothing.
            """,
        subcommands: [
            Submit.self, Show.self, List.self, Counts.self, History.self, Print.self, DossierImport.self,
            Accept.self, Refuse.self, RequestSupplement.self, Supplement.self, Assign.self, Forward.self,
            RequestPayment.self, Pay.self, Resolve.self, Stop.self, Return.self, Withdraw.self, Apologize.self,
        ])

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "File a dossier from a JSON file (the API's DossierInput).",
            discussion: """
                An Idempotency-Key is sent (a new UUID unless --idempotency-key is given), so a retry after a dropped connection never files the dossier twice.

                EXAMPLE
                  motcua dossiers submit khai-sinh.json
                  # khai-sinh.json:
                  # {"procedureCode": "1.001193", "receivingUnit": "H15.50.05.13", "channel": "counter",
                  #  "applicant": {"fullName": "Nguyễn Thị Ánh", "idNumber": "001190012345"},
                  #  "documents": [{"code": "TK", "name": "Tờ khai", "digitized": true}]}
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "A JSON file with the dossier.") var file: String
        @Option(help: "The Idempotency-Key to send (re-use it to retry safely across runs).") var idempotencyKey: String?

        mutating func run() async throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw ValidationError("cannot read \(file): \(error.localizedDescription)")
            }
            let input: DossierInput
            do { input = try JSONDecoder().decode(DossierInput.self, from: data) } catch {
                throw ValidationError("\(file): not a valid dossier: \(JSONErrors.describe(error))")
            }
            let dossier = try await global.client().dossiers.submit(input, idempotencyKey: idempotencyKey)
            try Output.single(dossier, columns: Columns.dossier, format: global.format)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a dossier.",
            discussion: """
                EXAMPLE
                  motcua dossiers show H15.50.05.13-260213-0001
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The dossier code.") var code: String

        mutating func run() async throws {
            let dossier = try await global.client().dossiers.get(code)
            try Output.single(dossier, columns: Columns.dossier, format: global.format)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List dossiers, newest first.",
            discussion: """
                EXAMPLES
                  motcua dossiers list --status in_progress --assignee chuyenvien.tp
                  motcua dossiers list --unit H15.50.05.13 --overdue --all --output csv > overdue.csv
                  motcua dossiers list --received-from 2026-01-01 --received-to 2026-01-31 --q "nguyen"
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this status (submitted, received, refused, in_progress, supplement_requested, awaiting_payment, withdrawn, stopped, resolved, returned).")
        var status: String?
        @Option(help: "Only this procedure code.") var procedure: String?
        @Option(help: "Only dossiers this unit receives or handles.") var unit: String?
        @Option(help: "Only dossiers assigned to this username.") var assignee: String?
        @Flag(inversion: .prefixedNo, help: "Only open dossiers past (or, with --no-overdue, not past) their due date.")
        var overdue: Bool?
        @Option(help: "Only open dossiers due on or before this date (YYYY-MM-DD).") var dueBefore: String?
        @Option(help: "Received on or after this date (YYYY-MM-DD).") var receivedFrom: String?
        @Option(help: "Received on or before this date (YYYY-MM-DD).") var receivedTo: String?
        @Option(help: "Part of the code or of the applicant's name, accents optional.") var q: String?
        @Option(help: "Only the dossier with this reference of the filing system (the portal's id).") var externalReference: String?
        @Option(help: "Only dossiers changed at or after this instant (RFC 3339, e.g. 2026-12-04T00:00:00Z).") var updatedSince: String?
        @Option(help: "At most this many dossiers.") var limit: Int = 100
        @Flag(help: "Every matching dossier, however many (ignores --limit).") var all = false

        mutating func run() async throws {
            var parsedStatus: DossierStatus?
            if let status {
                guard let value = DossierStatus(rawValue: status) else { throw ValidationError("unknown status: \(status)") }
                parsedStatus = value
            }
            let since = try updatedSince.map { text in
                guard let date = ISO8601DateFormatter().date(from: text) else { throw ValidationError("--updated-since: an RFC 3339 instant, not \(text)") }
                return date
            }
            let filter = MotCuaClient.Dossiers.Filter(
                status: parsedStatus, procedure: procedure, unit: unit, assignee: assignee, overdue: overdue,
                dueBefore: dueBefore, receivedFrom: receivedFrom, receivedTo: receivedTo, q: q, externalReference: externalReference,
                updatedSince: since)
            let client = try global.client()
            var items: [Dossier] = []
            for try await dossier in client.dossiers.all(filter: filter, pageSize: all ? 500 : min(max(limit, 1), 500)) {
                if !all && items.count >= limit { break }
                items.append(dossier)
            }
            try Output.list(items, columns: Columns.dossierList, format: global.format)
        }
    }

    struct Counts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How many dossiers per status, overdue and due by the next working day.",
            discussion: """
                EXAMPLE
                  motcua dossiers counts --unit H15.50.05.13
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only dossiers this unit receives or handles.") var unit: String?

        mutating func run() async throws {
            let counts = try await global.client().dossiers.counts(unit: unit)
            try Output.single(counts, columns: Columns.counts, format: global.format)
        }
    }

    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an official form of a dossier as a printable A4 HTML page.",
            discussion: """
                FORMS
                  receipt (Form 01, with the lookup key and QR code), supplement-request (02), refusal (03),
                  apology (04), control-slip (06)
                EXAMPLE
                  motcua dossiers print H15.50.05.13-260213-0001 receipt --file receipt.html
                  chromium --headless --print-to-pdf=receipt.pdf receipt.html
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The dossier code.") var code: String
        @Argument(help: "The form: receipt, supplement-request, refusal, apology or control-slip.") var form: String
        @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var file: String?

        mutating func run() async throws {
            guard let form = DossierForm(rawValue: form) else { throw ValidationError("unknown form: \(form)") }
            let html = try await global.client().dossiers.form(code, form)
            if let file {
                try Data(html.utf8).write(to: URL(fileURLWithPath: file))
            } else {
                FileHandle.standardOutput.write(Data(html.utf8))
            }
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a dossier's history and control slip, oldest first.",
            discussion: """
                EXAMPLE
                  motcua dossiers history H15.50.05.13-260213-0001 --output csv
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The dossier code.") var code: String

        mutating func run() async throws {
            let events = try await global.client().dossiers.history(code)
            try Output.list(events, columns: Columns.history, format: global.format)
        }
    }
}
