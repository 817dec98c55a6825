import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Dossier state machine: who may do what")
struct DossierRolesTests {
    /// The documented role table, independent of the implementation (admin is always allowed).
    static let roles: [DossierAction: Set<Role>] = [
        .accept: [.reception], .refuse: [.reception], .requestCompletion: [.reception],
        .assign: [.leader], .forward: [.leader, .specialist],
        .requestSupplement: [.reception, .specialist], .supplement: [.reception, .portal],
        .requestPayment: [.reception, .specialist], .pay: [.reception, .portal],
        .resolve: [.leader], .stop: [.leader], .return: [.reception],
        .withdraw: [.reception, .portal], .apologize: [.leader],
    ]

    static let cases: [(DossierAction, Role)] =
        roles.keys.sorted { $0.rawValue < $1.rawValue }.flatMap { action in Role.allCases.map { (action, $0) } }

    @Test("each role may perform exactly its actions (specialists on their own dossiers)", arguments: cases)
    func roleTable(action: DossierAction, role: Role) {
        let from = DossierRulesTests.expected[action]!.keys.sorted { $0.code < $1.code }.first!
        let context = DossierContext(hasReason: true, actorIsAssignee: true)
        let result = DossierRules.decide(action: action, status: from, actorRoles: [role], context: context)
        let allowed = role == .admin || Self.roles[action]!.contains(role)
        #expect((result.refusalCode == nil) == allowed, "\(role) \(action): \(result)")
        if !allowed { #expect(result.refusalCode == .forbidden) }
    }

    @Test("a specialist who is not the assignee may not act; a leader may")
    func specialistMustBeAssignee() {
        let context = DossierContext(hasReason: true, actorIsAssignee: false)
        #expect(DossierRules.decide(action: .forward, status: .inProgress, actorRoles: [.specialist], context: context)
            .refusalCode == .forbidden)
        #expect(DossierRules.decide(action: .forward, status: .inProgress, actorRoles: [.leader], context: context)
            .refusalCode == nil)
        #expect(DossierRules.decide(action: .requestSupplement, status: .inProgress, actorRoles: [.specialist, .reception],
                                    context: context).refusalCode == nil)
    }

    @Test("an auditor may do nothing")
    func auditorReadOnly() {
        for action in DossierAction.allCases {
            #expect(DossierRules.decide(action: action, status: .inProgress, actorRoles: [.auditor],
                                        context: DossierContext(hasReason: true)).refusalCode == .forbidden)
        }
    }

    @Test("a forbidden role is reported before the state conflict")
    func forbiddenFirst() {
        #expect(DossierRules.decide(action: .resolve, status: .returned, actorRoles: [.reception], context: .init())
            .refusalCode == .forbidden)
    }

    @Test("the allowed actions of a leader on an in-progress dossier")
    func allowedActionsForLeader() {
        let actions = DossierRules.allowedActions(status: .inProgress, actorRoles: [.leader], context: .init())
        #expect(actions == [.forward, .resolve, .stop, .apologize])
    }
}
