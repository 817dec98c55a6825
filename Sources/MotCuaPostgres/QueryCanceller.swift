internal import CLibPQ
import Synchronization

/// Sends a cancel request for whatever one connection is running, from any thread.
///
/// Owns the connection's `PGcancel` (independent of the `PGconn`, so it may outlive it). The lock
/// makes "is a query running" and "send the cancel" atomic, so a cancel never hits the next query;
/// a cancel that arrives before the query started is remembered and stops it from starting.
final class QueryCanceller: Sendable {
    private struct State: ~Copyable {
        var handle: UncheckedSendable<OpaquePointer>?
        var running = false
        var requested = false
    }

    private let state: Mutex<State>

    init(connection: OpaquePointer) {
        state = Mutex(State(handle: PQgetCancel(connection).map(UncheckedSendable.init)))
    }

    deinit {
        state.withLock { state in
            if let handle = state.handle { PQfreeCancel(handle.value) }
        }
    }

    /// Forgets a cancel left over from the previous operation; called before each new one.
    func arm() {
        state.withLock { $0.requested = false }
    }

    /// Marks a query as running. Throws `CancellationError` if a cancel already arrived.
    func begin() throws {
        try state.withLock { state in
            if state.requested {
                state.requested = false
                throw CancellationError()
            }
            state.running = true
        }
    }

    /// Marks the query as finished; a later `cancel()` is remembered instead of sent.
    func end() {
        state.withLock { state in
            state.running = false
            state.requested = false
        }
    }

    /// Throws `CancellationError` when a cancel arrived while this operation runs. An operation of
    /// several round trips (prepare, then execute) checks between them: a cancel that reaches the
    /// server while it waits for the next message is ignored there, and the execution would run in full.
    func checkCancelled() throws {
        try state.withLock { state in
            if state.running && state.requested { throw CancellationError() }
        }
    }

    /// Asks the server to cancel the running query. PQcancel opens a short-lived socket to the
    /// server and waits until it has handled the request; libpq 15 has no non-blocking variant.
    func cancel() {
        state.withLock { state in
            state.requested = true
            guard state.running else { return }
            guard let handle = state.handle else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(handle.value, &buffer, Int32(buffer.count))
        }
    }
}

/// Carries a value that is not `Sendable` across a thread hop whose exclusivity is guaranteed
/// elsewhere (the pool lends a connection to one task at a time, and that task awaits the job).
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
