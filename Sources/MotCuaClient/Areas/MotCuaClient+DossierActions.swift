import Foundation
import MotCuaAPI

/// The steps of the one-stop process. Each returns the updated dossier.
///
/// Every action takes an optional `ifMatch`: the dossier's `version` as you last read it. When the
/// dossier changed meanwhile the server refuses with 412 (`version-mismatch`) and changes nothing.
/// A rule of the one-stop mechanism refuses with 409 and a code naming the rule
/// (`invalid-transition`, `supplement-limit`, `apology-too-late`, ...).
///
/// ```swift
/// var dossier = try await client.dossiers.get(code)
/// dossier = try await client.dossiers.assign(code, assignee: "chuyenvien.tp", ifMatch: dossier.version)
/// do {
///     try await client.dossiers.requestSupplement(code, reason: "Thiếu giấy chứng sinh",
///         items: [.init(documentCode: "GCS", note: "Bản chính")])
/// } catch MotCuaClientError.problem(let problem) where problem.code == "supplement-limit" {
///     // only one supplement request per dossier and handling unit
/// }
/// ```
///
/// These POSTs are not idempotent, so they are retried only when the connection could not be opened.
extension MotCuaClient.Dossiers {
    /// `submitted` → `received`: accepts an online dossier; the clock starts.
    @discardableResult
    public func accept(_ code: String, ifMatch version: Int? = nil) async throws -> Dossier {
        try await client.call {
            try await $0.acceptDossier(path: .init(code: code), headers: .init(ifMatch: Self.eTag(version))).ok.body.json
        }
    }

    /// Refuses the dossier with a reason (Form 03).
    @discardableResult
    public func refuse(_ code: String, reason: String, ifMatch version: Int? = nil) async throws -> Dossier {
        try await client.call {
            try await $0.refuseDossier(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)), body: .json(.init(reason: reason))
            ).ok.body.json
        }
    }

    /// Asks the applicant for missing or corrected documents (Form 02); the clock pauses.
    @discardableResult
    public func requestSupplement(
        _ code: String, reason: String, items: [SupplementItem], ifMatch version: Int? = nil
    ) async throws -> Dossier {
        try await client.call {
            try await $0.requestSupplement(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)),
                body: .json(.init(reason: reason, items: items.map(\.schema)))
            ).ok.body.json
        }
    }

    /// Records the documents the applicant brought; the clock resumes.
    @discardableResult
    public func supplement(_ code: String, documents: [FiledDocument], ifMatch version: Int? = nil) async throws -> Dossier {
        try await client.call {
            try await $0.supplementDossier(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)), body: .json(.init(documents: documents.map(\.schema)))
            ).ok.body.json
        }
    }

    /// Assigns the dossier to an officer of the handling unit, at `step` (default: the first step
    /// after intake).
    @discardableResult
    public func assign(_ code: String, assignee: String, step: String? = nil, ifMatch version: Int? = nil) async throws -> Dossier {
        try await client.call {
            try await $0.assignDossier(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)),
                body: .json(.init(assignee: assignee, step: step))
            ).ok.body.json
        }
    }

    /// Closes the current step and opens `step` for `assignee` (a handover on the control slip).
    @discardableResult
    public func forward(
        _ code: String, step: String, assignee: String, note: String? = nil, ifMatch version: Int? = nil
    ) async throws -> Dossier {
        try await client.call {
            try await $0.forwardDossier(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)),
                body: .json(.init(step: step, assignee: assignee, note: note))
            ).ok.body.json
        }
    }

    /// `in_progress` → `awaiting_payment`: asks for a fee or tax, in VND.
    @discardableResult
    public func requestPayment(
        _ code: String, amount: Int64, description: String, ifMatch version: Int? = nil
    ) async throws -> Dossier {
        try await client.call {
            try await $0.requestPayment(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)),
                body: .json(.init(amount: amount, description: description))
            ).ok.body.json
        }
    }

    /// `awaiting_payment` → `in_progress`: records a payment, in VND.
    @discardableResult
    public func pay(_ code: String, amount: Int64, channel: PaymentChannel, ifMatch version: Int? = nil) async throws -> Dossier {
        try await client.call {
            try await $0.payDossier(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)),
                body: .json(.init(amount: amount, channel: channel.schema))
            ).ok.body.json
        }
    }

    /// `in_progress` → `resolved`: the result is ready.
    @discardableResult
    public func resolve(_ code: String, note: String? = nil, ifMatch version: Int? = nil) async throws -> Dossier {
        try await client.call {
            try await $0.resolveDossier(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)), body: .json(.init(note: note))
            ).ok.body.json
        }
    }

    /// `in_progress` → `stopped`, with reasons. Terminal.
    @discardableResult
    public func stop(_ code: String, reason: String, ifMatch version: Int? = nil) async throws -> Dossier {
        try await client.call {
            try await $0.stopDossier(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)), body: .json(.init(reason: reason))
            ).ok.body.json
        }
    }

    /// `resolved` → `returned`: the result was handed to the applicant. Terminal.
    @discardableResult
    public func `return`(_ code: String, ifMatch version: Int? = nil) async throws -> Dossier {
        try await client.call {
            try await $0.returnDossier(path: .init(code: code), headers: .init(ifMatch: Self.eTag(version))).ok.body.json
        }
    }

    /// Withdraws the dossier at the applicant's request (Form 05). Terminal.
    @discardableResult
    public func withdraw(_ code: String, reason: String, ifMatch version: Int? = nil) async throws -> Dossier {
        try await client.call {
            try await $0.withdrawDossier(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)), body: .json(.init(reason: reason))
            ).ok.body.json
        }
    }

    /// Apologises and sets a new appointment date (Form 04), once, at least one working day before
    /// the due date.
    ///
    /// - Parameter newAppointmentDate: `YYYY-MM-DD`, a working day after the due date.
    @discardableResult
    public func apologize(
        _ code: String, reason: String, newAppointmentDate: String, ifMatch version: Int? = nil
    ) async throws -> Dossier {
        try await client.call {
            try await $0.apologizeDossier(
                path: .init(code: code), headers: .init(ifMatch: Self.eTag(version)),
                body: .json(.init(reason: reason, newAppointmentDate: newAppointmentDate))
            ).ok.body.json
        }
    }

    /// Records a citizen's rating given on the national portal (`portal` or admin only).
    @discardableResult
    public func rate(_ code: String, _ rating: RatingInput) async throws -> Rating {
        try await client.call {
            try await $0.rateDossierAsPortal(path: .init(code: code), body: .json(rating.schema)).created.body.json
        }
    }

    /// The `If-Match` value for a dossier version: the quoted version, as in its ETag.
    static func eTag(_ version: Int?) -> String? {
        version.map { "\"\($0)\"" }
    }
}
