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

/// What the token store decides in SQL: which tokens live at the server's time, which expired ones
/// are purged, and that a deactivated user's tokens and password stop working.
@Suite struct TokenStoreTests {
    @Test func aTokenLivesUntilItsExpiryOnTheClockTheServerPasses() async throws {
        try await withTestApp { _, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            let hash = TokenStore.hash(TokenStore.generateToken())
            let expiry = Date(timeIntervalSince1970: 1_773_111_600)  // 2026-03-10, in the database's past
            try await env.tokens.insert(tokenHash: hash, userID: officer.record.id, expiresAt: expiry)
            #expect(try await env.tokens.principal(tokenHash: hash, now: expiry.addingTimeInterval(-1))?.principal.userID == officer.record.id)
            #expect(try await env.tokens.principal(tokenHash: hash, now: expiry) == nil)
            try await env.tokens.revoke(tokenHash: hash)
            #expect(try await env.tokens.principal(tokenHash: hash, now: expiry.addingTimeInterval(-1)) == nil)
        }
    }

    @Test func tokensExpiredForMoreThanADayArePurged() async throws {
        try await withTestApp { _, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            let old = TokenStore.hash(TokenStore.generateToken())
            let recent = TokenStore.hash(TokenStore.generateToken())
            // Purged as of 1999-12-31, a time no other test's tokens expire before: parallel tests keep theirs.
            let now = Date(timeIntervalSince1970: 946_598_400)
            try await env.tokens.insert(tokenHash: old, userID: officer.record.id, expiresAt: now.addingTimeInterval(-2 * 86_400))
            try await env.tokens.insert(tokenHash: recent, userID: officer.record.id, expiresAt: now.addingTimeInterval(-3_600))
            #expect(try await env.tokens.purgeExpired(now: now) >= 1)
            let left = try await env.pool.query("""
                SELECT encode(token_hash, 'hex') FROM auth_tokens WHERE token_hash IN (decode(\(old), 'hex'), decode(\(recent), 'hex'))
                """).map { try $0.decode(String.self, at: 0) }
            #expect(left == [recent])  // the recent one stays a day, for "expired" answers
        }
    }

    @Test func deactivatedUsersTokenIsRefused() async throws {
        try await withTestApp { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            try await env.pool.execute("UPDATE users SET active = false WHERE id = \(officer.record.id)")
            try expectProblem(try await client.get("/v1/auth/me", token: officer.token), .unauthorized, code: "unauthenticated")
            try expectProblem(
                try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": officer.password]),
                .unauthorized, code: "unauthenticated")
        }
    }
}
