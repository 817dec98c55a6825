internal import CLibPQ

/// A statement waiting to go out with the connection's next round trip (`PostgresConnection.enqueue`).
struct QueuedStatement {
    let query: PostgresQuery
    /// False for transaction control (BEGIN), which is sent unnamed.
    let prepare: Bool
    /// The caller waits for this statement's rows (false for queued ones).
    var wanted = false
}

/// Sending queries and reading their results. Nothing here blocks: the connection is in
/// non-blocking mode, libpq's `PQsend*` calls queue the messages, and `ResultReader` waits for the
/// socket on the event loop while the task is suspended.
///
/// Statements go out in pipeline mode: what was queued (a deferred BEGIN, statements whose results
/// nobody needs), the statement's own Parse on its first use on this connection, the statement,
/// and a COMMIT when asked, all before a single Sync, so they cost one network wait together.
extension PostgresConnection {
    /// Runs statements in order, after whatever was queued, in one round trip, and commits in the
    /// same round trip when `commit` is set; returns each statement's rows. Statements are prepared
    /// (named, cached per connection by SQL text) unless the cache is disabled.
    func perform(_ queries: [PostgresQuery], commit: Bool = false) async throws -> [PostgresRows] {
        let pending = queued
        do {
            return try await send(queries, commit: commit)
        } catch let error as PostgresError where error.sqlState == "0A000" || error.sqlState == "26000" {
            // "cached plan must not change result type" after DDL, or the statement was dropped by
            // DEALLOCATE/DISCARD: forget them. Outside a transaction nothing ran (the queued
            // statements were rolled back with the failed pipeline), so queue them again and retry once.
            (pending + queries.map { QueuedStatement(query: $0, prepare: true) }).forEach { statements.remove(sql: $0.query.sql) }
            guard transactionIsIdle else { throw error }
            queued = pending
            return try await send(queries, commit: commit)
        }
    }

    /// Sends what was queued on its own, for work that cannot join a pipeline (simple-protocol SQL).
    func sendQueued() async throws {
        guard !queued.isEmpty else { return }
        let pipeline = try await makePipeline(queued, commit: false)
        queued = []
        _ = try await exchange(pipeline)
    }

    /// Runs SQL without parameters through the simple protocol: several statements may be separated
    /// by semicolons (migrations), and nothing is prepared. Returns the last statement's result.
    func performSimple(_ sql: String) async throws -> PostgresRows {
        try await sendQueued()
        guard PQsendQuery(handle, sql) == 1 else { throw lost(PostgresError(connection: handle, code: .other)) }
        let results = try await read(until: .idle)
        for result in results.all.dropLast() { try check(result) }
        guard let last = results.all.last, try check(last) else { return .empty }
        return PostgresRows(copying: last)
    }

    /// Sends what was queued and COMMIT in one round trip.
    func performCommit() async throws {
        _ = try await send([], commit: true)
    }

    private func send(_ queries: [PostgresQuery], commit: Bool) async throws -> [PostgresRows] {
        if let encodingError = queries.lazy.compactMap(\.encodingError).first { throw encodingError }
        let wanted = queries.map { QueuedStatement(query: $0, prepare: statements.isEnabled, wanted: true) }
        let pipeline = try await makePipeline(queued + wanted, commit: commit)
        queued = []
        let results = try await exchange(pipeline)
        return withExtendedLifetime(results) {
            pipeline.steps.indices.compactMap { index in
                guard case .run(_, _, _, wanted: true) = pipeline.steps[index] else { return nil }
                let result = results.all[index]
                return PQresultStatus(result) == PGRES_EMPTY_QUERY ? .empty : PostgresRows(copying: result)
            }
        }
    }

    /// The messages of a round trip: each statement (with its Parse when first used), then COMMIT.
    private func makePipeline(_ statements: [QueuedStatement], commit: Bool) async throws -> Pipeline {
        var pipeline = Pipeline()
        for statement in statements {
            let sql = statement.query.sql
            let binds = statement.query.binds
            guard statement.prepare else {
                pipeline.steps.append(.run(sql: sql, binds: binds, name: nil, wanted: statement.wanted))
                continue
            }
            if let name = self.statements.name(for: sql) ?? pipeline.newNames[sql] {
                pipeline.steps.append(.run(sql: sql, binds: binds, name: name, wanted: statement.wanted))
                continue
            }
            try await evictStatementIfFull()
            let name = self.statements.makeName()
            pipeline.newNames[sql] = name
            pipeline.steps.append(.prepare(sql: sql, name: name, parameterCount: binds.count))
            pipeline.steps.append(.run(sql: sql, binds: binds, name: name, wanted: statement.wanted))
        }
        if commit { pipeline.steps.append(.commit) }
        return pipeline
    }

    /// Makes room in a full statement cache (its own round trip, only once the cache is full).
    private func evictStatementIfFull() async throws {
        guard let victim = statements.victim() else { return }
        statements.remove(sql: victim.sql)
        // Failure only leaks one server-side statement until the session ends.
        if PQsendQueryParams(handle, "DEALLOCATE \(victim.name)", 0, nil, nil, nil, nil, 0) == 1 {
            _ = try? await read(until: .idle)
        }
        try canceller.checkCancelled()
    }

    /// Sends a pipeline and waits once for its results. Statements prepared in it are cached if their
    /// Parse succeeded (also when a later step failed); the first error is thrown; a COMMIT that
    /// turned into a rollback is an error.
    private func exchange(_ pipeline: Pipeline) async throws -> PostgresResults {
        guard PQenterPipelineMode(handle) == 1 else { throw lost(PostgresError(connection: handle, code: .other)) }
        for step in pipeline.steps {
            guard step.send(on: handle) == 1 else {
                mustDiscard = true  // the pipeline is half sent
                throw lost(PostgresError(connection: handle, code: .other))
            }
        }
        guard PQpipelineSync(handle) == 1 else {
            mustDiscard = true
            throw lost(PostgresError(connection: handle, code: .other))
        }
        let results = try await read(until: .syncs(1))
        _ = PQexitPipelineMode(handle)
        var firstError: PostgresError?
        for (step, result) in zip(pipeline.steps, results.all) where PQresultStatus(result) != PGRES_PIPELINE_ABORTED {
            do {
                try check(result)
                switch step {
                case .prepare(let sql, let name, _):
                    statements.insert(sql: sql, name: name)
                case .commit:
                    // COMMIT of a transaction in which a statement failed silently rolls back.
                    if String(cString: PQcmdStatus(result)) != "COMMIT" {
                        throw PostgresError(code: .other, message: "transaction was rolled back because a statement in it failed")
                    }
                case .run:
                    break
                }
            } catch let error as PostgresError {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        return results
    }

    private func read(until end: ResultReader.End) async throws -> PostgresResults {
        do {
            return try await ResultReader.read(handle: handle, socket: socket, registration: registration, loop: loop, until: end)
        } catch let error as PostgresError {
            throw lost(error)
        }
    }

    /// Throws the error a result carries; false for an empty query (nothing to copy).
    @discardableResult
    private func check(_ result: OpaquePointer) throws -> Bool {
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
            return true
        case PGRES_EMPTY_QUERY:
            return false
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            // The session is stuck in COPY mode; COPY is not supported here.
            mustDiscard = true
            throw PostgresError(code: .other, message: "COPY is not supported")
        default:
            throw lost(PostgresError(result: result, connection: handle))
        }
    }

    /// Marks the connection for discarding when `error` means the session is gone.
    private func lost(_ error: PostgresError) -> PostgresError {
        if error.code == .connectionLost || PQstatus(handle) == CONNECTION_BAD { mustDiscard = true }
        return error
    }
}

/// The libpq calls of one round trip, in order; each produces one result before the Sync.
private struct Pipeline {
    enum Step {
        /// Parse a named statement (its first use on this connection).
        case prepare(sql: String, name: String, parameterCount: Int)
        /// Bind and execute: a prepared statement by name, or the SQL unnamed; `wanted` results are returned.
        case run(sql: String, binds: [String?], name: String?, wanted: Bool)
        /// End the transaction.
        case commit

        func send(on handle: OpaquePointer) -> Int32 {
            switch self {
            case .prepare(let sql, let name, let count):
                PQsendPrepare(handle, name, sql, Int32(count), nil)
            case .run(let sql, let binds, let name, _):
                withParameters(binds) { count, values in
                    if let name {
                        PQsendQueryPrepared(handle, name, count, values, nil, nil, 0)
                    } else {
                        PQsendQueryParams(handle, sql, count, nil, values, nil, nil, 0)
                    }
                }
            case .commit:
                PQsendQueryParams(handle, "COMMIT", 0, nil, nil, nil, nil, 0)
            }
        }
    }

    var steps: [Step] = []
    /// Names given in this round trip to statements not yet in the cache.
    var newNames: [String: String] = [:]
}

/// Lays out all parameters as NUL-terminated strings in one buffer that stays alive for the
/// whole libpq call, and passes libpq an array of pointers into it (nil for NULL).
private func withParameters<R>(_ binds: [String?], _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    guard !binds.isEmpty else { return body(0, nil) }
    var buffer: [CChar] = []
    buffer.reserveCapacity(binds.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 })
    var offsets: [Int?] = []
    offsets.reserveCapacity(binds.count)
    for bind in binds {
        guard let bind else { offsets.append(nil); continue }
        offsets.append(buffer.count)
        buffer += bind.utf8CString
    }
    return buffer.withUnsafeBufferPointer { storage in
        let base = storage.baseAddress!
        let pointers: [UnsafePointer<CChar>?] = offsets.map { $0.map { base + $0 } }
        return pointers.withUnsafeBufferPointer { body(Int32(binds.count), $0.baseAddress) }
    }
}
