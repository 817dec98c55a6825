import Logging

/// A connection in the pool plus what the pool knows about it.
///
/// `@unchecked Sendable`: the pool hands each one to a single task at a time and only that holder
/// touches it; the pool's lock orders the hand-overs.
final class PooledConnection: @unchecked Sendable {
    let connection: PostgresConnection
    var lastUsed: ContinuousClock.Instant

    init(_ connection: PostgresConnection) {
        self.connection = connection
        self.lastUsed = .now
    }
}

/// What a caller may do next: use a connection, or open a new one in a slot already counted.
enum PoolLease: Sendable {
    case connection(PooledConnection)
    case connect
}

/// The pool's mutable state, only touched under its lock.
struct PoolState {
    var idle: [PooledConnection] = []
    /// Connections open, being opened, or lent out.
    var open = 0
    var waiters: [(id: Int, continuation: CheckedContinuation<PoolLease, any Error>)] = []
    var nextWaiterID = 0
    var closed = false
    var closeWaiters: [CheckedContinuation<Void, Never>] = []

    /// Takes an idle connection or a free slot; nil means the caller must wait.
    mutating func tryLease(max: Int) throws -> PoolLease? {
        if closed { throw PostgresError(code: .poolClosed, message: "the connection pool is closed") }
        if let pooled = idle.popLast() { return .connection(pooled) }
        if open < max {
            open += 1
            return .connect
        }
        return nil
    }

    /// Removes a waiter; nil if it was already served or failed.
    mutating func removeWaiter(_ id: Int) -> CheckedContinuation<PoolLease, any Error>? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index).continuation
    }

    /// A slot was freed (connection discarded or a connect failed): hand it to the oldest waiter
    /// as permission to connect, or wake `close()` when the last connection is gone.
    mutating func slotFreed() -> () -> Void {
        open -= 1
        if !closed, !waiters.isEmpty {
            let waiter = waiters.removeFirst().continuation
            open += 1
            return { waiter.resume(returning: .connect) }
        }
        return wakeClosersIfDrained()
    }

    /// A healthy connection came back: give it to the oldest waiter or keep it idle.
    mutating func checkIn(_ pooled: PooledConnection) -> () -> Void {
        if closed {
            open -= 1
            return wakeClosersIfDrained()
        }
        if !waiters.isEmpty {
            let waiter = waiters.removeFirst().continuation
            return { waiter.resume(returning: .connection(pooled)) }
        }
        idle.append(pooled)
        return {}
    }

    mutating func wakeClosersIfDrained() -> () -> Void {
        guard closed, open == 0, !closeWaiters.isEmpty else { return {} }
        let closers = closeWaiters
        closeWaiters = []
        return { closers.forEach { $0.resume() } }
    }

    var statistics: PostgresPool.Statistics {
        PostgresPool.Statistics(open: open, idle: idle.count, inUse: open - idle.count, waiters: waiters.count)
    }
}
