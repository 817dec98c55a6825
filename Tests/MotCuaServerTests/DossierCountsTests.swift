import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaServer
import MotCuaTestSupport
import Testing

/// `GET /v1/dossiers/counts`: a dashboard's figures, in the caller's scope.
@Suite struct DossierCountsTests {
    func counts(_ client: APIClient, _ query: String = "", as user: TestUser) async throws -> Components.Schemas.DossierCounts {
        try expectJSON(try await client.get("/v1/dossiers/counts" + query, token: user.token))
    }

    @Test func countsPerStatusAndDueDatesInTheCallersScope() async throws {
        let clock = ManualClock(actionDay)  // Monday 2 March 2026: received today, due Thursday 5 March
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            for status in [DossierStatus.submitted, .received, .received, .inProgress, .supplementRequested, .returned] {
                _ = try await makeDossier(in: status, world, client)
            }
            _ = try await client.file(world.body(receiving: world.unitB), as: world.receptionB)

            var mine = try await counts(client, as: world.reception)
            #expect(mine.total == 6 && mine.open == 5 && mine.overdue == 0 && mine.dueSoon == 0)
            #expect(mine.byStatus.additionalProperties == [
                "submitted": 1, "received": 2, "refused": 0, "in_progress": 1, "supplement_requested": 1, "awaiting_payment": 0,
                "withdrawn": 0, "stopped": 0, "resolved": 0, "returned": 1,
            ])
            #expect(try await counts(client, as: world.receptionB).total == 1, "another commune sees its own")
            let province = try await counts(client, as: world.auditor)
            #expect(province.total == 7 && province.unit == nil)
            let unitB = try await counts(client, "?unit=\(world.unitB)", as: world.admin)
            #expect(unitB.total == 1 && unitB.unit == world.unitB)

            // Wednesday: the three running ones are due by Thursday, the next working day; the waiting
            // one is not counted (its due date moves when the wait ends).
            clock.set(vn: "2026-03-04", "09:00")
            mine = try await counts(client, as: world.reception)
            #expect(mine.dueSoon == 3 && mine.overdue == 0)
            // Friday: the three running ones are overdue; the waiting one is not (its clock is paused).
            clock.set(vn: "2026-03-06", "09:00")
            mine = try await counts(client, as: world.reception)
            #expect(mine.overdue == 3 && mine.dueSoon == 0)
            let listed: DossierPageBody = try expectJSON(try await client.get("/v1/dossiers?overdue=true", token: world.reception.token))
            #expect(listed.items.count == mine.overdue, "the same rule as the overdue filter")

            try expectProblem(try await client.get("/v1/dossiers/counts?unit=bad%20unit", token: world.admin.token), .badRequest,
                              code: "malformed-request")
            try expectProblem(try await client.get("/v1/dossiers/counts"), .unauthorized, code: "unauthenticated")
        }
    }
}
