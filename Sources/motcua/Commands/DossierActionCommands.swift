import ArgumentParser
import Foundation
import MotCuaClient

/// The code and `--if-match` every action takes.
struct ActionTarget: ParsableArguments {
    @Argument(help: "The dossier code.") var code: String
    @Option(name: .customLong("if-match"), help: "Refuse (412) unless the dossier is still at this version.")
    var ifMatch: Int?
}

/// A dossier action: performs one call and prints the updated dossier.
protocol DossierAction: AsyncParsableCommand {
    var global: GlobalOptions { get }
    var target: ActionTarget { get }
    func perform(_ dossiers: MotCuaClient.Dossiers, _ code: String, _ version: Int?) async throws -> Dossier
}

extension DossierAction {
    mutating func run() async throws {
        let dossier = try await perform(global.client().dossiers, target.code, target.ifMatch)
        try Output.single(dossier, columns: Columns.dossier, format: global.format)
    }
}

extension DossierCommands {
    struct Accept: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Accept an online dossier (submitted → received).",
            discussion: "EXAMPLE\n  motcua dossiers accept H15.50.05.13-260213-0001 --if-match 1")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.accept(code, ifMatch: v)
        }
    }

    struct Refuse: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Refuse a dossier, with a reason (Form 03).",
            discussion: "EXAMPLE\n  motcua dossiers refuse H15.50.05.13-260213-0001 --reason \"Không thuộc thẩm quyền\"")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(help: "Why.") var reason: String
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.refuse(code, reason: reason, ifMatch: v)
        }
    }

    struct RequestSupplement: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Ask for missing or corrected documents (Form 02); the clock pauses.",
            discussion: """
                EXAMPLE
                  motcua dossiers request-supplement H15.50.05.13-260213-0001 --reason "Thiếu giấy tờ" \\
                    --item "GCS:Bản chính giấy chứng sinh" --item "TK:Ký tên"
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(help: "Why.") var reason: String
        @Option(name: .customLong("item"), help: "DOCUMENT_CODE:NOTE, repeatable; at least one.") var items: [String]
        func validate() throws {
            if items.isEmpty { throw ValidationError("give at least one --item DOCUMENT_CODE:NOTE") }
        }
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            let parsed = try items.map { item -> SupplementItem in
                guard let colon = item.firstIndex(of: ":") else { throw ValidationError("--item \(item): expected CODE:NOTE") }
                return SupplementItem(documentCode: String(item[..<colon]), note: String(item[item.index(after: colon)...]))
            }
            return try await d.requestSupplement(code, reason: reason, items: parsed, ifMatch: v)
        }
    }

    struct Supplement: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Record the documents the applicant brought; the clock resumes.",
            discussion: "EXAMPLE\n  motcua dossiers supplement H15.50.05.13-260213-0001 --document \"GCS:Giấy chứng sinh:yes\"")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(name: .customLong("document"), help: "CODE[:NAME[:DIGITIZED]], repeatable; DIGITIZED is yes or no.")
        var documents: [String]
        func validate() throws {
            if documents.isEmpty { throw ValidationError("give at least one --document CODE:NAME") }
        }
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.supplement(code, documents: try documents.map(DocumentList.parseOne), ifMatch: v)
        }
    }

    struct Assign: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Assign a dossier to an officer of the handling unit.",
            discussion: "EXAMPLE\n  motcua dossiers assign H15.50.05.13-260213-0001 --assignee chuyenvien.tp --step tham-dinh")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(help: "The officer's username.") var assignee: String
        @Option(help: "A step code of the procedure (default: the first step after intake).") var step: String?
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.assign(code, assignee: assignee, step: step, ifMatch: v)
        }
    }

    struct Forward: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Close the current step and hand the dossier over to the next one.",
            discussion: "EXAMPLE\n  motcua dossiers forward H15.50.05.13-260213-0001 --step phe-duyet --assignee lanhdao.tp")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(help: "The step code to open.") var step: String
        @Option(help: "The username who gets the dossier.") var assignee: String
        @Option(help: "A note for the control slip.") var note: String?
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.forward(code, step: step, assignee: assignee, note: note, ifMatch: v)
        }
    }

    struct RequestPayment: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Ask for a fee or tax (in_progress → awaiting_payment).",
            discussion: "EXAMPLE\n  motcua dossiers request-payment H15.50.05.13-260213-0001 --amount 8000 --description \"Lệ phí\"")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(help: "VND.") var amount: Int64
        @Option(help: "What it is for.") var description: String
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.requestPayment(code, amount: amount, description: description, ifMatch: v)
        }
    }

    struct Pay: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Record a payment (awaiting_payment → in_progress).",
            discussion: "EXAMPLE\n  motcua dossiers pay H15.50.05.13-260213-0001 --amount 8000 --channel cash")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(help: "VND.") var amount: Int64
        @Option(help: "portal, gateway or cash.") var channel: String
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            guard let parsed = PaymentChannel(rawValue: channel) else { throw ValidationError("--channel: portal, gateway or cash") }
            return try await d.pay(code, amount: amount, channel: parsed, ifMatch: v)
        }
    }

    struct Resolve: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Approve: the result is ready (in_progress → resolved).",
            discussion: "EXAMPLE\n  motcua dossiers resolve H15.50.05.13-260213-0001 --note \"Đã ký\"")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(help: "A note.") var note: String?
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.resolve(code, note: note, ifMatch: v)
        }
    }

    struct Stop: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Stop handling, with reasons (terminal).",
            discussion: "EXAMPLE\n  motcua dossiers stop H15.50.05.13-260213-0001 --reason \"Không đủ điều kiện\"")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(help: "Why.") var reason: String
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.stop(code, reason: reason, ifMatch: v)
        }
    }

    struct Return: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Hand the result to the applicant (resolved → returned).",
            discussion: "EXAMPLE\n  motcua dossiers return H15.50.05.13-260213-0001")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.return(code, ifMatch: v)
        }
    }

    struct Withdraw: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw at the applicant's request (Form 05, terminal).",
            discussion: "EXAMPLE\n  motcua dossiers withdraw H15.50.05.13-260213-0001 --reason \"Công dân xin rút\"")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(help: "Why.") var reason: String
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.withdraw(code, reason: reason, ifMatch: v)
        }
    }

    struct Apologize: DossierAction {
        static let configuration = CommandConfiguration(
            abstract: "Apologise and set a new appointment date (Form 04, once).",
            discussion: """
                EXAMPLE
                  motcua dossiers apologize H15.50.05.13-260213-0001 --reason "Chờ xác minh" --new-date 2026-03-02
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ActionTarget
        @Option(help: "Why.") var reason: String
        @Option(help: "The new appointment date, YYYY-MM-DD.") var newDate: String
        func perform(_ d: MotCuaClient.Dossiers, _ code: String, _ v: Int?) async throws -> Dossier {
            try await d.apologize(code, reason: reason, newAppointmentDate: newDate, ifMatch: v)
        }
    }
}
