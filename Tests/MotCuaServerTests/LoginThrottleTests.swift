import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import NIOCore
import Testing

/// Failed logins are throttled per username and per client address, per application instance.
@Suite struct LoginThrottleTests {
    @Test func repeatedFailuresForOneUsernameGet429WithRetryAfterUntilTheWindowPasses() async throws {
        let clock = ManualClock(Date())
        try await withTestApp(clock: clock.serverClock) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            for _ in 0..<5 {
                let response = try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": "wrong-password"])
                #expect(response.status == .unauthorized)
            }
            // Even the right password is refused while throttled.
            let throttled = try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": officer.password])
            try expectProblem(throttled, .tooManyRequests, code: "rate-limited")
            let retryAfter = try #require(throttled.headers[.retryAfter].flatMap(Int.init))
            #expect((1...900).contains(retryAfter))

            clock.advance(by: TimeInterval(retryAfter) + 1)
            let later = try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": officer.password])
            #expect(later.status == .created)
        }
    }

    @Test func failuresFromOneAddressAcrossUsernamesThrottleThatAddress() async throws {
        try await withTestApp { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            for _ in 0..<5 {
                let response = try await client.post("/v1/auth/tokens", json: ["username": Fixture.username("spray"), "password": "guess-123456"])
                #expect(response.status == .unauthorized)
            }
            let blocked = try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": officer.password])
            try expectProblem(blocked, .tooManyRequests, code: "rate-limited")
            #expect(blocked.headers[.retryAfter].flatMap(Int.init) != nil)
        }
    }

    @Test func throttleIsPerInstance() async throws {
        let username = try await withTestApp { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            for _ in 0..<6 { _ = try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": "wrong-password"]) }
            #expect(try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": officer.password]).status == .tooManyRequests)
            return officer.username
        }
        try await withTestApp { client, _ in
            let response = try await client.post("/v1/auth/tokens", json: ["username": username, "password": Fixture.password])
            #expect(response.status == .created)
        }
    }

    @Test func throttleKeysAreIndependent() {
        let throttle = LoginThrottle(maxFailures: 2, window: 60)
        let now = Date()
        throttle.recordFailure(["user:a", "addr:1"], now: now)
        throttle.recordFailure(["user:a", "addr:2"], now: now)
        #expect(throttle.retryAfter(["user:a", "addr:3"], now: now) == 60)
        #expect(throttle.retryAfter(["user:b", "addr:1"], now: now) == nil)
        #expect(throttle.retryAfter(["user:a"], now: now.addingTimeInterval(61)) == nil)
        throttle.recordFailure(["user:b"], now: now)
        throttle.recordSuccess(username: "user:b")
        throttle.recordFailure(["user:b"], now: now)
        #expect(throttle.retryAfter(["user:b"], now: now) == nil)
    }
}
