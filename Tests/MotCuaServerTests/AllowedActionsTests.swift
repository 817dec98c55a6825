import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaServer
import MotCuaTestSupport
import Testing

/// `allowedActions` on a dossier: what the caller may do now, for a UI's buttons.
@Suite struct AllowedActionsTests {
    typealias Name = Components.Schemas.DossierActionName

    func actions(_ client: APIClient, _ code: String, as user: TestUser) async throws -> Set<Name> {
        Set(try await client.dossier(code, as: user).allowedActions ?? [])
    }

    /// Every status × every role: the list matches the state machine for that caller, and a few
    /// cells are spelled out.
    @Test(arguments: DossierStatus.allCases)
    func everyStatusAndRole(status: DossierStatus) async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            try await check(status: status, world: try await env.makeDossierWorld(), client: client)
        }
    }

    func check(status: DossierStatus, world: DossierWorld, client: APIClient) async throws {
            let dossier = try await makeDossier(in: status, world, client)
            let callers: [(TestUser, Set<Role>)] = [
                (world.reception, [.reception]), (world.leader, [.leader]), (world.specialist, [.specialist]),
                (world.specialist2, [.specialist]), (world.portal, [.portal]), (world.auditor, [.auditor]), (world.admin, [.admin]),
            ]
            var seen: [String: Set<Name>] = [:]
            for (user, roles) in callers {
                let listed = try await actions(client, dossier.code, as: user)
                let context = DossierContext(
                    supplementRequestsByHandlingUnit: dossier.supplementRequests, apologized: dossier.apologized, hasReason: true,
                    actorIsAssignee: dossier.assignee == user.username)
                let decided: [DossierAction] = DossierRules.allowedActions(status: status, actorRoles: roles, context: context)
                let expected: Set<Name> = Set(decided.compactMap { Name($0) })
                #expect(listed == expected, "\(status) as \(user.username)")
                seen[user.username] = listed
            }
            let reception: Set<Name> = seen[world.reception.username] ?? []
            let leader: Set<Name> = seen[world.leader.username] ?? []
            let assignee: Set<Name> = seen[world.specialist.username] ?? []
            let other: Set<Name> = seen[world.specialist2.username] ?? []
            let portal: Set<Name> = seen[world.portal.username] ?? []
            #expect(seen[world.auditor.username]?.isEmpty == true)
            switch status {
            case .submitted:
                #expect(reception == [.accept, .refuse, .requestSupplement, .withdraw] && portal == [.withdraw])
            case .received:
                #expect(leader == [.assign, .apologize] && reception == [.withdraw])
            case .inProgress:
                #expect(assignee == [.requestSupplement, .forward, .requestPayment] && other.isEmpty)
                #expect(leader == [.forward, .resolve, .stop, .apologize])
            case .supplementRequested:
                #expect(reception == [.supplement, .withdraw] && leader == [.stop, .apologize])
            case .resolved:
                #expect(reception == [._return] && leader.isEmpty)
            case .refused, .withdrawn, .stopped, .returned:
                #expect(seen.values.allSatisfy { $0.isEmpty }, "terminal: nothing")
            case .awaitingPayment:
                #expect(reception == [.pay, .withdraw] && portal == [.pay, .withdraw])
            }
    }

    /// What the dossier's own history rules out: a second Form 02, a second apology; and documents
    /// for a completion request at intake.
    @Test func historyNarrowsTheList() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let online = try await makeDossier(in: .submitted, world, client)
            try await client.perform("request-supplement", online.code, ActionBody.supplement(), as: world.reception)
            #expect(try await actions(client, online.code, as: world.portal) == [.supplement, .withdraw])
            #expect(try await actions(client, online.code, as: world.reception) == [.accept, .refuse, .supplement, .withdraw])

            let waiting = try await makeDossier(in: .supplementRequested, world, client)
            try await client.perform("supplement", waiting.code, ActionBody.supplied, as: world.reception)
            let after = try await actions(client, waiting.code, as: world.reception)
            #expect(!after.contains(.requestSupplement) && after.contains(.requestPayment), "one Form 02 per handling unit")
            try await client.perform("apologize", waiting.code, ActionBody.apology("2026-03-09"), as: world.leader)
            #expect(try await !actions(client, waiting.code, as: world.leader).contains(.apologize))

            // Lists and action answers carry it too, for their caller.
            let page: DossierPageBody = try expectJSON(try await client.get("/v1/dossiers?q=\(online.code)", token: world.portal.token))
            let listed: Set<Name> = Set(page.items.first?.allowedActions ?? [])
            #expect(listed == [.supplement, .withdraw])
            let assigned = try await client.perform("assign", try await makeDossier(in: .received, world, client).code,
                                                    ActionBody.assign(world.specialist), as: world.leader)
            #expect(Set(assigned.allowedActions ?? []) == [.forward, .resolve, .stop, .apologize])
        }
    }
}
