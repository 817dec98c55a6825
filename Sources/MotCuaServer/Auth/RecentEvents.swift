import Foundation

/// The times of recent events per key (failed logins of a username, lookups from an address), within a
/// sliding `window`, in a table of at most `capacity` keys. When it is full the least recently used keys
/// are forgotten first (a tenth of the table at once, so a spray of new keys costs O(log n) each): a key
/// under attack is in use and stays, where clearing the table would reset every lockout.
///
/// Not thread-safe: `LoginThrottle` and `RateLimiter` keep it under their lock.
struct RecentEvents {
    let window: TimeInterval
    let capacity: Int
    private var entries: [String: Entry] = [:]
    private var useCounter: UInt64 = 0

    private struct Entry {
        var times: [Date]
        var lastUse: UInt64
    }

    init(window: TimeInterval, capacity: Int) {
        self.window = window
        self.capacity = capacity
    }

    var keyCount: Int { entries.count }

    /// The events of `key` still within the window at `now`, oldest first; marks the key used.
    mutating func events(_ key: String, now: Date) -> [Date] {
        guard var entry = entries[key] else { return [] }
        entry.times.removeAll { now.timeIntervalSince($0) >= window }
        if entry.times.isEmpty {
            entries[key] = nil
            return []
        }
        useCounter += 1
        entry.lastUse = useCounter
        entries[key] = entry
        return entry.times
    }

    /// Seconds until the oldest of `key`'s events leaves the window, when it has `limit` or more.
    mutating func retryAfter(_ key: String, limit: Int, now: Date) -> Int? {
        let times = events(key, now: now)
        guard times.count >= limit, let oldest = times.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    mutating func record(_ key: String, at time: Date) {
        useCounter += 1
        entries[key, default: Entry(times: [], lastUse: 0)].times.append(time)
        entries[key]?.lastUse = useCounter
        if entries.count > capacity { evictLeastRecentlyUsed() }
    }

    /// Takes back one event recorded at `time` (an attempt counted in advance that turned out fine).
    mutating func remove(_ key: String, at time: Date) {
        guard let index = entries[key]?.times.lastIndex(of: time) else { return }
        entries[key]?.times.remove(at: index)
        if entries[key]?.times.isEmpty == true { entries[key] = nil }
    }

    mutating func clear(_ key: String) { entries[key] = nil }

    private mutating func evictLeastRecentlyUsed() {
        let keep = capacity - max(1, capacity / 10)
        let byUse = entries.sorted { $0.value.lastUse < $1.value.lastUse }
        for (key, _) in byUse.prefix(entries.count - keep) { entries[key] = nil }
    }
}
