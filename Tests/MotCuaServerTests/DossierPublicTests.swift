import Foundation
import HTTPTypes
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaTestSupport
import Testing
import HummingbirdTesting
import MotCuaStore

@Suite struct DossierPublicTests {
    @Test func publicLookupShowsNoPersonalData() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .inProgress, world, client)
            let response = try await client.get("/v1/public/dossiers/\(dossier.code)?lookupKey=\(dossier.lookupKey)")
            #expect(response.status == .ok, "\(response.text)")
            let body = try response.decode(JSONObject.self)
            #expect(Set(body.keys).isSubset(of: [
                "code", "status", "statusCode", "procedureName", "applicantName", "receivedAt", "dueDate", "appointmentDate",
                "finishedAt", "timeliness",
            ]), "\(body.keys.sorted())")
            #expect(body["code"]?.string == dossier.code && body["status"]?.string == "in_progress")
            #expect(body["applicantName"]?.string == "N***** T** Á**")
            #expect(body["dueDate"]?.string == "2026-03-05" && body["timeliness"]?.string == "within_deadline")
            for secret in ["001190012345", "0912345678", "anh@example.vn", "Lê Lợi", "Nguyễn", "idNumber", "phone", "email", "address",
                           "lookupKey", dossier.lookupKey, world.specialist.username] {
                #expect(!response.text.contains(secret), "leaks \(secret)")
            }
            // The key is not case-sensitive (it is printed in capitals).
            #expect(try await client.get("/v1/public/dossiers/\(dossier.code)?lookupKey=\(dossier.lookupKey.lowercased())").status == .ok)
        }
    }

    @Test func wrongKeyLooksExactlyLikeAnUnknownCode() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .received, world, client)
            var wrong = Array(dossier.lookupKey)
            wrong[0] = wrong[0] == "A" ? "B" : "A"
            let badKey = try await client.get("/v1/public/dossiers/\(dossier.code)?lookupKey=\(String(wrong))")
            let unknown = try await client.get("/v1/public/dossiers/\(world.unitA)-260302-9999?lookupKey=\(dossier.lookupKey)")
            let short = try await client.get("/v1/public/dossiers/\(dossier.code)?lookupKey=\(dossier.lookupKey.prefix(11))")
            let a = try expectProblem(badKey, .notFound, code: "not-found")
            let b = try expectProblem(unknown, .notFound, code: "not-found")
            let c = try expectProblem(short, .notFound, code: "not-found")
            #expect(a.detail == b.detail && a.title == b.title && b.detail == c.detail)
            #expect(badKey.headers[.contentType] == unknown.headers[.contentType])
            let missing = try await client.get("/v1/public/dossiers/\(dossier.code)")
            #expect(missing.status.code == 400 || missing.status.code == 422)
            // Rating with a wrong key is 404 too.
            try expectProblem(
                try await client.post("/v1/public/dossiers/\(dossier.code)/rating?lookupKey=\(String(wrong))", json: RatingBody()),
                .notFound, code: "not-found")
        }
    }

    @Test func publicLookupIsRateLimitedPerClient() async throws {
        let clock = ManualClock(actionDay)
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .received, world, client)
            let path = "/v1/public/dossiers/\(dossier.code)?lookupKey=\(dossier.lookupKey)"
            var statuses: [Int] = []
            for index in 0..<61 {
                // Guesses count as much as hits.
                let url = index.isMultiple(of: 2) ? path : "/v1/public/dossiers/\(dossier.code)?lookupKey=WRONGKEY2345"
                statuses.append(Int(try await client.get(url).status.code))
            }
            #expect(statuses.prefix(60).allSatisfy { $0 == 200 || $0 == 404 })
            let limited = try await client.get(path)
            try expectProblem(limited, .tooManyRequests, code: "rate-limited")
            #expect(limited.headers[.retryAfter] != nil)
            // Authenticated reads are not affected.
            _ = try await client.dossier(dossier.code, as: world.reception)
            clock.advance(by: 61)
            #expect(try await client.get(path).status == .ok)
        }
    }

    @Test func ratingOnceOnlyWhenFinishedAndImmutable() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let open = try await makeDossier(in: .inProgress, world, client)
            let notYet = try await client.post("/v1/public/dossiers/\(open.code)/rating?lookupKey=\(open.lookupKey)", json: RatingBody())
            try expectProblem(notYet, .conflict, code: "not-finished")
            try expectProblem(try await client.post("/v1/dossiers/\(open.code)/rating", json: RatingBody(), token: world.portal.token),
                              .conflict, code: "not-finished")

            let resolved = try await client.perform("resolve", open.code, ActionBody.resolve, as: world.leader)
            let before = try await env.dossierState(resolved.code)
            let rated = try await client.post("/v1/public/dossiers/\(resolved.code)/rating?lookupKey=\(resolved.lookupKey)", json: RatingBody())
            let rating = try expectJSON(rated, .created, as: Components.Schemas.Rating.self)
            #expect(rating.total == 16 && rating.band == .excellent && rating.satisfaction == .satisfied)
            var second = RatingBody()
            second.satisfaction = "dissatisfied"
            try expectProblem(try await client.post("/v1/public/dossiers/\(resolved.code)/rating?lookupKey=\(resolved.lookupKey)", json: second),
                              .conflict, code: "already-rated")
            try expectProblem(try await client.post("/v1/dossiers/\(resolved.code)/rating", json: second, token: world.portal.token),
                              .conflict, code: "already-rated")
            let after = try await env.dossierState(resolved.code)
            #expect(after.events == before.events + 1 && after.status == before.status)
            // The stored row cannot be changed or deleted, even directly.
            await #expect(throws: PostgresError.self) {
                try await env.pool.execute("""
                    UPDATE dossier_ratings SET total = 0 WHERE dossier_id = (SELECT id FROM dossiers WHERE code = \(resolved.code))
                    """)
            }
            await #expect(throws: PostgresError.self) {
                try await env.pool.execute("DELETE FROM dossier_ratings WHERE dossier_id = (SELECT id FROM dossiers WHERE code = \(resolved.code))")
            }
            // Still resolved: it can be returned after the rating.
            try await client.perform("return", resolved.code, as: world.reception)

            // By the portal, for a refused dossier; only the portal (or admin) forwards ratings.
            let refused = try await makeDossier(in: .refused, world, client)
            try expectProblem(try await client.post("/v1/dossiers/\(refused.code)/rating", json: RatingBody(), token: world.reception.token),
                              .forbidden, code: "forbidden")
            var low = RatingBody()
            low.scores = .init(i1: 0, i2: 0, i3: 1, i4: 1, i5: 1, i6: 0, i7: 0, i8: 0, i9: 0)
            low.satisfaction = "dissatisfied"
            let byPortal = try expectJSON(
                try await client.post("/v1/dossiers/\(refused.code)/rating", json: low, token: world.portal.token), .created,
                as: Components.Schemas.Rating.self)
            #expect(byPortal.total == 3 && byPortal.band == .weak)
            try expectProblem(try await client.post("/v1/public/dossiers/\(refused.code)/rating?lookupKey=\(refused.lookupKey)", json: RatingBody()),
                              .conflict, code: "already-rated")
            // Scores outside 0-2 are refused.
            let stopped = try await makeDossier(in: .stopped, world, client)
            var invalid = RatingBody()
            invalid.scores.i4 = 3
            let response = try await client.post("/v1/public/dossiers/\(stopped.code)/rating?lookupKey=\(stopped.lookupKey)", json: invalid)
            #expect(response.status.code == 422 || response.status.code == 400)
            let source = try await env.pool.query("""
                SELECT source FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id WHERE d.code = \(refused.code)
                """).first!.decode(String.self, at: 0)
            #expect(source == "portal")
        }
    }
}
