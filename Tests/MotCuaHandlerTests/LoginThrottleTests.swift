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

/// Failed logins are throttled per username and per client address, per application instance.
@Suite struct LoginThrottleTests {
    @Test func repeatedFailuresForOneUsernameGet429WithRetryAfterUntilTheWindowPasses() async throws {
        let clock = ManualClock(Date())
        try await withTestApp(storage: .memory, clock: clock.serverClock) { client, env in
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

    @Test func failuresFromOneAddressSlowItDownButNeverLockOutACorrectPassword() async throws {
        var policy = LoginThrottle.Policy()
        policy.addressFreeFailures = 3
        policy.addressDelayStep = .milliseconds(40)
        try await withTestApp(storage: .memory, configure: { $0.loginThrottle = policy }) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            var lastFailure = Duration.zero
            for _ in 0..<8 {
                let started = ContinuousClock.now
                let response = try await client.post("/v1/auth/tokens", json: ["username": Fixture.username("spray"), "password": "guess-123456"])
                #expect(response.status == .unauthorized)
                lastFailure = ContinuousClock.now - started
            }
            // The 8th failure from this address waited (8 - 1 - 3) * 40 ms before its password was checked.
            #expect(lastFailure >= .milliseconds(160))
            let colleague = try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": officer.password])
            #expect(colleague.status == .created)
        }
    }

    @Test func usernamesLockIndependentlyAndAMatchClearsTheCount() {
        var policy = LoginThrottle.Policy()
        policy.userFailures = 2
        policy.window = 60
        let throttle = LoginThrottle(policy: policy)
        let now = Date()
        func fail(_ username: String, _ address: String, at time: Date = now) {
            guard case .admitted(let attempt) = throttle.admit(username: username, addressKey: address, now: time) else {
                Issue.record("\(username) was not admitted")
                return
            }
            throttle.finish(attempt, .passwordWrong)
        }
        fail("a", "1")
        fail("a", "2")
        #expect(throttle.admit(username: "a", addressKey: "3", now: now).retryAfter == 60)
        #expect(throttle.admit(username: "a", addressKey: "3", now: now.addingTimeInterval(61)).retryAfter == nil)
        fail("b", "1")
        guard case .admitted(let right) = throttle.admit(username: "b", addressKey: "1", now: now) else { return }
        throttle.finish(right, .passwordMatched)
        fail("b", "1")
        #expect(throttle.admit(username: "b", addressKey: "1", now: now).retryAfter == nil)
        // An attempt that never reached the password check does not count.
        fail("c", "1")
        guard case .admitted(let abandoned) = throttle.admit(username: "c", addressKey: "1", now: now) else { return }
        throttle.finish(abandoned, .abandoned)
        #expect(throttle.admit(username: "c", addressKey: "1", now: now).retryAfter == nil)
    }

    @Test func addressDelaysGrowPastTheFreeFailuresUpToTheCap() {
        var policy = LoginThrottle.Policy()
        policy.addressFreeFailures = 2
        let throttle = LoginThrottle(policy: policy)
        var delays: [Duration] = []
        for index in 0..<24 {
            guard case .admitted(let attempt) = throttle.admit(username: "u\(index)", addressKey: "office", now: Date()) else { return }
            delays.append(attempt.delay)
            throttle.finish(attempt, .passwordWrong)
        }
        #expect(delays.prefix(3) == [.zero, .zero, .zero])
        #expect(delays[3] == .milliseconds(250) && delays[4] == .milliseconds(500))
        #expect(delays.last == .seconds(4))
        guard case .admitted = throttle.admit(username: "u0", addressKey: "elsewhere", now: Date()) else {
            Issue.record("another address is slowed by this one's failures")
            return
        }
    }

    @Test func aSprayOfUsernamesForgetsTheLeastRecentlyUsedNotTheLockout() {
        var policy = LoginThrottle.Policy()
        policy.userFailures = 3
        policy.capacity = 20
        policy.addressFreeFailures = 1_000
        let throttle = LoginThrottle(policy: policy)
        let now = Date()
        for _ in 0..<3 {
            guard case .admitted(let attempt) = throttle.admit(username: "victim", addressKey: "a", now: now) else { return }
            throttle.finish(attempt, .passwordWrong)
        }
        for index in 0..<200 {
            if case .admitted(let attempt) = throttle.admit(username: "spray\(index)", addressKey: "a", now: now) {
                throttle.finish(attempt, .passwordWrong)
            }
            // The attacker keeps trying the victim, so the victim's lockout is in use and stays.
            #expect(throttle.admit(username: "victim", addressKey: "a", now: now).retryAfter != nil)
        }
        let limiter = RateLimiter(limit: 1, window: 60, capacity: 20)
        #expect(limiter.acquire("busy-address", now: now) == nil)
        for index in 0..<200 {
            _ = limiter.acquire("spray\(index)", now: now)
            #expect(limiter.acquire("busy-address", now: now) != nil)
        }
    }
}

extension LoginThrottle.Admission {
    var retryAfter: Int? {
        if case .refused(let wait) = self { return wait }
        return nil
    }
}
