/// Names of the statements prepared on one connection, keyed by SQL text, least recently used first out.
///
/// Per connection because prepared statements live in a server session: a replaced connection
/// starts empty, so "prepared statement does not exist" cannot come from a reconnect.
struct StatementCache {
    let capacity: Int
    private var entries: [String: (name: String, lastUse: UInt64)] = [:]
    private var clock: UInt64 = 0
    private var nextNumber = 0

    init(capacity: Int) { self.capacity = capacity }

    var isEnabled: Bool { capacity > 0 }

    /// The statement name for this SQL, marking it recently used.
    mutating func name(for sql: String) -> String? {
        guard let entry = entries[sql] else { return nil }
        clock += 1
        entries[sql] = (entry.name, clock)
        return entry.name
    }

    /// The least recently used entry when the cache is full; the caller deallocates it first.
    func victim() -> (sql: String, name: String)? {
        guard entries.count >= capacity else { return nil }
        // A linear scan over at most `capacity` entries, only when a new statement is prepared.
        guard let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) else { return nil }
        return (oldest.key, oldest.value.name)
    }

    /// A fresh statement name (not yet cached).
    mutating func makeName() -> String {
        nextNumber += 1
        return "motcua_\(nextNumber)"
    }

    mutating func insert(sql: String, name: String) {
        clock += 1
        entries[sql] = (name, clock)
    }

    mutating func remove(sql: String) {
        entries[sql] = nil
    }

    var count: Int { entries.count }
}
