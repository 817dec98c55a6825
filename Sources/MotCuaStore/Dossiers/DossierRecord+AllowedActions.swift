import MotCuaDomain

extension DossierRecord {
    /// The actions `principal` may perform on this dossier now, as the state machine decides them
    /// (reasons assumed given), for a UI to show its buttons. A completion at intake is listed as
    /// `requestCompletion`; documents for it as `supplement`, like `DossierChange` accepts them.
    public func allowedActions(for principal: Principal) -> [DossierAction] {
        let context = DossierContext(
            supplementRequestsByHandlingUnit: supplementRequestsByHandlingUnit, apologized: apologized, hasReason: true,
            actorIsAssignee: assigneeID == principal.userID)
        var actions = DossierRules.allowedActions(status: status, actorRoles: principal.roles, context: context)
        if status == .submitted, completionPending, principal.has(anyOf: Self.intakeSupplementRoles) {
            actions.append(.supplement)
        }
        return actions
    }

    /// Who records the documents a completion request at intake asked for (the rule `DossierChange`
    /// applies, outside the state machine because the dossier stays `submitted`).
    static let intakeSupplementRoles: Set<Role> = [.reception, .portal]
}
