import Foundation

/// What the deciding rule needs to know about the dossier and the actor besides status and roles.
public struct DossierContext: Sendable, Hashable {
    /// Form 02 requests (at intake or during processing) already sent by the current handling unit.
    public var supplementRequestsByHandlingUnit: Int
    /// Whether the dossier already had its apology (Form 04).
    public var apologized: Bool
    /// Whether the request carries a non-blank reason.
    public var hasReason: Bool
    /// Whether the actor is the dossier's current assignee (specialists may only act on their own dossiers).
    public var actorIsAssignee: Bool

    /// Creates a context; the defaults describe a fresh dossier, no reason, actor not the assignee.
    public init(supplementRequestsByHandlingUnit: Int = 0, apologized: Bool = false,
                hasReason: Bool = false, actorIsAssignee: Bool = false) {
        self.supplementRequestsByHandlingUnit = supplementRequestsByHandlingUnit
        self.apologized = apologized
        self.hasReason = hasReason
        self.actorIsAssignee = actorIsAssignee
    }
}

/// The dossier state machine of docs/domain.md §1 with who may do what: "may this actor do this action now?"
///
/// | action | from → to | roles (admin may always) |
/// |---|---|---|
/// | `accept` | submitted → received | reception |
/// | `refuse` | submitted → refused | reception |
/// | `request_completion` | submitted → submitted | reception |
/// | `assign` | received → in_progress | leader |
/// | `forward` | in_progress → in_progress | leader, specialist (assignee) |
/// | `request_supplement` | in_progress → supplement_requested | reception, specialist (assignee) |
/// | `supplement` | supplement_requested → in_progress | reception, portal |
/// | `request_payment` | in_progress → awaiting_payment | reception, specialist (assignee) |
/// | `pay` | awaiting_payment → in_progress | reception, portal |
/// | `resolve` | in_progress → resolved | leader (approval) |
/// | `stop` | in_progress, supplement_requested → stopped | leader |
/// | `return` | resolved → returned | reception |
/// | `withdraw` | submitted, received, in_progress, supplement_requested, awaiting_payment → withdrawn | reception, portal |
/// | `apologize` | received, in_progress, supplement_requested, awaiting_payment → unchanged | leader |
/// | `intake_counter` / `intake_online` | creation only, see ``intake(channel:actorRoles:)`` | reception / portal |
///
/// Auditors may do nothing. Specialists act only on dossiers assigned to them; leaders and the desk
/// act on any dossier of their unit (unit scoping is the caller's check). Withdraw and stop are
/// impossible once a result is issued because `resolved` allows neither. A leader may stop a
/// dossier while it waits for the citizen (the supplement never came); like a withdrawal during a
/// wait, the due date then moves by the wait up to that moment.
///
/// Checks run in this order and the first failure is returned: role never allowed (`forbidden`),
/// no such transition from the current status, terminal or not (`invalid-transition`, naming the
/// status), specialist not the assignee (`forbidden`), missing reason (`reason-required`), second
/// Form 02 for the handling unit (`supplement-limit`), second apology (`apology-limit`). The
/// apology's timing and new date are checked by
/// ``DeadlineClock/checkApology(now:dueDate:newDate:alreadyApologized:)``.
public enum DossierRules {
    /// Decides `action` on a dossier in `status`: the new status, or why not.
    public static func decide(action: DossierAction, status: DossierStatus, actorRoles: Set<Role>,
                              context: DossierContext) -> Result<DossierStatus, DossierRefusal> {
        let rule = rules[action]!
        let isAdmin = actorRoles.contains(.admin)
        let qualifying = actorRoles.intersection(rule.roles)
        if !isAdmin && qualifying.isEmpty {
            return .failure(DossierRefusal(.forbidden, "Your roles do not allow '\(action.rawValue)'."))
        }
        guard let target = rule.transitions[status] else {
            let why = status.isTerminal ? "it is \(status.rawValue), a terminal status that never changes"
                : "the dossier is \(status.rawValue)"
            return .failure(DossierRefusal(.invalidTransition, "'\(action.rawValue)' is not possible: \(why).", status: status))
        }
        if !isAdmin && qualifying == [.specialist] && !context.actorIsAssignee {
            return .failure(DossierRefusal(.forbidden, "Only the assigned specialist may '\(action.rawValue)' this dossier."))
        }
        if action.requiresReason && !context.hasReason {
            return .failure(DossierRefusal(.reasonRequired, "'\(action.rawValue)' requires a reason."))
        }
        if action.isSupplementRequest && context.supplementRequestsByHandlingUnit >= 1 {
            return .failure(DossierRefusal(.supplementLimit,
                "Supplementary documents may be requested only once per dossier by the handling unit."))
        }
        if action == .apologize && context.apologized {
            return .failure(DossierRefusal(.apologyLimit, "This dossier has already been apologised for once."))
        }
        return .success(target)
    }

    /// Decides the creation of a dossier: counter and postal intake by the desk start in `received`
    /// (the clock runs), online submission by the portal starts in `submitted`.
    public static func intake(channel: Channel, actorRoles: Set<Role>) -> Result<DossierStatus, DossierRefusal> {
        let action: DossierAction = channel == .online ? .intakeOnline : .intakeCounter
        let allowed = rules[action]!.roles
        guard actorRoles.contains(.admin) || !actorRoles.isDisjoint(with: allowed) else {
            return .failure(DossierRefusal(.forbidden, "Your roles do not allow \(channel.rawValue) intake."))
        }
        return .success(channel == .online ? .submitted : .received)
    }

    /// The actions `actorRoles` could perform now on a dossier in `status` (e.g. to show buttons).
    public static func allowedActions(status: DossierStatus, actorRoles: Set<Role>,
                                      context: DossierContext) -> [DossierAction] {
        var context = context
        context.hasReason = true
        return DossierAction.allCases.filter {
            if case .success = decide(action: $0, status: status, actorRoles: actorRoles, context: context) { return true }
            return false
        }
    }

    /// The status `action` leads to from `status`, ignoring roles and context; `nil` when not a transition.
    public static func target(of action: DossierAction, from status: DossierStatus) -> DossierStatus? {
        rules[action]?.transitions[status]
    }

    struct Rule {
        let roles: Set<Role>
        let transitions: [DossierStatus: DossierStatus]
    }

    static let rules: [DossierAction: Rule] = {
        let beforeResult: [DossierStatus] = [.submitted, .received, .inProgress, .supplementRequested, .awaitingPayment]
        let clockStarted: [DossierStatus] = [.received, .inProgress, .supplementRequested, .awaitingPayment]
        return [
            .intakeCounter: Rule(roles: [.reception], transitions: [:]),
            .intakeOnline: Rule(roles: [.portal], transitions: [:]),
            .accept: Rule(roles: [.reception], transitions: [.submitted: .received]),
            .refuse: Rule(roles: [.reception], transitions: [.submitted: .refused]),
            .requestCompletion: Rule(roles: [.reception], transitions: [.submitted: .submitted]),
            .assign: Rule(roles: [.leader], transitions: [.received: .inProgress]),
            .forward: Rule(roles: [.leader, .specialist], transitions: [.inProgress: .inProgress]),
            .requestSupplement: Rule(roles: [.reception, .specialist], transitions: [.inProgress: .supplementRequested]),
            .supplement: Rule(roles: [.reception, .portal], transitions: [.supplementRequested: .inProgress]),
            .requestPayment: Rule(roles: [.reception, .specialist], transitions: [.inProgress: .awaitingPayment]),
            .pay: Rule(roles: [.reception, .portal], transitions: [.awaitingPayment: .inProgress]),
            .resolve: Rule(roles: [.leader], transitions: [.inProgress: .resolved]),
            .stop: Rule(roles: [.leader], transitions: [.inProgress: .stopped, .supplementRequested: .stopped]),
            .return: Rule(roles: [.reception], transitions: [.resolved: .returned]),
            .withdraw: Rule(roles: [.reception, .portal],
                            transitions: Dictionary(uniqueKeysWithValues: beforeResult.map { ($0, .withdrawn) })),
            .apologize: Rule(roles: [.leader],
                             transitions: Dictionary(uniqueKeysWithValues: clockStarted.map { ($0, $0) })),
        ]
    }()
}
