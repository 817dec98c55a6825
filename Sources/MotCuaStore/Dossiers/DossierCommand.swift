import Foundation
import MotCuaDomain

/// An action on an existing dossier, with its input (the contract's `POST /v1/dossiers/{code}/<action>`).
public enum DossierCommand: Sendable, Hashable {
    /// One item of a Form 02 request: a component of the procedure and what is wrong with it.
    public struct SupplementItem: Sendable, Hashable, Codable {
        public var documentCode: String
        public var note: String
        public init(documentCode: String, note: String) {
            self.documentCode = documentCode
            self.note = note
        }
    }

    public enum PaymentChannel: String, Sendable, Hashable, CaseIterable { case portal, gateway, cash }

    case accept
    case refuse(reason: String)
    case requestSupplement(reason: String, items: [SupplementItem])
    case supplement(documents: [FiledDocument])
    case assign(assignee: String, step: String?)
    case forward(step: String, assignee: String, note: String?)
    case requestPayment(amount: Int64, description: String)
    case pay(amount: Int64, channel: PaymentChannel)
    case resolve(note: String?)
    case stop(reason: String)
    case `return`
    case withdraw(reason: String)
    case apologize(reason: String, newAppointmentDate: LocalDate)

    /// The state-machine action this command performs on a dossier in `status`.
    func action(in status: DossierStatus) -> DossierAction {
        switch self {
        case .accept: .accept
        case .refuse: .refuse
        case .requestSupplement: status == .submitted ? .requestCompletion : .requestSupplement
        case .supplement: .supplement
        case .assign: .assign
        case .forward: .forward
        case .requestPayment: .requestPayment
        case .pay: .pay
        case .resolve: .resolve
        case .stop: .stop
        case .return: .return
        case .withdraw: .withdraw
        case .apologize: .apologize
        }
    }

    /// The written reason, for the actions the law requires one for.
    var reason: String? {
        switch self {
        case .refuse(let reason), .requestSupplement(let reason, _), .stop(let reason), .withdraw(let reason),
            .apologize(let reason, _):
            reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : reason
        case .forward(_, _, let note), .resolve(let note): note
        default: nil
        }
    }
}
