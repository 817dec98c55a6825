import Foundation
import MotCuaPostgres
import MotCuaServer
import MotCuaTestSupport
import Testing

/// The compose deployment's database setup (`deploy/initdb`): the server runs as a role that is not a
/// superuser and owns only its schema, and everything it needs still works.
@Suite struct DeploymentTests {
    static let initScript = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy/initdb/10-app-role.sql")

    @Test func theServerMigratesAndRunsAsANonSuperuserOwningItsSchema() async throws {
        let role = "motcua_app_" + Fixture.random(8, from: "abcdefghijklmnopqrstuvwxyz0123456789")
        let setup = try String(contentsOf: Self.initScript, encoding: .utf8).replacingOccurrences(of: "motcua_app", with: role)
        let server = try TestDatabase.serverURL()
        func dropRole() async throws {
            _ = try await TestDatabase.withPool(url: server) { try await $0.execute("DROP ROLE IF EXISTS \(unescaped: role)") }
        }
        do {
            try await run(setup: setup, role: role)
            try await dropRole()
        } catch {
            try? await dropRole()
            throw error
        }
    }

    private func run(setup: String, role: String) async throws {
        try await TestDatabase.withFreshDatabase { url in
            _ = try await TestDatabase.withPool(url: url) { pool in try await pool.withConnection { try await $0.simpleQuery(setup) } }
            var configuration = ServerConfiguration()
            configuration.databaseURL = TestDatabase.url(url, user: role)
            let applied = try await Maintenance.migrate(configuration: configuration, logger: TestDatabase.logger)
            #expect(applied.count >= 11)
            try await TestDatabase.withPool(url: TestDatabase.url(url, user: role)) { pool in
                let (isSuperuser, schema) = try await pool.query(
                    "SELECT rolsuper, current_schema() FROM pg_roles WHERE rolname = current_user").first!.decode((Bool, String).self)
                #expect(!isSuperuser && schema == "motcua")
                let outside = try await pool.query("""
                    SELECT count(*) FROM pg_tables WHERE tableowner = current_user AND schemaname <> 'motcua'
                    """).first!.decode(Int.self, at: 0)
                #expect(outside == 0)
                // Accent-insensitive search works through the extensions the superuser created.
                let folded = try await pool.query("SELECT motcua_fold(\("Đăng Ký Khai Sinh"))").first!.decode(String.self, at: 0)
                #expect(folded == "dang ky khai sinh")
                let error = await #expect(throws: PostgresError.self) { try await pool.execute("CREATE ROLE \(unescaped: role)_x") }
                #expect(error?.sqlState == "42501")
            }
        }
    }
}
