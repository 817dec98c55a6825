import Foundation
import NIOConcurrencyHelpers

/// A sliding-window limit of `limit` requests per `window` for each key (e.g. a client address), for
/// endpoints open to the public. In process, like `LoginThrottle`.
public final class RateLimiter: Sendable {
    let limit: Int
    let window: TimeInterval
    private let hits = NIOLockedValueBox<[String: [Date]]>([:])

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts a request; returns the seconds to wait when `key` is over its limit (the request is not counted).
    public func acquire(_ key: String, now: Date = Date()) -> Int? {
        hits.withLockedValue { hits in
            if hits.count > 100_000 { hits.removeAll() }  // bound memory under a spray of addresses
            var recent = (hits[key] ?? []).filter { now.timeIntervalSince($0) < window }
            if recent.count >= limit, let oldest = recent.first {
                hits[key] = recent
                return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
            }
            recent.append(now)
            hits[key] = recent
            return nil
        }
    }
}
