import Foundation
import MotCuaPostgres
import MotCuaTestSupport
import Testing

@Suite("Transactions")
struct TransactionTests {
    struct Boom: Error {}

    @Test("commit on return, rollback on throw")
    func commitAndRollback() async throws {
        try await TestDatabase.withPool { pool in
            try await TestDatabase.withTable("id int", pool: pool) { table in
                try await pool.withTransaction { tx in
                    try await tx.execute("INSERT INTO \(unescaped: table) VALUES (\(1))")
                }
                await #expect(throws: Boom.self) {
                    try await pool.withTransaction { tx in
                        try await tx.execute("INSERT INTO \(unescaped: table) VALUES (\(2))")
                        throw Boom()
                    }
                }
                let ids = try await pool.query("SELECT id FROM \(unescaped: table)").map { try $0.decode(Int.self, at: 0) }
                #expect(ids == [1])
            }
        }
    }

    @Test("a serialization failure is retried and then succeeds")
    func serializationRetry() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { pool in
            try await TestDatabase.withTable("id int PRIMARY KEY, v int", pool: pool) { table in
                try await pool.execute("INSERT INTO \(unescaped: table) VALUES (1, 0)")
                var attempts = 0
                try await pool.withTransaction(isolation: .repeatableRead) { tx in
                    attempts += 1
                    _ = try await tx.query("SELECT v FROM \(unescaped: table) WHERE id = 1")
                    if attempts == 1 {
                        // A concurrent commit after our snapshot makes our update fail with 40001.
                        try await pool.execute("UPDATE \(unescaped: table) SET v = v + 100 WHERE id = 1")
                    }
                    try await tx.execute("UPDATE \(unescaped: table) SET v = v + 1 WHERE id = 1")
                }
                #expect(attempts == 2)
                #expect(try await pool.query("SELECT v FROM \(unescaped: table)")[0].decode(Int.self, at: 0) == 101)
            }
        }
    }

    @Test("retries are bounded")
    func boundedRetries() async throws {
        try await TestDatabase.withPool { pool in
            var attempts = 0
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction(retries: 2) { tx in
                    attempts += 1
                    try await tx.simpleQuery("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$")
                }
            }
            #expect(error?.code == .serializationFailure)
            #expect(attempts == 3)
        }
    }

    @Test("a swallowed statement error makes COMMIT fail instead of silently rolling back")
    func swallowedError() async throws {
        try await TestDatabase.withPool { pool in
            await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { tx in
                    _ = try? await tx.query("SELECT 1/0")
                }
            }
        }
    }
}
