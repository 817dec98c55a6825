import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaServer
import MotCuaTestSupport
import Testing

/// Answers that carry personal data or tokens are never cached, on real dossiers.
@Suite struct NoStoreTests {
    @Test func personalDataAndTokensAreNeverCached() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let login = try await client.post("/v1/auth/tokens", json: ["username": world.reception.username, "password": Fixture.password])
            #expect(login.headers[.cacheControl] == "no-store")
            let filed = try await client.file(world.body(), as: world.reception)
            for path in ["/v1/dossiers/\(filed.code)", "/v1/dossiers", "/v1/auth/me", "/v1/public/dossiers/\(filed.code)?lookupKey=\(filed.lookupKey)"] {
                let token = path.hasPrefix("/v1/public") ? nil : world.reception.token
                #expect(try await client.get(path, token: token).headers[.cacheControl] == "no-store", "\(path)")
            }
            #expect(try await client.get("/v1/procedures").headers[.cacheControl] == nil, "the public catalog stays cacheable")
        }
    }
}
