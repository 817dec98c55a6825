import Foundation
import MotCuaAPI
import MotCuaPostgres
import MotCuaServer
import MotCuaTestSupport
import Testing

/// Units, users and procedure versions are permanent (migration 0012), so dossier writes name them
/// without foreign keys: no write locks the rows every other write names too.
@Suite struct ReferenceRowTests {
    /// With foreign keys, each intake locked its units, procedure version and officer FOR KEY SHARE, and
    /// each action its officer: while another transaction held those rows, every dossier write of the
    /// commune waited (here: until the 2 s statement timeout, a 503).
    @Test func dossierWritesDoNotWaitForLockedReferenceRows() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock, configure: { $0.statementTimeout = .seconds(2) }) { client, env in
            let world = try await env.makeDossierWorld()
            let users = [world.reception, world.leader, world.specialist].map(\.username)
            try await env.pool.withTransaction { tx in
                _ = try await tx.query("SELECT 1 FROM units WHERE code IN (\(world.unitA), \(world.province.code)) FOR UPDATE")
                _ = try await tx.query("SELECT 1 FROM users WHERE username = ANY(\(users)) FOR UPDATE")
                _ = try await tx.query("SELECT 1 FROM procedure_versions WHERE code = \(world.procedureCode) FOR UPDATE")
                let dossier = try await client.file(world.body(), as: world.reception)
                let assigned = try await client.perform("assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader)
                #expect(assigned.assignee == world.specialist.username)
            }
        }
    }

    @Test func referenceRowsAreNeverDeletedAndKeepTheirKeys() async throws {
        try await withTestApp { _, env in
            let world = try await env.makeDossierWorld()
            let statements: [PostgresQuery] = [
                "DELETE FROM units WHERE code = \(world.unitC)",
                "UPDATE units SET code = code || 'X' WHERE code = \(world.unitC)",
                "DELETE FROM users WHERE username = \(world.specialist2.username)",
                "UPDATE users SET id = id + 1000000 WHERE username = \(world.specialist2.username)",
                "DELETE FROM procedure_versions WHERE code = \(world.procedureCode)",
                "UPDATE procedure_versions SET version = version + 100 WHERE code = \(world.procedureCode)",
            ]
            for statement in statements {
                await #expect(throws: PostgresError.self, "\(statement.sql)") {
                    do { try await env.pool.execute(statement) } catch let error as PostgresError {
                        #expect(error.sqlState == "23001", "\(statement.sql): \(error)")  // restrict_violation
                        throw error
                    }
                }
            }
            // A change that keeps the key is allowed.
            try await env.pool.execute("UPDATE units SET name = 'Xã đổi tên' WHERE code = \(world.unitC)")
        }
    }

    /// The search text is written at intake only: an action leaves its row (and the trigram index) alone.
    @Test func actionsDoNotRewriteTheSearchText() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await client.file(world.body(), as: world.reception)
            let version: PostgresQuery = """
                SELECT s.xmin::text, s.search_text FROM dossier_search s JOIN dossiers d ON d.id = s.dossier_id WHERE d.code = \(dossier.code)
                """
            let before = try await env.pool.query(version).map { [try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1)] }
            try await client.perform("assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader)
            let after = try await env.pool.query(version).map { [try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1)] }
            #expect(before.count == 1 && before == after)
            #expect(before.first?[1].hasPrefix(dossier.code.lowercased()) == true)
            #expect(try await client.list("q=\(dossier.code)", as: world.reception).items.map(\.code) == [dossier.code])
        }
    }
}
