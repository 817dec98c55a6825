import Foundation
import MotCuaPostgres
import MotCuaServer
import MotCuaTestSupport
import Testing

/// The private cluster `make run` starts when no DATABASE_URL is set: created on first use, reachable
/// through its socket, committing in groups under load with `synchronous_commit` on, stopped cleanly.
@Suite struct EmbeddedPostgresTests {
    @Test func aFreshClusterStartsWithGroupCommitAndDurableCommits() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "motcua-embedded-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cluster = try EmbeddedPostgres(directory: directory.path, port: try await freePort(), logger: TestDatabase.logger)
        try cluster.start()
        defer { cluster.stop() }
        let settings = try await TestDatabase.withPool(url: cluster.databaseURL) { pool in
            try await pool.query("""
                SELECT current_setting('commit_delay'), current_setting('commit_siblings'), current_setting('synchronous_commit'),
                       current_setting('fsync'), current_database()
                """).first.map { row in try (0..<5).map { try row.decode(String.self, at: $0) } }
        }
        #expect(settings == ["200", "5", "on", "on", "motcua"])
    }
}
