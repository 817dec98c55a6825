import MotCuaPostgres
import MotCuaTestSupport
import Testing

/// What does not depend on an answer goes out together: BEGIN with the first statement, queued
/// writes with the next one, COMMIT with the last, a statement's Parse with its first execution.
@Suite("Pipelined round trips")
struct PipelineTests {
    /// A pool of one connection through a proxy that counts round trips, with `table` (id int primary key).
    private func withCountedPool(_ body: (PostgresPool, FreezableProxy, String) async throws -> Void) async throws {
        let base = try TestDatabase.configuration()
        let proxy = FreezableProxy(upstreamPort: Int(base.value(for: "port") ?? "5432") ?? 5432)
        defer { proxy.close() }
        let configuration = base.setting("host", to: "127.0.0.1").setting("port", to: String(proxy.port))
        try await TestDatabase.withPool(maxConnections: 1, connection: configuration) { pool in
            try await TestDatabase.withTable("id int PRIMARY KEY", pool: pool) { table in
                try await body(pool, proxy, table)
            }
        }
    }

    @Test("a transaction of a read, a queued write and a committing write takes two round trips")
    func transactionRoundTrips() async throws {
        try await withCountedPool { pool, proxy, table in
            func transfer(_ id: Int) async throws -> Int {
                try await pool.withTransaction { tx in
                    let count = try await tx.query("SELECT count(*)::int FROM \(unescaped: table)")[0].decode(Int.self, at: 0)
                    try tx.enqueue("INSERT INTO \(unescaped: table) VALUES (\(id))")
                    return try await tx.queryCommitting("INSERT INTO \(unescaped: table) VALUES (\(id + 1)) RETURNING id")[0].decode(Int.self, at: 0)
                }
            }
            _ = try await transfer(1)  // prepares the statements on the connection
            proxy.resetTurns()
            #expect(try await transfer(3) == 4)
            #expect(proxy.turns == 2)
            let ids = try await pool.query("SELECT id FROM \(unescaped: table) ORDER BY id").map { try $0.decode(Int.self, at: 0) }
            #expect(ids == [1, 2, 3, 4])
        }
    }

    @Test("BEGIN goes with the first statement and COMMIT alone when nothing committed early")
    func implicitCommit() async throws {
        try await withCountedPool { pool, proxy, table in
            try await pool.withTransaction { tx in try await tx.execute("INSERT INTO \(unescaped: table) VALUES (\(1))") }
            proxy.resetTurns()
            try await pool.withTransaction { tx in try await tx.execute("INSERT INTO \(unescaped: table) VALUES (\(2))") }
            #expect(proxy.turns == 2)
            #expect(try await pool.query("SELECT count(*)::int FROM \(unescaped: table)")[0].decode(Int.self, at: 0) == 2)
        }
    }

    @Test("a statement's first use is parsed and executed in one round trip")
    func firstUse() async throws {
        try await withCountedPool { pool, proxy, _ in
            proxy.resetTurns()
            let first = try await pool.query("SELECT 41 + \(1)")[0].decode(Int.self, at: 0)
            #expect(first == 42 && proxy.turns == 1)
            let second = try await pool.query("SELECT 41 + \(1)")[0].decode(Int.self, at: 0)
            #expect(second == 42 && proxy.turns == 2)
        }
    }

    @Test("statements sent together run in order, each seeing the ones before, in one round trip")
    func severalStatements() async throws {
        try await withCountedPool { pool, proxy, table in
            _ = try await pool.query("SELECT 1")
            proxy.resetTurns()
            let results = try await pool.withConnection { connection in
                try await connection.query([
                    "INSERT INTO \(unescaped: table) VALUES (\(7)) RETURNING id",
                    "SELECT count(*)::int FROM \(unescaped: table)",
                ])
            }
            #expect(try results.map { try $0[0].decode(Int.self, at: 0) } == [7, 1])
            #expect(proxy.turns == 1)
        }
    }

    @Test("a write queued outside a transaction with nothing after it is sent when the connection is returned")
    func queuedWriteWithNothingAfter() async throws {
        try await withCountedPool { pool, _, table in
            try await pool.withConnection { connection in try connection.enqueue("INSERT INTO \(unescaped: table) VALUES (\(9))") }
            #expect(try await pool.query("SELECT id FROM \(unescaped: table)").map { try $0.decode(Int.self, at: 0) } == [9])
        }
    }

    @Test("a failing queued write fails the next statement and rolls the transaction back")
    func failingQueuedWrite() async throws {
        try await withCountedPool { pool, _, table in
            try await pool.execute("INSERT INTO \(unescaped: table) VALUES (\(1))")
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { tx in
                    try await tx.execute("INSERT INTO \(unescaped: table) VALUES (\(2))")
                    try tx.enqueue("INSERT INTO \(unescaped: table) VALUES (\(1))")  // duplicate key
                    _ = try await tx.query("SELECT 1")
                }
            }
            #expect(error?.code == .uniqueViolation)
            #expect(try await pool.query("SELECT count(*)::int FROM \(unescaped: table)")[0].decode(Int.self, at: 0) == 1)
        }
    }

    @Test("a failing committing statement rolls back, and queued writes at the end are committed")
    func committingStatementFails() async throws {
        try await withCountedPool { pool, _, table in
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { tx in
                    try await tx.execute("INSERT INTO \(unescaped: table) VALUES (\(1))")
                    _ = try await tx.queryCommitting("INSERT INTO \(unescaped: table) VALUES (\(1))")
                }
            }
            #expect(error?.code == .uniqueViolation)
            #expect(try await pool.query("SELECT count(*)::int FROM \(unescaped: table)")[0].decode(Int.self, at: 0) == 0)
            try await pool.withTransaction { tx in try tx.enqueue("INSERT INTO \(unescaped: table) VALUES (\(5))") }
            #expect(try await pool.query("SELECT id FROM \(unescaped: table)")[0].decode(Int.self, at: 0) == 5)
        }
    }
}
