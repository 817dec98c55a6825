import Foundation
import MotCuaPostgres
import MotCuaTestSupport
import Testing

@Suite("Connection pool behaviour")
struct PoolTests {
    @Test("200 concurrent queries through a pool of 8 all complete")
    func concurrentQueries() async throws {
        // Completion, not speed, is the claim: the whole suite runs beside it, so waits get a generous bound.
        try await TestDatabase.withPool(maxConnections: 8, configure: { $0.acquireTimeout = .seconds(120) }) { pool in
            let sum = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        try await pool.query("SELECT \(index)::int, pg_sleep(0.002)")[0].decode(Int.self, at: 0)
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(sum == (0..<200).reduce(0, +))
            let statistics = pool.statistics
            #expect(statistics.open <= 8)
            #expect(statistics.waiters == 0)
            #expect(statistics.inUse == 0)
        }
    }

    @Test("a killed backend is detected, replaced, and later queries succeed")
    func killedBackend() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { admin in
            try await TestDatabase.withPool(maxConnections: 1) { pool in
                // Killed while idle in the pool: detected before the connection is lent out.
                let first = try await pool.query("SELECT pg_backend_pid()")[0].decode(Int.self, at: 0)
                _ = try await admin.query("SELECT pg_terminate_backend(\(first), 5000)")
                let second = try await pool.query("SELECT pg_backend_pid()")[0].decode(Int.self, at: 0)
                #expect(second != first)

                // Killed while lent out: the query fails as connectionLost and the connection is dropped.
                let error = await #expect(throws: PostgresError.self) {
                    try await pool.withConnection { connection in
                        _ = try await admin.query("SELECT pg_terminate_backend(\(connection.backendPID), 5000)")
                        return try await connection.query("SELECT 1")
                    }
                }
                #expect(error?.code == .connectionLost)
                let third = try await pool.query("SELECT pg_backend_pid()")[0].decode(Int.self, at: 0)
                #expect(third != second)
                #expect(pool.statistics.open == 1)
            }
        }
    }

    @Test("a connection released mid-transaction is rolled back")
    func releasedMidTransaction() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { pool in
            try await TestDatabase.withTable("id int", pool: pool) { table in
                struct Abandon: Error {}
                await #expect(throws: Abandon.self) {
                    try await pool.withConnection { connection in
                        try await connection.simpleQuery("BEGIN")
                        try await connection.execute("INSERT INTO \(unescaped: table) VALUES (1)")
                        throw Abandon()
                    }
                }
                try await pool.withConnection { (connection) async throws -> Void in
                    #expect(!connection.isInTransaction)
                    #expect(try await connection.query("SELECT count(*) FROM \(unescaped: table)")[0].decode(Int.self, at: 0) == 0)
                }
            }
        }
    }

    @Test("an exhausted pool times out waiting callers")
    func poolTimeout() async throws {
        try await TestDatabase.withPool(maxConnections: 1, configure: { $0.acquireTimeout = .milliseconds(200) }) { pool in
            try await pool.withConnection { _ in
                let started = ContinuousClock.now
                let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
                #expect(error?.code == .poolTimeout)
                // The configured 200 ms, not the 10 s default. A loaded parallel run has starved the
                // timer to 5.7 s on two cores, so the bound only tells the two apart.
                #expect(ContinuousClock.now - started < .seconds(9))
                #expect(pool.statistics.waiters == 0)
            }
            #expect(try await pool.query("SELECT 1").count == 1)
        }
    }

    @Test("cancelling the task cancels a running pg_sleep quickly")
    func cancellation() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { pool in
            let task = Task { try await pool.query("SELECT pg_sleep(10)") }
            try await Task.sleep(for: .milliseconds(200))
            // Measured from the cancel: under the parallel suite the sleep above can take seconds.
            let started = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(ContinuousClock.now - started < .seconds(3))
            // The same connection is reused and works.
            #expect(try await pool.query("SELECT 1").count == 1)
            #expect(pool.statistics.open == 1)
        }
    }

    @Test("cancelling against a server that stopped answering returns at once", .timeLimit(.minutes(1)))
    func cancellationAgainstAFrozenServer() async throws {
        let base = try TestDatabase.configuration()
        let proxy = FreezableProxy(upstreamPort: Int(base.value(for: "port") ?? "5432") ?? 5432)
        defer { proxy.close() }
        let configuration = base.setting("host", to: "127.0.0.1").setting("port", to: String(proxy.port))
        try await TestDatabase.withPool(maxConnections: 1, connection: configuration) { pool in
            let task = Task { try await pool.query("SELECT pg_sleep(30)") }
            try await Task.sleep(for: .milliseconds(300))
            proxy.freeze()
            // The cancel request cannot be answered now; the caller (here the test's thread, in a
            // server the cooperative pool) must not wait for it.
            let started = ContinuousClock.now
            task.cancel()
            #expect(ContinuousClock.now - started < .milliseconds(500))
            proxy.close()
            _ = await task.result
        }
    }

    @Test("ping succeeds and closing the pool fails later callers")
    func pingAndClose() async throws {
        let pool = PostgresPool(
            configuration: try TestDatabase.configuration(), poolConfiguration: .init(maxConnections: 2),
            logger: TestDatabase.logger)
        try await pool.ping()
        await pool.close()
        let error = await #expect(throws: PostgresError.self) { try await pool.ping() }
        #expect(error?.code == .poolClosed)
        #expect(pool.statistics.open == 0)
    }

    @Test("an unreachable server reports connectFailed without leaking slots")
    func connectFailure() async throws {
        let configuration = PostgresConfiguration(parameters: [("host", "127.0.0.1"), ("port", "1"), ("user", "x")])
        try await TestDatabase.withPool(maxConnections: 1, connection: configuration) { pool in
            for _ in 0..<2 {
                let error = await #expect(throws: PostgresError.self) { try await pool.ping() }
                #expect(error?.code == .connectFailed)
            }
            #expect(pool.statistics.open == 0)
        }
    }
}
