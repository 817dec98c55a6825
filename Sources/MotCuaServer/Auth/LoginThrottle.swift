import Foundation
import NIOConcurrencyHelpers

/// Limits failed logins per username and per client address: after `maxFailures` failures within
/// `window`, further attempts are refused until the oldest failure leaves the window. Kept in
/// process: each instance throttles what it sees, which bounds guessing to a small multiple.
public final class LoginThrottle: Sendable {
    let maxFailures: Int
    let window: TimeInterval
    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.window = window
    }

    /// Seconds to wait before `keys` may try again, or nil when they may try now.
    public func retryAfter(_ keys: [String], now: Date = Date()) -> Int? {
        failures.withLockedValue { failures in
            let waits = keys.compactMap { key -> TimeInterval? in
                let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
                failures[key] = recent.isEmpty ? nil : recent
                guard recent.count >= maxFailures, let oldest = recent.first else { return nil }
                return window - now.timeIntervalSince(oldest)
            }
            return waits.max().map { max(1, Int($0.rounded(.up))) }
        }
    }

    public func recordFailure(_ keys: [String], now: Date = Date()) {
        failures.withLockedValue { failures in
            for key in keys { failures[key, default: []].append(now) }
            if failures.count > 100_000 { failures.removeAll() }  // bound memory under a spray of usernames
        }
    }

    public func recordSuccess(username key: String) {
        failures.withLockedValue { $0[key] = nil }
    }
}
