internal import CLibPQ
public import Logging
public import NIOPosix

extension PostgresConnection {
    /// Runs a query and returns its rows, decoded into Swift strings on the database thread.
    ///
    /// Every query goes through the connection's prepared-statement cache (keyed by SQL text), so
    /// repeated queries are parsed and planned once per connection.
    /// - Throws: `PostgresError`; `CancellationError` when the task was cancelled (the server is
    ///   sent a cancel request and the query stops).
    nonisolated(nonsending) public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await run(cancellable: true) { try $0.queryBlocking(query) }
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
        try await run(cancellable: true) { try $0.simpleQueryBlocking(sql) }
    }

    /// Opens a connection on a thread of `threadPool`.
    /// - Parameters:
    ///   - configuration: where to connect; the session settings are pinned.
    ///   - logger: receives notices (debug) and connection events.
    ///   - threadPool: runs this connection's blocking calls; give it at least one thread per connection.
    ///   - statementCacheCapacity: prepared statements kept per connection (0 disables preparing).
    /// - Throws: `PostgresError` with code `.connectFailed`.
    public static func connect(
        configuration: PostgresConfiguration, logger: Logger, threadPool: NIOThreadPool,
        statementCacheCapacity: Int = 256
    ) async throws -> PostgresConnection {
        let box = try await submit(to: threadPool) {
            UncheckedSendable(
                try connectBlocking(
                    configuration: configuration, logger: logger, threadPool: threadPool,
                    statementCacheCapacity: statementCacheCapacity))
        }
        return box.value
    }

    /// Runs `body` with this connection on the thread pool.
    ///
    /// Cancellable work sends `PQcancel` when the task is cancelled and turns the resulting
    /// 57014 into `CancellationError`. Cleanup (ROLLBACK on release, unlock) is not cancellable:
    /// it must run even in a cancelled task.
    nonisolated(nonsending) func run<T: Sendable>(
        cancellable: Bool, _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        let connection = UncheckedSendable(self)
        guard cancellable else {
            return try await Self.submit(to: threadPool) { try body(connection.value) }
        }
        let canceller = self.canceller
        canceller.arm()
        do {
            return try await withTaskCancellationHandler {
                try await Self.submit(to: threadPool) {
                    try canceller.begin()
                    defer { canceller.end() }
                    return try body(connection.value)
                }
            } onCancel: {
                canceller.cancel()
            }
        } catch let error as PostgresError where error.code == .queryCanceled && Task.isCancelled {
            throw CancellationError()
        }
    }

    /// Submits blocking work without NIO's cancellation check, which could skip cleanup work;
    /// cancellation is handled by `QueryCanceller` instead.
    static func submit<T: Sendable>(
        to threadPool: NIOThreadPool, _ work: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            threadPool.submit { state in
                guard case .active = state else {
                    continuation.resume(throwing: PostgresError(code: .poolClosed, message: "database thread pool is shut down"))
                    return
                }
                continuation.resume(with: Result(catching: work))
            }
        }
    }
}
