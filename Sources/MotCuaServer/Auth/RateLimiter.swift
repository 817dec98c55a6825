import Foundation
import MotCuaFoundation

/// A sliding-window limit of `limit` requests per `window` for each key (a client's limit key), for
/// endpoints open to the public. In process: each instance limits what it sees.
public final class RateLimiter: Sendable {
    let limit: Int
    private let hits: LockedValue<RecentEvents>

    public init(limit: Int, window: TimeInterval, capacity: Int = 100_000) {
        self.limit = limit
        self.hits = LockedValue(RecentEvents(window: window, capacity: capacity))
    }

    /// Counts a request; returns the seconds to wait when `key` is over its limit (the request is not counted).
    public func acquire(_ key: String, now: Date) -> Int? {
        hits.withLock { hits in
            if let wait = hits.retryAfter(key, limit: limit, now: now) { return wait }
            hits.record(key, at: now)
            return nil
        }
    }
}
