import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

/// The login audit over real HTTP: every password login is recorded for its province with the
/// client's address and user agent.
@Suite struct LoginAuditTests {
    @Test func everyPasswordLoginIsAuditedForItsProvince() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let otherAdmin = try await env.makeAdmin(try await env.makeProvince(communes: 1), national: false)
            let user = world.specialist
            _ = try await client.request(
                .post, "/v1/auth/tokens", headers: [.userAgent: "MotCua-test/1.0"],
                body: .init(string: #"{"username":"\#(user.username)","password":"wrong-password"}"#))
            _ = try await env.login(user.username, user.password)
            let ghost = Fixture.username("ghost")
            _ = try await client.post("/v1/auth/tokens", json: ["username": ghost, "password": "wrong-password"])

            let page = try expectJSON(
                try await client.get("/v1/audit/logins?username=\(user.username)", token: world.auditor.token),
                as: Components.Schemas.LoginAuditPage.self)
            // The fixture's own login, the failure, the success: newest first.
            #expect(page.items.map(\.outcome.rawValue) == ["succeeded", "failed", "succeeded"])
            #expect(page.items[1].userAgent == "MotCua-test/1.0" && page.items[1].clientAddress?.isEmpty == false)
            let failures = try expectJSON(
                try await client.get("/v1/audit/logins?username=\(user.username)&outcome=failed&limit=1", token: world.admin.token),
                as: Components.Schemas.LoginAuditPage.self)
            #expect(failures.items.count == 1 && failures.nextCursor?.value == nil)

            // Other provinces and unknown usernames are not a province admin's to see.
            let elsewhere = try expectJSON(
                try await client.get("/v1/audit/logins?username=\(user.username)", token: otherAdmin.token), as: Components.Schemas.LoginAuditPage.self)
            #expect(elsewhere.items.isEmpty)
            let unknown = try expectJSON(
                try await client.get("/v1/audit/logins?username=\(ghost)", token: world.auditor.token), as: Components.Schemas.LoginAuditPage.self)
            #expect(unknown.items.isEmpty)
            let national = try expectJSON(
                try await client.get("/v1/audit/logins?username=\(ghost)", token: world.admin.token), as: Components.Schemas.LoginAuditPage.self)
            #expect(national.items.map(\.outcome.rawValue) == ["failed"])
            try expectProblem(try await client.get("/v1/audit/logins", token: world.reception.token), .forbidden, code: "forbidden")
        }
    }
}
