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

@Suite struct AuthTests {
    @Test func loginReturnsATokenWithExpiryAndTheUser() async throws {
        try await withTestApp(storage: .memory, environment: ["MOTCUA_TOKEN_TTL_HOURS": "12"]) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            let before = Date()
            let response = try await client.post(
                "/v1/auth/tokens", json: ["username": officer.username.uppercased(), "password": officer.password])
            let login = try expectJSON(response, .created, as: Components.Schemas.TokenResponse.self)
            #expect(login.token.count >= 43)
            #expect(login.user.username == officer.username)
            #expect(login.user.unitCode == province.commune)
            #expect(login.user.roles == [.reception])
            #expect(abs(login.expiresAt.timeIntervalSince(before) - 12 * 3600) < 60)
            #expect(!response.text.contains("$2") && !response.text.contains(officer.password))
        }
    }

    @Test func tokensLiveAndExpireOnTheServersClock() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_773_111_600))  // 2026-03-10T03:00:00Z, in the past
        try await withTestApp(storage: .memory, clock: clock.serverClock, environment: ["MOTCUA_TOKEN_TTL_HOURS": "12"]) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            #expect(try await client.get("/v1/auth/me", token: officer.token).status == .ok)
            let login = try expectJSON(
                try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": officer.password]),
                .created, as: Components.Schemas.TokenResponse.self)
            #expect(abs(login.expiresAt.timeIntervalSince(clock.now) - 12 * 3600) < 1)
            clock.advance(by: 12 * 3600 - 60)
            #expect(try await client.get("/v1/auth/me", token: login.token).status == .ok)
            clock.advance(by: 61)
            try expectProblem(try await client.get("/v1/auth/me", token: login.token), .unauthorized, code: "unauthenticated")
        }
    }

    @Test func wrongPasswordAndUnknownUserGetTheSame401() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.specialist], unit: province.commune)
            let wrong = try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": "not-the-password"])
            let unknown = try await client.post("/v1/auth/tokens", json: ["username": Fixture.username("ghost"), "password": "whatever-1234"])
            let first = try expectProblem(wrong, .unauthorized, code: "unauthenticated")
            let second = try expectProblem(unknown, .unauthorized, code: "unauthenticated")
            #expect(first.detail == second.detail)
        }
    }

    @Test func meAnswersTheTokensUser() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader, .specialist], unit: province.commune)
            let me = try expectJSON(try await client.get("/v1/auth/me", token: leader.token), as: Components.Schemas.User.self)
            #expect(me.username == leader.username)
            #expect(Set(me.roles) == [.leader, .specialist])
            #expect(me.active)
        }
    }

    @Test func logoutRevokesTheTokenAtOnce() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            let other = try await env.login(officer.username, officer.password)
            #expect(try await client.get("/v1/auth/me", token: officer.token).status == .ok)
            #expect(try await client.delete("/v1/auth/tokens/current", token: officer.token).status == .noContent)
            try expectProblem(try await client.get("/v1/auth/me", token: officer.token), .unauthorized, code: "unauthenticated")
            try expectProblem(try await client.delete("/v1/auth/tokens/current", token: officer.token), .unauthorized, code: "unauthenticated")
            // Only that token: another session of the same user goes on.
            #expect(try await client.get("/v1/auth/me", token: other).status == .ok)
        }
    }

    @Test func expiredTokenIsRefused() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            let token = TokenStore.generateToken()
            try await env.tokens.insert(tokenHash: TokenStore.hash(token), userID: officer.record.id, expiresAt: Date().addingTimeInterval(-60))
            let response = try await client.get("/v1/auth/me", token: token)
            try expectProblem(response, .unauthorized, code: "unauthenticated")
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
        }
    }

    @Test func tokenStopsWorkingWhenItExpiresEvenIfCached() async throws {
        let clock = ManualClock(Date())
        try await withTestApp(storage: .memory, clock: clock.serverClock) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            let token = TokenStore.generateToken()
            try await env.tokens.insert(tokenHash: TokenStore.hash(token), userID: officer.record.id, expiresAt: clock.now.addingTimeInterval(1.5))
            #expect(try await client.get("/v1/auth/me", token: token).status == .ok)
            clock.advance(by: 2)  // within the cache's 5 seconds
            try expectProblem(try await client.get("/v1/auth/me", token: token), .unauthorized, code: "unauthenticated")
        }
    }

    @Test func tokenRevokedElsewhereStopsWorkingWithinSeconds() async throws {
        let clock = ManualClock(Date())
        try await withTestApp(storage: .memory, clock: clock.serverClock) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            #expect(try await client.get("/v1/auth/me", token: officer.token).status == .ok)
            // As another instance's logout would: straight in the database. This instance's cache
            // keeps the token for up to 5 seconds of the server's clock, then asks the database.
            try await env.tokens.revoke(tokenHash: TokenStore.hash(officer.token))
            clock.advance(by: 4)
            #expect(try await client.get("/v1/auth/me", token: officer.token).status == .ok)
            clock.advance(by: 1.5)
            try expectProblem(try await client.get("/v1/auth/me", token: officer.token), .unauthorized, code: "unauthenticated")
        }
    }

    @Test func garbageAndMissingCredentialsAre401() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            for header in ["", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer not-a-real-token"] {
                let headers: HTTPFields = header.isEmpty ? [:] : [.authorization: header]
                try expectProblem(try await client.get("/v1/auth/me", headers: headers), .unauthorized, code: "unauthenticated")
            }
        }
    }

}
