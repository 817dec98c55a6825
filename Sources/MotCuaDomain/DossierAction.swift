import Foundation

/// Something done to a dossier; also the event type recorded in its history.
public enum DossierAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Counter or postal intake of a complete dossier: creates it in `received` (see ``DossierRules/intake(channel:actorRoles:)``).
    case intakeCounter = "intake_counter"
    /// Online submission through the portal: creates it in `submitted`.
    case intakeOnline = "intake_online"
    /// 1 → 2: the desk accepts an online dossier; the clock starts.
    case accept
    /// 1 → 3: the desk refuses it (Form 03).
    case refuse
    /// 1 → 1: completion request at intake (Form 02) before the clock starts.
    case requestCompletion = "request_completion"
    /// 4 → 5: supplement request during processing (Form 02); pauses the clock.
    case requestSupplement = "request_supplement"
    /// 5 → 4: the supplement was received; the clock resumes.
    case supplement
    /// 2 → 4: transfer to the handling officer/step.
    case assign
    /// 4 → 4: hand over to the next step or officer.
    case forward
    /// 4 → 6: ask for a fee or tax payment.
    case requestPayment = "request_payment"
    /// 6 → 4: payment recorded.
    case pay
    /// 4 → 9: result approved and ready.
    case resolve
    /// 4, 5 → 8: handling stopped (also while waiting for a supplement that never came).
    case stop
    /// 9 → 10: result handed over.
    case `return`
    /// 1, 2, 4, 5, 6 → 7: the applicant withdraws.
    case withdraw
    /// 2, 4, 5, 6 → same: apology with a new appointment date (Form 04).
    case apologize

    /// Whether the law requires a written reason for this action.
    public var requiresReason: Bool {
        switch self {
        case .refuse, .requestCompletion, .requestSupplement, .stop, .withdraw, .apologize: true
        default: false
        }
    }

    /// Whether this action is a Form 02 request, limited to one per dossier and handling unit.
    public var isSupplementRequest: Bool { self == .requestCompletion || self == .requestSupplement }
}

/// How a dossier reached the one-stop desk.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    /// At the desk.
    case counter
    /// Through the national public-service portal.
    case online
    /// By post.
    case post
}
