import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

/// Hostile or odd input is a 4xx problem (or a normal answer), never a 500.
/// Here: what reaches the dossier store or the database's own checks; the rest runs without a database
/// in `MotCuaHandlerTests`.
@Suite struct InputRobustnessTests {
    @Test func nulCharactersAreRefusedNotCutShort() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            var body = world.body()
            body.applicant.fullName = "Nguyễn Văn A\u{0}B"
            body.note = "ghi chú\u{0}"
            let intake = try await client.post("/v1/dossiers", json: body, token: world.reception.token)
            let problem = try expectProblem(intake, .unprocessableContent, code: "validation-failed", invalidParams: ["applicant.fullName", "note"])
            #expect(problem.invalidParams?.first?.reason == "must not contain the NUL character (U+0000)")
            #expect(try expectJSON(try await client.get("/v1/dossiers", token: world.reception.token), as: DossierPageBody.self).items.isEmpty)
            try expectProblem(
                try await client.get("/v1/dossiers?q=nguy%00en", token: world.reception.token), .badRequest, code: "malformed-request")
            let login = try await client.post("/v1/auth/tokens", json: ["username": "a\u{0}b", "password": "x\u{0}y"])
            #expect([HTTPResponse.Status.unauthorized, .unprocessableContent].contains(login.status), "\(login.text)")
            let user = try await client.post(
                "/v1/users", json: UserBody(username: Fixture.username("nul"), fullName: "A\u{0}B", unitCode: world.unitA, roles: ["reception"], password: "a-long-secret-1"),
                token: world.admin.token)
            try expectProblem(user, .unprocessableContent, code: "validation-failed", invalidParams: ["fullName"])
        }
    }

    @Test func theDatabaseRefusesOverlongTextEvenIfAHandlerForgetsTheContract() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await client.file(world.body(), as: world.reception)
            let tooLong = String(repeating: "ễ", count: 2001)
            for statement: PostgresQuery in [
                "UPDATE dossiers SET note = \(tooLong) WHERE code = \(dossier.code)",
                "UPDATE dossiers SET applicant_name = \(String(tooLong.prefix(201))) WHERE code = \(dossier.code)",
                "UPDATE users SET full_name = \(String(tooLong.prefix(201))) WHERE username = \(world.reception.username)",
                "UPDATE dossier_events SET reason = \(tooLong) WHERE dossier_id = (SELECT id FROM dossiers WHERE code = \(dossier.code))",
            ] {
                let error = await #expect(throws: PostgresError.self) { try await env.pool.execute(statement) }
                #expect(error?.code == .checkViolation, "\(statement.sql)")
            }
            // At the limit is fine: 2,000 characters of 3 bytes each.
            _ = try await env.pool.execute("UPDATE dossiers SET note = \(String(tooLong.dropFirst())) WHERE code = \(dossier.code)")
        }
    }

}
