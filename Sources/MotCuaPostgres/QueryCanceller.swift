internal import CLibPQ
import NIOPosix
import Synchronization

/// Sends a cancel request for whatever one connection is running, from any thread.
///
/// Owns the connection's `PGcancel` (independent of the `PGconn`, so it may outlive it). `PQcancel`
/// blocks until the server has handled the request, and a server that stopped answering never
/// does: so `cancel()` only records the request and hands the sending to threads of its own
/// (`senders`), never under the lock and never on the caller's thread (Swift's cooperative pool,
/// where it would stall every task). A cancel never hits the next operation: that one waits in
/// `begin()`, suspended, until a cancel being sent has been handled. A cancel that arrives before
/// the query started is remembered and stops it from starting.
final class QueryCanceller: Sendable {
    private struct State: ~Copyable {
        var handle: UncheckedSendable<OpaquePointer>?
        var running = false
        var requested = false
        /// A `PQcancel` is under way on a sender thread.
        var sending = false
        /// Operations waiting for that cancel to be handled.
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    /// The threads that send cancel requests, shared by every connection of the process: a few are
    /// enough (a cancel takes one round trip), and a frozen server holds only these.
    static let senders: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        return pool
    }()

    private let state: Mutex<State>

    init(connection: OpaquePointer) {
        state = Mutex(State(handle: PQgetCancel(connection).map(UncheckedSendable.init)))
    }

    deinit {
        state.withLock { state in
            if let handle = state.handle { PQfreeCancel(handle.value) }
        }
    }

    /// Forgets a cancel left over from the previous operation; called before each cancellable one.
    func arm() {
        state.withLock { $0.requested = false }
    }

    /// Returns once no cancel request is being sent for this connection (at once, nearly always).
    func begin() async {
        guard state.withLock({ $0.sending }) else { return }
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                guard state.sending else { return true }
                state.waiting.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Marks a cancellable query as running. Throws `CancellationError` if a cancel already arrived.
    func start() throws {
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

    /// Asks the server to cancel the running query, and returns at once. PQcancel opens a
    /// short-lived socket to the server and waits until it has handled the request (libpq 15 has no
    /// non-blocking variant), so it runs on a sender thread.
    func cancel() {
        let handle = state.withLock { state -> UncheckedSendable<OpaquePointer>? in
            state.requested = true
            guard state.running, !state.sending, let handle = state.handle else { return nil }
            state.sending = true
            return handle
        }
        guard let handle else { return }
        Self.senders.submit { _ in
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(handle.value, &buffer, Int32(buffer.count))
            let waiting = self.state.withLock { state in
                state.sending = false
                defer { state.waiting = [] }
                return state.waiting
            }
            waiting.forEach { $0.resume() }
        }
    }
}

/// Carries a value that is not `Sendable` across a thread hop whose exclusivity is guaranteed
/// elsewhere (the pool lends a connection to one task at a time, and that task awaits the job).
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
