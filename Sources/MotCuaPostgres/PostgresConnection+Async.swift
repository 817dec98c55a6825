internal import CLibPQ
public import Logging
public import NIOPosix

extension PostgresConnection {
    /// Runs a query and returns its rows, decoded into Swift strings.
    ///
    /// Every query goes through the connection's prepared-statement cache (keyed by SQL text), so
    /// repeated queries are parsed and planned once per connection.
    /// - Throws: `PostgresError`; `CancellationError` when the task was cancelled (the server is
    ///   sent a cancel request and the query stops).
    nonisolated(nonsending) public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await self.query(query, cancellable: true)
    }

    /// Runs a command and returns the number of rows it affected.
    /// - Throws: `PostgresError`, `CancellationError`.
    @discardableResult
    nonisolated(nonsending) public func execute(_ query: PostgresQuery) async throws -> Int {
        try await self.query(query).affectedRows
    }

    /// Runs parameterless SQL through the simple protocol, which allows several statements
    /// separated by semicolons (migration files); nothing is prepared. Returns the last result.
    /// - Throws: `PostgresError`, `CancellationError`.
    @discardableResult
    nonisolated(nonsending) public func simpleQuery(_ sql: String) async throws -> PostgresRows {
        try await simpleQuery(sql, cancellable: true)
    }

    /// Queues a statement whose result is not needed (an event, an idempotency record) to go out
    /// with the next statement on this connection, or with the COMMIT of `withTransaction`, in the
    /// same network round trip; with no statement after it, it goes out when `withConnection`'s body
    /// returns. An error in it fails that next statement (and so the transaction).
    /// - Throws: the query's encoding error (for example text with U+0000).
    public func enqueue(_ query: PostgresQuery) throws {
        if let encodingError = query.encodingError { throw encodingError }
        queued.append(QueuedStatement(query: query, prepare: statements.isEnabled))
    }

    /// Runs `query` as the last statement of the transaction of `withTransaction` and commits in
    /// the same network round trip; `withTransaction` then has nothing left to commit.
    /// - Throws: `PostgresError` (also when the transaction was rolled back), `CancellationError`.
    nonisolated(nonsending) public func queryCommitting(_ query: PostgresQuery) async throws -> PostgresRows {
        try await operation(cancellable: true) { try await $0.perform([query], commit: true)[0] }
    }

    /// Runs statements in order in one network round trip and returns each one's rows; each sees
    /// what the ones before it did (for example a row lock, then a read in a snapshot taken after it).
    /// An error stops the rest.
    /// - Throws: `PostgresError`, `CancellationError`.
    nonisolated(nonsending) public func query(_ queries: [PostgresQuery]) async throws -> [PostgresRows] {
        try await operation(cancellable: true) { try await $0.perform(queries) }
    }

    /// Opens a connection: the blocking connect runs on a thread of `threadPool`; afterwards the
    /// connection is non-blocking and its socket is watched by `PostgresEventLoop.shared`.
    /// - Parameters:
    ///   - configuration: where to connect; the session settings are pinned.
    ///   - logger: receives notices (debug) and connection events.
    ///   - threadPool: runs the connect (libpq's multi-host connect and its timeouts block).
    ///   - statementCacheCapacity: prepared statements kept per connection (0 disables preparing).
    /// - Throws: `PostgresError` with code `.connectFailed`.
    public static func connect(
        configuration: PostgresConfiguration, logger: Logger, threadPool: NIOThreadPool,
        statementCacheCapacity: Int = 256
    ) async throws -> PostgresConnection {
        let box = try await submit(to: threadPool) {
            UncheckedSendable(
                try connectBlocking(
                    configuration: configuration, logger: logger, loop: .shared,
                    statementCacheCapacity: statementCacheCapacity))
        }
        return box.value
    }

    /// Runs a query; cleanup work (ROLLBACK on release, unlock) passes `cancellable: false`, because
    /// it must run even in a cancelled task.
    nonisolated(nonsending) func query(_ query: PostgresQuery, cancellable: Bool) async throws -> PostgresRows {
        try await operation(cancellable: cancellable) { try await $0.perform([query])[0] }
    }

    /// Sends what was queued, if anything; not cancellable, like the COMMIT it stands in for.
    nonisolated(nonsending) func flushQueued() async throws {
        guard !queued.isEmpty else { return }
        try await operation(cancellable: false) { try await $0.sendQueued() }
    }

    /// Sends what was queued and COMMIT; not cancellable, as a transaction's end must always go out.
    nonisolated(nonsending) func commit() async throws {
        try await operation(cancellable: false) { try await $0.performCommit() }
    }

    /// Runs simple-protocol SQL, cancellable or not (see `query(_:cancellable:)`).
    @discardableResult
    nonisolated(nonsending) func simpleQuery(_ sql: String, cancellable: Bool) async throws -> PostgresRows {
        try await operation(cancellable: cancellable) { try await $0.performSimple(sql) }
    }

    /// Runs `body` as one operation of this connection.
    ///
    /// It starts once a cancel request still being sent for the previous operation was handled, so
    /// that cancel cannot hit it. A cancellable operation sends `PQcancel` when the task is
    /// cancelled and turns the resulting 57014 into `CancellationError`.
    nonisolated(nonsending) private func operation<T>(
        cancellable: Bool, _ body: nonisolated(nonsending) (PostgresConnection) async throws -> T
    ) async throws -> T {
        let canceller = self.canceller
        guard cancellable else {
            await canceller.begin()
            return try await body(self)
        }
        canceller.arm()
        do {
            return try await withTaskCancellationHandler {
                await canceller.begin()
                try canceller.start()
                defer { canceller.end() }
                return try await body(self)
            } onCancel: {
                canceller.cancel()
            }
        } catch let error as PostgresError where error.code == .queryCanceled && Task.isCancelled {
            throw CancellationError()
        }
    }

    /// Submits blocking work (a connect) without NIO's cancellation check.
    static func submit<T: Sendable>(
        to threadPool: NIOThreadPool, _ work: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            threadPool.submit { state in
                guard case .active = state else {
                    continuation.resume(throwing: PostgresError(code: .poolClosed, message: "the connect thread pool is shut down"))
                    return
                }
                continuation.resume(with: Result(catching: work))
            }
        }
    }
}
