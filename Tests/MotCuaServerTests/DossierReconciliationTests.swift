import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaTestSupport
import Testing

/// The portal's own reference on a dossier, and listing what changed since an instant.
@Suite struct DossierReconciliationTests {
    @Test func theExternalReferenceIsUniquePerFilingAccountAndSearchable() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            var body = world.body(channel: "online")
            body.externalReference = "G22.99-260309-000042"
            let first = try await client.file(body, as: world.portal)
            #expect(first.externalReference == "G22.99-260309-000042")

            let before = try await env.pool.query("SELECT count(*) FROM dossiers WHERE province = \(world.province.code)").first!.decode(Int.self, at: 0)
            let problem = try expectProblem(try await client.intake(body, as: world.portal), .conflict, code: "external-reference-taken")
            #expect(problem.detail?.contains(first.code) == true)
            let after = try await env.pool.query("SELECT count(*) FROM dossiers WHERE province = \(world.province.code)").first!.decode(Int.self, at: 0)
            #expect(after == before, "nothing written, no code used")

            // Another account's reference space is its own.
            var counter = world.body()
            counter.externalReference = body.externalReference
            let second = try await client.file(counter, as: world.reception)

            let found: DossierPageBody = try expectJSON(try await client.get(
                "/v1/dossiers?externalReference=\(query("G22.99-260309-000042"))", token: world.portal.token))
            #expect(Set(found.items.map(\.code)) == [first.code, second.code])
            let none: DossierPageBody = try expectJSON(try await client.get("/v1/dossiers?externalReference=nothing", token: world.portal.token))
            #expect(none.items.isEmpty)

            body.externalReference = "has space"
            try expectProblem(try await client.intake(body, as: world.portal), .unprocessableContent, code: "validation-failed",
                              invalidParams: ["externalReference"])
        }
    }

    @Test func updatedSinceListsWhatChangedAtOrAfterTheInstant() async throws {
        let clock = ManualClock(Instant.vn("2026-03-09", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let a = try await client.file(world.body(), as: world.reception)
            clock.set(vn: "2026-03-09", "10:00")
            let b = try await client.file(world.body(), as: world.reception)
            clock.set(vn: "2026-03-09", "11:00")
            try await client.perform("assign", a.code, ActionBody.assign(world.specialist), as: world.leader)

            func changed(since time: String) async throws -> Set<String> {
                let since = try RFC3339DateTranscoder().encode(Instant.vn("2026-03-09", time))
                let page: DossierPageBody = try expectJSON(try await client.get(
                    "/v1/dossiers?updatedSince=\(query(since))", token: world.portal.token))
                return Set(page.items.map(\.code))
            }
            #expect(try await changed(since: "09:00") == [a.code, b.code])
            #expect(try await changed(since: "10:00") == [a.code, b.code])
            #expect(try await changed(since: "10:30") == [a.code])
            #expect(try await changed(since: "11:01").isEmpty)
            try expectProblem(try await client.get("/v1/dossiers?updatedSince=yesterday", token: world.portal.token),
                              .badRequest, code: "malformed-request", invalidParams: ["updatedSince"])
        }
    }
}
