import Foundation

/// Why an action on a dossier was refused; nothing was changed.
public struct DossierRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine codes, as in the contract's problem responses (openapi.yaml).
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// The action is not allowed from the current status, terminal or not (HTTP 409).
        case invalidTransition = "invalid-transition"
        /// The actor's roles do not allow the action, or a specialist is not the assignee (HTTP 403).
        case forbidden
        /// A second Form 02 for the same handling unit (HTTP 409).
        case supplementLimit = "supplement-limit"
        /// Apology issued later than one working day before the due date (HTTP 409).
        case apologyTooLate = "apology-too-late"
        /// Second apology for the same dossier (HTTP 409).
        case apologyLimit = "apology-limit"
        /// The new appointment date of an apology is invalid (HTTP 422 `validation-failed` naming
        /// `newAppointmentDate`).
        case invalidAppointmentDate = "invalid-appointment-date"
        /// The law requires a reason and none, or only blanks, was given (HTTP 422 `validation-failed`
        /// naming `reason`).
        case reasonRequired = "reason-required"
    }

    /// The machine code.
    public let code: Code
    /// A human explanation for officers.
    public let message: String
    /// For `invalid-transition`: the status the dossier is in.
    public let status: DossierStatus?

    /// Creates a refusal.
    public init(_ code: Code, _ message: String, status: DossierStatus? = nil) {
        self.code = code
        self.message = message
        self.status = status
    }

    /// `"code: message"`.
    public var description: String { "\(code.rawValue): \(message)" }
}
