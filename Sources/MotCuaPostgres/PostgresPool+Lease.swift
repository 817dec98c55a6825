import Logging
import Synchronization

extension PostgresPool {
    /// Takes an idle healthy connection, opens a new one in a free slot, or waits for one.
    func lease() async throws -> PooledConnection {
        let deadline = ContinuousClock.now + configuration.acquireTimeout
        while true {
            let lease: PoolLease
            if let immediate = try state.withLock({ try $0.tryLease(max: configuration.maxConnections) }) {
                lease = immediate
            } else {
                lease = try await wait(until: deadline)
            }
            switch lease {
            case .connection(let pooled):
                if await isHealthy(pooled) { return pooled }
                logger.debug("discarding a broken idle postgres connection")
                discard(pooled)
            case .connect:
                return try await openConnection()
            }
        }
    }

    /// Returns a connection: rolls back an open transaction, discards it if broken.
    func release(_ pooled: PooledConnection) async {
        let connection = pooled.connection
        connection.queued = []  // left by a body that threw: not to be sent for the next borrower
        var healthy = !connection.isBroken
        if healthy, !connection.transactionIsIdle {
            // A handler threw mid-transaction: the next borrower must not inherit it. Not cancellable,
            // because this must also happen when the task that used the connection was cancelled.
            do {
                try await connection.simpleQuery("ROLLBACK", cancellable: false)
                healthy = !connection.isBroken && connection.transactionIsIdle
            } catch {
                healthy = false
            }
        }
        guard healthy else {
            logger.debug("discarding a postgres connection", metadata: ["db.backend_pid": "\(connection.backendPID)"])
            discard(pooled)
            return
        }
        pooled.lastUsed = .now
        let wake = state.withLock { $0.checkIn(pooled) }
        wake()
    }

    /// Drops a connection (its deinit calls PQfinish) and frees its slot.
    func discard(_ pooled: PooledConnection) {
        let wake = state.withLock { $0.slotFreed() }
        wake()
    }

    private func isHealthy(_ pooled: PooledConnection) async -> Bool {
        let connection = pooled.connection
        if connection.isBroken || connection.hasUnexpectedInput() { return false }
        guard ContinuousClock.now - pooled.lastUsed > configuration.healthCheckAfterIdle else { return true }
        do {
            _ = try await connection.query("SELECT 1", cancellable: false)
            return true
        } catch {
            return false
        }
    }

    /// Opens a connection in a slot already counted in `open`.
    func openConnection() async throws -> PooledConnection {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: connectionConfiguration, logger: logger, threadPool: threadPool,
                statementCacheCapacity: configuration.statementCacheCapacity)
        } catch {
            let wake = state.withLock { $0.slotFreed() }
            wake()
            logger.info("postgres connect failed", metadata: ["db.error": "\(error)"])
            throw error
        }
        let pooled = PooledConnection(connection)
        if state.withLock({ $0.closed }) {
            discard(pooled)
            throw PostgresError(code: .poolClosed, message: "the connection pool is closed")
        }
        logger.debug("opened postgres connection", metadata: ["db.backend_pid": "\(connection.backendPID)"])
        return pooled
    }

    /// Queues the caller until a connection or slot is handed over, the deadline passes
    /// (`.poolTimeout`) or the task is cancelled. Whoever removes the waiter from the queue resumes
    /// it, so each waiter is resumed exactly once.
    private func wait(until deadline: ContinuousClock.Instant) async throws -> PoolLease {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(until: deadline)
                guard !Task.isCancelled else { return }
                self.failWaiter(id, PostgresError(code: .poolTimeout, message: "timed out waiting for a database connection"))
            }
            defer { group.cancelAll() }
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let immediate: Result<PoolLease, any Error>? = state.withLock { state in
                        // Re-check under the lock: a connection may have come back since tryLease.
                        do {
                            if let lease = try state.tryLease(max: configuration.maxConnections) { return .success(lease) }
                        } catch {
                            return .failure(error)
                        }
                        state.waiters.append((id, continuation))
                        return nil
                    }
                    if let immediate { continuation.resume(with: immediate) }
                }
            } onCancel: {
                self.failWaiter(id, CancellationError())
            }
        }
    }

    private func failWaiter(_ id: Int, _ error: any Error) {
        state.withLock { $0.removeWaiter(id) }?.resume(throwing: error)
    }

    /// Closes idle connections beyond the minimum that sat unused too long, then tops up the minimum.
    func housekeeping() async {
        let now = ContinuousClock.now
        let surplus = state.withLock { state -> [PooledConnection] in
            var surplus: [PooledConnection] = []
            while state.idle.count > configuration.minIdleConnections, let oldest = state.idle.first,
                now - oldest.lastUsed > configuration.maxIdleTime
            {
                surplus.append(state.idle.removeFirst())
                state.open -= 1
            }
            return surplus
        }
        _ = consume surplus
        while reserveSlotForMinimumIdle() {
            guard let pooled = try? await openConnection() else { return }
            let wake = state.withLock { $0.checkIn(pooled) }
            wake()
        }
    }

    /// Counts a new slot if fewer than `minIdleConnections` are idle and nobody is waiting.
    private func reserveSlotForMinimumIdle() -> Bool {
        state.withLock { state in
            guard !state.closed, state.idle.count < configuration.minIdleConnections,
                state.open < configuration.maxConnections, state.waiters.isEmpty
            else { return false }
            state.open += 1
            return true
        }
    }
}
