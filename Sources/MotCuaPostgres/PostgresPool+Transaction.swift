import Logging

/// The isolation level of a transaction started by `withTransaction`.
public enum PostgresIsolationLevel: Sendable {
    /// PostgreSQL's default: each statement sees data committed before it began.
    case readCommitted
    /// One snapshot for the whole transaction; concurrent updates raise 40001.
    case repeatableRead
    /// Full serializability; conflicts raise 40001.
    case serializable

    var beginStatement: String {
        switch self {
        case .readCommitted: "BEGIN ISOLATION LEVEL READ COMMITTED"
        case .repeatableRead: "BEGIN ISOLATION LEVEL REPEATABLE READ"
        case .serializable: "BEGIN ISOLATION LEVEL SERIALIZABLE"
        }
    }
}

extension PostgresPool {
    /// Runs `body` in a transaction on one pooled connection: COMMIT when it returns, ROLLBACK when
    /// it throws.
    ///
    /// A serialization failure (40001) or deadlock (40P01), from `body` or from COMMIT, rolls back and
    /// runs `body` again, at most `retries` more times, after a short jittered pause; so `body` must
    /// only touch the database (or be safe to repeat). Other errors are rethrown after ROLLBACK.
    /// - Parameters:
    ///   - isolation: the transaction's isolation level.
    ///   - retries: how many times a serialization failure or deadlock is retried.
    ///   - body: the work; it receives the connection (do not let it escape).
    /// - Throws: `PostgresError` (also when COMMIT turned into a rollback because a statement in the
    ///   transaction failed and its error was swallowed), `CancellationError`, or what `body` throws.
    nonisolated(nonsending) public func withTransaction<T>(
        isolation: PostgresIsolationLevel = .readCommitted, retries: Int = 3,
        _ body: nonisolated(nonsending) (PostgresConnection) async throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await withConnection { connection in
                    try await Self.transaction(on: connection, isolation: isolation, body)
                }
            } catch let error as PostgresError where error.isRetryableTransactionFailure && attempt < retries {
                attempt += 1
                try Task.checkCancellation()
                logger.debug("retrying transaction", metadata: ["db.sqlstate": "\(error.sqlState ?? "")", "db.attempt": "\(attempt)"])
                // Jitter keeps two conflicting transactions from colliding again in lockstep.
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...10) * attempt))
            }
        }
    }

    nonisolated(nonsending) static func transaction<T>(
        on connection: PostgresConnection, isolation: PostgresIsolationLevel,
        _ body: nonisolated(nonsending) (PostgresConnection) async throws -> T
    ) async throws -> T {
        // BEGIN goes out with the body's first statement, in the same round trip.
        connection.queued = [QueuedStatement(query: PostgresQuery(unsafeSQL: isolation.beginStatement), prepare: false)]
        let result: T
        do {
            result = try await body(connection)
        } catch {
            // Not cancellable: the rollback must happen even in a cancelled task. If it fails,
            // release() sees the open transaction or broken connection and discards it.
            connection.queued = []
            if !connection.transactionIsIdle { _ = try? await connection.simpleQuery("ROLLBACK", cancellable: false) }
            throw error
        }
        // Nothing queued and no transaction open: the body's last statement committed it (`queryCommitting`).
        if !connection.queued.isEmpty || !connection.transactionIsIdle {
            try await connection.commit()
        }
        return result
    }
}
