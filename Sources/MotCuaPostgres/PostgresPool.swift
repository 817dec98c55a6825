public import Logging
public import ServiceLifecycle
import NIOPosix
import Synchronization

/// A bounded pool of PostgreSQL connections, and a ServiceLifecycle `Service`.
///
/// Connections open lazily on first use, so the pool works before `run()` starts (migrations run in
/// `beforeServerStarts`). `run()` does housekeeping and, on graceful shutdown or cancellation,
/// closes every connection. Queries never block a thread: connections are non-blocking and their
/// sockets are watched by `PostgresEventLoop.shared`. Only connecting blocks (libpq's multi-host
/// connect with its timeouts): it runs on the pool's own `NIOThreadPool`, one thread per connection
/// so that reconnecting after a database restart is not serialised, never on the cooperative pool.
public final class PostgresPool: Service, Sendable {
    let connectionConfiguration: PostgresConfiguration
    let configuration: Configuration
    let logger: Logger
    let threadPool: NIOThreadPool
    let state = Mutex(PoolState())

    /// Creates a pool; no connection is opened until one is needed.
    /// - Parameters:
    ///   - configuration: where to connect.
    ///   - poolConfiguration: sizes and timeouts.
    ///   - logger: receives connection events (debug/info) and server notices (debug).
    public init(configuration: PostgresConfiguration, poolConfiguration: Configuration = .init(), logger: Logger) {
        precondition(poolConfiguration.maxConnections > 0, "maxConnections must be positive")
        self.connectionConfiguration = configuration
        self.configuration = poolConfiguration
        self.logger = logger
        self.threadPool = NIOThreadPool(numberOfThreads: poolConfiguration.maxConnections)
        threadPool.start()
    }

    deinit {
        // `close()` normally stopped it; shutting down twice is harmless and avoids NIO's assertion.
        threadPool.shutdownGracefully { _ in }
    }

    /// Open, idle and lent-out connections and waiting callers, for `/metrics`.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// Lends a connection to `body` and takes it back afterwards, also when `body` throws.
    ///
    /// The connection must not escape `body`. If `body` leaves a transaction open, it is rolled
    /// back (or the connection discarded if that fails); a broken connection is discarded.
    /// - Throws: `PostgresError` (`.poolTimeout`, `.poolClosed`, `.connectFailed`) or whatever `body` throws.
    nonisolated(nonsending) public func withConnection<T>(
        _ body: nonisolated(nonsending) (PostgresConnection) async throws -> T
    ) async throws -> T {
        let pooled = try await lease()
        let result: T
        do {
            result = try await body(pooled.connection)
            // Writes queued outside a transaction with no statement after them: sent, never dropped.
            try await pooled.connection.flushQueued()
        } catch {
            await release(pooled)
            throw error
        }
        await release(pooled)
        return result
    }

    /// Runs one query on a pooled connection.
    /// - Throws: `PostgresError`, `CancellationError`.
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await withConnection { try await $0.query(query) }
    }

    /// Runs one command on a pooled connection and returns the number of affected rows.
    /// - Throws: `PostgresError`, `CancellationError`.
    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await withConnection { try await $0.execute(query) }
    }

    /// Checks that a connection can be leased and answers `SELECT 1` (for `/health/ready`).
    /// - Throws: `PostgresError` when the database is unreachable.
    public func ping() async throws {
        _ = try await query("SELECT 1")
    }

    /// Keeps minimum idle connections, closes surplus idle ones, and closes the pool when the
    /// service group shuts down gracefully or the task is cancelled.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: self.configuration.housekeepingInterval)
                    await self.housekeeping()
                }
            }
        } catch {
            // Cancellation is the normal way out; anything else would have come from housekeeping,
            // which does not throw.
        }
        await close()
    }

    /// Fails waiting callers, closes idle connections, waits for lent-out ones to come back (they
    /// are closed on return), then stops the connect threads. Safe to call more than once.
    public func close() async {
        let (idle, waiters) = state.withLock { state in
            state.closed = true
            let idle = state.idle
            state.open -= idle.count
            state.idle = []
            let waiters = state.waiters
            state.waiters = []
            return (idle, waiters)
        }
        let error = PostgresError(code: .poolClosed, message: "the connection pool is closed")
        waiters.forEach { $0.continuation.resume(throwing: error) }
        _ = consume idle  // dropping them runs PQfinish
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if state.open == 0 { return true }
                state.closeWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        try? await threadPool.shutdownGracefully()
        logger.debug("postgres pool closed")
    }
}
