internal import CLibPQ

/// The blocking libpq calls. Each runs on a thread-pool thread while the owning task awaits it.
extension PostgresConnection {
    /// Runs one statement with text-format parameters, through a cached prepared statement when the
    /// cache is enabled (one round trip after the first use) or `PQexecParams` otherwise.
    func queryBlocking(_ query: PostgresQuery) throws -> PostgresRows {
        if let encodingError = query.encodingError { throw encodingError }
        let sql = query.sql
        guard statements.isEnabled else {
            return try withParameters(query.binds) { count, values in
                try consume(PQexecParams(handle, sql, count, nil, values, nil, nil, 0))
            }
        }
        do {
            return try executePrepared(sql: sql, binds: query.binds)
        } catch let error as PostgresError where error.sqlState == "0A000" || error.sqlState == "26000" {
            // "cached plan must not change result type" after DDL, or the statement was dropped by
            // DEALLOCATE/DISCARD: forget it. Outside a transaction nothing ran, so retry once.
            statements.remove(sql: sql)
            guard transactionIsIdle else { throw error }
            return try executePrepared(sql: sql, binds: query.binds)
        }
    }

    private func executePrepared(sql: String, binds: [String?]) throws -> PostgresRows {
        let name = try statements.name(for: sql) ?? prepare(sql: sql, parameterCount: binds.count)
        try canceller.checkCancelled()
        return try withParameters(binds) { count, values in
            try consume(PQexecPrepared(handle, name, count, values, nil, nil, 0))
        }
    }

    private func prepare(sql: String, parameterCount: Int) throws -> String {
        if let victim = statements.victim() {
            statements.remove(sql: victim.sql)
            // Failure only leaks one server-side statement until the session ends.
            _ = try? consume(PQexec(handle, "DEALLOCATE \(victim.name)"))
        }
        let name = statements.makeName()
        _ = try consume(PQprepare(handle, name, sql, Int32(parameterCount), nil))
        statements.insert(sql: sql, name: name)
        return name
    }

    /// Runs SQL without parameters through the simple protocol: several statements may be separated
    /// by semicolons (migrations), and nothing is prepared. Returns the last statement's result.
    func simpleQueryBlocking(_ sql: String) throws -> PostgresRows {
        try consume(PQexec(handle, sql))
    }

    /// Converts a result into rows or an error, and always clears it.
    private func consume(_ result: OpaquePointer?) throws -> PostgresRows {
        guard let result else { throw PostgresError(connection: handle, code: .other) }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
            return PostgresRows(copying: result)
        case PGRES_EMPTY_QUERY:
            return .empty
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            // Leave COPY mode so the connection stays usable; COPY is not supported here.
            mustDiscard = true
            throw PostgresError(code: .other, message: "COPY is not supported")
        default:
            let error = PostgresError(result: result, connection: handle)
            if error.code == .connectionLost { mustDiscard = true }
            return try { throw error }()
        }
    }

    /// Lays out all parameters as NUL-terminated strings in one buffer that stays alive for the
    /// whole libpq call, and passes libpq an array of pointers into it (nil for NULL).
    private func withParameters<R>(
        _ binds: [String?], _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) throws -> R
    ) rethrows -> R {
        guard !binds.isEmpty else { return try body(0, nil) }
        var buffer: [CChar] = []
        buffer.reserveCapacity(binds.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 })
        var offsets: [Int?] = []
        offsets.reserveCapacity(binds.count)
        for bind in binds {
            guard let bind else { offsets.append(nil); continue }
            offsets.append(buffer.count)
            buffer += bind.utf8CString
        }
        return try buffer.withUnsafeBufferPointer { storage in
            let base = storage.baseAddress!
            let pointers: [UnsafePointer<CChar>?] = offsets.map { $0.map { base + $0 } }
            return try pointers.withUnsafeBufferPointer { try body(Int32(binds.count), $0.baseAddress) }
        }
    }
}
