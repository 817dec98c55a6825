import ArgumentParser
import Crypto
import Foundation
import MotCuaClient

/// `motcua dossiers import FILE.csv`: bulk intake, resumable.
struct DossierImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "File one dossier per row of a CSV file (bulk intake); re-runs skip imported rows.",
        discussion: """
            The first row names the columns (any order, case-insensitive):
              procedureCode  required, e.g. 1.001193
              receivingUnit  required, the receiving commune's code
              handlingUnit   optional, default the receiving unit
              channel        counter (default), online or post
              fullName       required, the applicant's name
              idNumber       required, citizen ID (CCCD) or passport number
              phone, email, address, note  optional
              documents      CODE[:NAME[:DIGITIZED]] entries separated by ";",
                             e.g. "TK:Tờ khai:yes;GCS:Giấy chứng sinh:no"
                             (NAME defaults to CODE; DIGITIZED yes/no, default no)
            Fields follow RFC 4180 (quote fields with commas, quotes or line breaks).

            Each row is sent with an Idempotency-Key derived from the file's name and the row's content, so running the same file again (after a crash, a dropped connection or a partial failure) does not file any row twice: the server answers rows already imported with the dossier it created the first time. Identical rows in one file are one dossier.

            Prints one result per row (row numbers count the header as row 1, as spreadsheets do), a summary of failures on stderr, and a progress bar when stderr is a terminal. Exits with 7 when some rows failed; stops early with 4 or 5 on an authentication or connection failure.

            EXAMPLE
              motcua dossiers import intake-2026-02-13.csv --output csv > receipts.csv
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file.") var file: String

    static let knownColumns = [
        "procedurecode", "receivingunit", "handlingunit", "channel", "fullname", "idnumber", "phone", "email",
        "address", "documents", "note",
    ]
    static let requiredColumns = ["procedurecode", "receivingunit", "fullname", "idnumber"]

    mutating func run() async throws {
        let url = URL(fileURLWithPath: file)
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ValidationError("cannot read \(file) as UTF-8: \(error.localizedDescription)")
        }
        let records: [[String]]
        do { records = try CSVReader.records(text) } catch { throw ValidationError("\(file): \(error)") }
        guard let header = records.first else { throw ValidationError("\(file) is empty") }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let unknown = columns.first(where: { !Self.knownColumns.contains($0) }) {
            throw ValidationError("\(file): unknown column \"\(unknown)\"; known: \(Self.knownColumns.joined(separator: ", "))")
        }
        if let missing = Self.requiredColumns.first(where: { !columns.contains($0) }) {
            throw ValidationError("\(file): missing column \"\(missing)\"")
        }

        let client = try global.client()
        let fileName = url.lastPathComponent
        var results: [ImportResult] = []
        var progress = ProgressBar(total: records.count - 1)
        for (offset, record) in records.dropFirst().enumerated() {
            let row = offset + 2
            var fields: [String: String] = [:]
            for (index, column) in columns.enumerated() where index < record.count {
                fields[column] = record[index].trimmingCharacters(in: .whitespaces)
            }
            do {
                let input = try Self.dossier(from: fields)
                let key = Self.idempotencyKey(fileName: fileName, columns: columns, record: record)
                let dossier = try await client.dossiers.submit(input, idempotencyKey: key)
                results.append(.init(row: row, code: dossier.code, status: dossier.status.rawValue, error: "", detail: ""))
            } catch let error as RowError {
                results.append(.init(row: row, code: "", status: "failed", error: "invalid-row", detail: error.message))
            } catch let error as MotCuaClientError {
                try ImportResult.abortIfFatal(error, results: results, format: global.format)
                results.append(.failed(row: row, code: "", error))
            }
            progress.update(done: offset + 1, failed: results.count { $0.failed })
        }
        progress.finish()
        try ImportResult.finish(results, noun: "rows", format: global.format)
    }

    struct RowError: Error {
        var message: String
    }

    /// The API body for one row.
    static func dossier(from fields: [String: String]) throws -> DossierInput {
        func value(_ name: String) -> String? { fields[name].flatMap { $0.isEmpty ? nil : $0 } }
        func required(_ name: String) throws -> String {
            guard let text = value(name) else { throw RowError(message: "\(name) is empty") }
            return text
        }
        let channelText = value("channel") ?? "counter"
        guard let channel = Channel(rawValue: channelText) else {
            throw RowError(message: "channel must be counter, online or post, not \(channelText)")
        }
        let documents: [FiledDocument]
        do {
            documents = try DocumentList.parse(value("documents") ?? "")
        } catch {
            throw RowError(message: "documents: \(error)")
        }
        return DossierInput(
            procedureCode: try required("procedurecode"), receivingUnit: try required("receivingunit"),
            handlingUnit: value("handlingunit"), channel: channel,
            applicant: Applicant(
                fullName: try required("fullname"), idNumber: try required("idnumber"), phone: value("phone"),
                email: value("email"), address: value("address")),
            documents: documents, note: value("note"))
    }

    /// `import-` and the SHA-256 of the file name and the row's fields under their column names, so
    /// that a re-run of the same file sends the same key for the same row whatever its position.
    static func idempotencyKey(fileName: String, columns: [String], record: [String]) -> String {
        var material = "motcua-import-v1\u{1F}" + fileName
        for (index, column) in columns.enumerated() {
            material += "\u{1E}" + column + "\u{1F}" + (index < record.count ? record[index] : "")
        }
        return "import-" + SHA256.hash(data: Array(material.utf8)).map { byte in
            (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}

/// `CODE[:NAME[:DIGITIZED]]` document entries, as in `--document` and the import's `documents` column.
enum DocumentList {
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    /// Entries separated by `;`; empty entries are ignored.
    static func parse(_ text: String) throws -> [FiledDocument] {
        try text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(parseOne)
    }

    static func parseOne(_ entry: String) throws -> FiledDocument {
        let parts = entry.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let code = parts.first, !code.isEmpty else { throw Invalid(description: "empty document code in \"\(entry)\"") }
        let name = parts.count > 1 && !parts[1].isEmpty ? parts[1] : code
        var digitized = false
        if parts.count > 2 {
            switch parts[2].lowercased() {
            case "yes", "y", "true", "1", "x": digitized = true
            case "no", "n", "false", "0", "": digitized = false
            default: throw Invalid(description: "digitized must be yes or no in \"\(entry)\"")
            }
        }
        return FiledDocument(code: code, name: name, digitized: digitized)
    }
}
