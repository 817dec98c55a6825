import MotCuaPostgres
import MotCuaTestSupport
import NIOPosix
import Testing

/// Queries are sent and read without blocking (the socket is watched by the event loop): data that
/// does not fit the socket buffers in one go must still arrive whole, in both directions.
@Suite("Non-blocking I/O")
struct NonBlockingIOTests {
    @Test("a parameter and a result of many megabytes cross in many partial writes and reads")
    func largeParameterAndResult() async throws {
        try await TestDatabase.withPool { pool in
            let text = String(repeating: "Nguyễn Văn A; ", count: 600_000)  // about 9 MB
            let echoed = try await pool.query("SELECT \(text)::text, length(\(text)::text)")
            #expect(try echoed[0].decode(String.self, at: 0) == text)
            #expect(try echoed[0].decode(Int.self, at: 1) == text.count)
        }
    }

    @Test("several statements in one simple query return the last result, and an error in the middle wins")
    func simpleQueryResults() async throws {
        try await TestDatabase.withPool { pool in
            try await pool.withConnection { connection in
                let last = try await connection.simpleQuery("SELECT 1; SELECT 2, 3")
                #expect(try last[0].decode(Int.self, at: 1) == 3)
                let error = await #expect(throws: PostgresError.self) {
                    try await connection.simpleQuery("SELECT 1; SELECT 1/0; SELECT 3")
                }
                #expect(error?.sqlState == "22012")
                #expect(try await connection.query("SELECT 4").count == 1)
            }
        }
    }

    @Test("many connections waiting at once are all answered")
    func manyWaitingConnections() async throws {
        try await TestDatabase.withPool(maxConnections: 48) { pool in
            let sums = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<48 {
                    group.addTask {
                        try await pool.query("SELECT \(index)::int FROM pg_sleep(0.2)")[0].decode(Int.self, at: 0)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(sums.sorted() == Array(0..<48))
        }
    }

    @Test("a lost connection going away later does not unwatch a newer connection's socket")
    func lostConnectionReleasedAfterANewOne() async throws {
        let configuration = try TestDatabase.configuration()
        func connect() async throws -> PostgresConnection {
            try await PostgresConnection.connect(configuration: configuration, logger: TestDatabase.logger, threadPool: .singleton)
        }
        try await TestDatabase.withPool { admin in
            // libpq closes the socket of a lost connection itself, so the next connection usually gets
            // its descriptor number while the old object still exists; several rounds make that certain.
            for _ in 0..<5 {
                var lost: PostgresConnection? = try await connect()
                _ = try await admin.query("SELECT pg_terminate_backend(\(lost!.backendPID), 5000)")
                await #expect(throws: PostgresError.self) { _ = try await lost!.query("SELECT 1") }
                let fresh = try await connect()
                lost = nil
                #expect(try await fresh.query("SELECT 1").count == 1)
                #expect(lost == nil)
            }
        }
    }
}
