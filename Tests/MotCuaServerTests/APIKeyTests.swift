import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

typealias APIKeyCreated = Components.Schemas.APIKeyCreated

@Suite struct APIKeyTests {
    @Test func aPortalAccountAuthenticatesWithItsKeyUntilRevoked() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let path = "/v1/users/\(world.portal.username)/api-keys"
            let created: APIKeyCreated = try expectJSON(
                try await client.post(path, json: ["name": "Cổng DVC quốc gia"], token: world.admin.token), .created)
            let key = created.value2.key
            #expect(key.hasPrefix("mck_") && key.count == 47 && created.value1.prefix == String(key.prefix(12)))

            let me: Components.Schemas.User = try expectJSON(try await client.get("/v1/auth/me", token: key))
            #expect(me.username == world.portal.username)
            // The portal works with it: online intake.
            _ = try await client.file(world.body(channel: "online"), as: TestUser(
                username: world.portal.username, password: "", token: key, record: world.portal.record))

            // Only the hash is stored; the list never shows the key.
            let stored = try await env.pool.query("SELECT encode(key_hash, 'hex') FROM api_keys WHERE id = \(created.value1.id)")
                .first!.decode(String.self, at: 0)
            #expect(stored == SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined())
            let listed = try await client.get(path, token: world.admin.token)
            let keys: Components.Schemas.APIKeyList = try expectJSON(listed)
            #expect(keys.items.map(\.id) == [created.value1.id] && keys.items[0].lastUsedAt != nil && !listed.text.contains(key))

            #expect(try await client.delete("\(path)/\(created.value1.id)", token: world.admin.token).status == .noContent)
            try expectProblem(try await client.get("/v1/auth/me", token: key), .unauthorized, code: "unauthenticated")
            let revoked: Components.Schemas.APIKeyList = try expectJSON(try await client.get(path, token: world.admin.token))
            #expect(revoked.items[0].revokedAt != nil)
        }
    }

    @Test func onlyAnAdminOfTheProvinceManagesKeysOfIntegrationAccounts() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let other = try await env.makeAdmin(try await env.makeProvince(communes: 1), national: false)
            let path = "/v1/users/\(world.portal.username)/api-keys"
            try expectProblem(try await client.post(path, json: ["name": "x"], token: world.portal.token), .forbidden, code: "forbidden")
            try expectProblem(try await client.post(path, json: ["name": "x"], token: other.token), .notFound, code: "not-found")
            try expectProblem(try await client.get(path, token: other.token), .notFound, code: "not-found")
            try expectProblem(
                try await client.post("/v1/users/\(world.reception.username)/api-keys", json: ["name": "x"], token: world.admin.token),
                .conflict, code: "conflict")
            try expectProblem(
                try await client.post(path, json: ["name": "x", "expiresAt": "2020-01-01T00:00:00Z"], token: world.admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["expiresAt"])
            try expectProblem(try await client.delete("\(path)/999999999", token: world.admin.token), .notFound, code: "not-found")
            #expect(try await env.pool.query("SELECT 1 FROM api_keys WHERE user_id = \(world.portal.record.id)").isEmpty)
        }
    }

    @Test func anExpiredKeyOrADeactivatedAccountDoesNotAuthenticate() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let path = "/v1/users/\(world.portal.username)/api-keys"
            let expiring: APIKeyCreated = try expectJSON(
                try await client.post(path, json: ["name": "expiring", "expiresAt": "2099-01-01T00:00:00Z"], token: world.admin.token),
                .created)
            _ = try await env.pool.execute("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = \(expiring.value1.id)")
            try expectProblem(try await client.get("/v1/auth/me", token: expiring.value2.key), .unauthorized, code: "unauthenticated")

            let other: APIKeyCreated = try expectJSON(try await client.post(path, json: ["name": "other"], token: world.admin.token), .created)
            _ = try await env.pool.execute("UPDATE users SET active = false WHERE id = \(world.portal.record.id)")
            try expectProblem(try await client.get("/v1/auth/me", token: other.value2.key), .unauthorized, code: "unauthenticated")
            try expectProblem(try await client.get("/v1/auth/me", token: "mck_not-a-key"), .unauthorized, code: "unauthenticated")
        }
    }
}
