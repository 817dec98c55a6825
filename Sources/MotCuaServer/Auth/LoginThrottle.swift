import Foundation
import MotCuaFoundation

/// Guards password logins against guessing, per application instance (each instance throttles what it
/// sees, which bounds guessing to a small multiple):
///
/// - **Per username**: after `Policy.userFailures` failures within `Policy.window` the username is
///   refused (429 with `Retry-After`) until the oldest failure leaves the window.
/// - **Per client address** (an IPv4 address or an IPv6 /64): failures past `Policy.addressFreeFailures`
///   slow that address's further attempts down, never refuse them, so a guesser behind a shared
///   address (a commune office's NAT) cannot lock every colleague out.
/// - **Atomically**: an attempt counts as a failure when it is admitted, before the password is
///   verified, and is taken back if the password matches; concurrent guesses cannot all pass the check.
/// - **Bounded work**: at most `Policy.concurrentPerKey` verifications run per username and per address,
///   `Policy.concurrentTotal` in all; more are turned away at once (503 with `Retry-After`) instead of
///   queueing bcrypt work.
public final class LoginThrottle: Sendable {
    public struct Policy: Sendable {
        public var userFailures = 5
        public var window: TimeInterval = 15 * 60
        public var addressFreeFailures = 20
        /// The delay grows by this much per failure past the free ones, up to `maxAddressDelay`.
        public var addressDelayStep: Duration = .milliseconds(250)
        public var maxAddressDelay: Duration = .seconds(4)
        public var concurrentPerKey = 2
        public var concurrentTotal = 16
        /// Usernames and addresses remembered; the least recently used are forgotten first.
        public var capacity = 100_000

        public init() {}
    }

    public enum Admission: Sendable {
        /// The username is locked out for this many seconds.
        case refused(retryAfter: Int)
        /// Too many verifications in flight for this username, address or instance.
        case busy
        /// Go ahead after waiting `attempt.delay`; report the outcome with `finish`.
        case admitted(Attempt)
    }

    public struct Attempt: Sendable {
        let userKey: String
        let addressKey: String
        let time: Date
        public let delay: Duration
    }

    public enum Outcome: Sendable {
        case passwordMatched, passwordWrong
        /// The password was not verified (the database failed, the client went away): not counted.
        case abandoned
    }

    let policy: Policy
    private let state: LockedValue<State>

    private struct State {
        var failures: RecentEvents
        var inFlight: [String: Int] = [:]
        var totalInFlight = 0
    }

    public init(policy: Policy = Policy()) {
        self.policy = policy
        self.state = LockedValue(State(failures: RecentEvents(window: policy.window, capacity: policy.capacity)))
    }

    public func admit(username: String, addressKey: String, now: Date) -> Admission {
        let userKey = "user:" + username, address = "addr:" + addressKey
        return state.withLock { state in
            if let wait = state.failures.retryAfter(userKey, limit: policy.userFailures, now: now) { return .refused(retryAfter: wait) }
            guard state.totalInFlight < policy.concurrentTotal,
                state.inFlight[userKey, default: 0] < policy.concurrentPerKey,
                state.inFlight[address, default: 0] < policy.concurrentPerKey
            else { return .busy }
            let excess = state.failures.events(address, now: now).count - policy.addressFreeFailures
            let delay = excess > 0 ? min(policy.addressDelayStep * excess, policy.maxAddressDelay) : .zero
            for key in [userKey, address] {
                state.failures.record(key, at: now)
                state.inFlight[key, default: 0] += 1
            }
            state.totalInFlight += 1
            return .admitted(Attempt(userKey: userKey, addressKey: address, time: now, delay: delay))
        }
    }

    public func finish(_ attempt: Attempt, _ outcome: Outcome) {
        state.withLock { state in
            for key in [attempt.userKey, attempt.addressKey] {
                state.inFlight[key, default: 1] -= 1
                if state.inFlight[key] == 0 { state.inFlight[key] = nil }
            }
            state.totalInFlight -= 1
            switch outcome {
            case .passwordWrong: break
            case .passwordMatched:
                state.failures.clear(attempt.userKey)
                state.failures.remove(attempt.addressKey, at: attempt.time)
            case .abandoned:
                state.failures.remove(attempt.userKey, at: attempt.time)
                state.failures.remove(attempt.addressKey, at: attempt.time)
            }
        }
    }
}
