internal import CLibPQ

/// Sending queries and reading their results. Nothing here blocks: libpq's `PQsend*` calls queue
/// the messages (the connection is in non-blocking mode), and `ResultReader` waits for the socket
/// on the event loop while the task is suspended.
extension PostgresConnection {
    /// Runs one statement with text-format parameters, through a cached prepared statement when the
    /// cache is enabled (one round trip after the first use) or unnamed (`PQsendQueryParams`) otherwise.
    func perform(_ query: PostgresQuery) async throws -> PostgresRows {
        if let encodingError = query.encodingError { throw encodingError }
        let sql = query.sql
        guard statements.isEnabled else {
            return try await exchange { handle in
                withParameters(query.binds) { PQsendQueryParams(handle, sql, $0, nil, $1, nil, nil, 0) }
            }
        }
        do {
            return try await executePrepared(sql: sql, binds: query.binds)
        } catch let error as PostgresError where error.sqlState == "0A000" || error.sqlState == "26000" {
            // "cached plan must not change result type" after DDL, or the statement was dropped by
            // DEALLOCATE/DISCARD: forget it. Outside a transaction nothing ran, so retry once.
            statements.remove(sql: sql)
            guard transactionIsIdle else { throw error }
            return try await executePrepared(sql: sql, binds: query.binds)
        }
    }

    private func executePrepared(sql: String, binds: [String?]) async throws -> PostgresRows {
        let name: String
        if let prepared = statements.name(for: sql) {
            name = prepared
        } else {
            name = try await prepare(sql: sql, parameterCount: binds.count)
        }
        try canceller.checkCancelled()
        return try await exchange { handle in
            withParameters(binds) { PQsendQueryPrepared(handle, name, $0, $1, nil, nil, 0) }
        }
    }

    private func prepare(sql: String, parameterCount: Int) async throws -> String {
        if let victim = statements.victim() {
            statements.remove(sql: victim.sql)
            // Failure only leaks one server-side statement until the session ends.
            _ = try? await exchange { PQsendQuery($0, "DEALLOCATE \(victim.name)") }
        }
        let name = statements.makeName()
        _ = try await exchange { PQsendPrepare($0, name, sql, Int32(parameterCount), nil) }
        statements.insert(sql: sql, name: name)
        return name
    }

    /// Runs SQL without parameters through the simple protocol: several statements may be separated
    /// by semicolons (migrations), and nothing is prepared. Returns the last statement's result.
    func performSimple(_ sql: String) async throws -> PostgresRows {
        try await exchange { PQsendQuery($0, sql) }
    }

    /// Sends with `send` (a `PQsend*` call) and waits for the results: the first error is thrown,
    /// otherwise the last result is returned, as `PQexec` does.
    private func exchange(_ send: (OpaquePointer) -> Int32) async throws -> PostgresRows {
        guard send(handle) == 1 else { throw lost(PostgresError(connection: handle, code: .other)) }
        let results: PostgresResults
        do {
            results = try await ResultReader.read(handle: handle, socket: socket, loop: loop, until: .idle)
        } catch let error as PostgresError {
            throw lost(error)
        }
        for result in results.all.dropLast() { try check(result) }
        guard let last = results.all.last else { return .empty }
        return try check(last) ? PostgresRows(copying: last) : .empty
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

    /// Lays out all parameters as NUL-terminated strings in one buffer that stays alive for the
    /// whole libpq call, and passes libpq an array of pointers into it (nil for NULL).
    private func withParameters<R>(
        _ binds: [String?], _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) -> R {
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
}
