import Foundation
import MotCuaPostgres
import MotCuaTestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    static let migrations = [
        PostgresMigration(
            version: 1, name: "units",
            sql: """
                CREATE TABLE units (id int PRIMARY KEY, name text NOT NULL);
                INSERT INTO units VALUES (1, 'UBND xã Đông Hòa');
                DO $$ BEGIN RAISE NOTICE 'seeded; semicolons inside dollar-quoted bodies are fine'; END $$;
                """),
        PostgresMigration(version: 2, name: "slow", sql: "SELECT pg_sleep(0.2); CREATE TABLE slow (id int);"),
        PostgresMigration(version: 3, name: "people", sql: "CREATE TABLE people (id int REFERENCES units(id));"),
    ]

    @Test("migrations apply in order once; a re-run applies nothing")
    func idempotent() async throws {
        try await TestDatabase.withFreshDatabase { url in
            let configuration = try PostgresConfiguration(url: url)
            try await TestDatabase.withPool(connection: configuration) { pool in
                let migrator = PostgresMigrator(pool: pool, logger: TestDatabase.logger)
                #expect(try await migrator.migrate(Self.migrations.reversed()) == [1, 2, 3])
                #expect(try await migrator.migrate(Self.migrations) == [])
                let name = try await pool.query("SELECT name FROM units WHERE id = 1")[0].decode(String.self, at: 0)
                #expect(name == "UBND xã Đông Hòa")
                #expect(try await pool.query("SELECT version FROM schema_migrations ORDER BY 1").map { try $0.decode(Int.self, at: 0) } == [1, 2, 3])
            }
        }
    }

    @Test("two instances migrating one fresh database apply each version once")
    func concurrentInstances() async throws {
        try await TestDatabase.withFreshDatabase { url in
            let configuration = try PostgresConfiguration(url: url)
            try await TestDatabase.withPool(connection: configuration) { first in
                try await TestDatabase.withPool(connection: configuration) { second in
                    async let a = PostgresMigrator(pool: first, logger: TestDatabase.logger).migrate(Self.migrations)
                    async let b = PostgresMigrator(pool: second, logger: TestDatabase.logger).migrate(Self.migrations)
                    let applied = try await a + b
                    #expect(applied.sorted() == [1, 2, 3])
                    #expect(try await first.query("SELECT count(*) FROM schema_migrations")[0].decode(Int.self, at: 0) == 3)
                }
            }
        }
    }

    @Test("an applied migration whose SQL changed is reported")
    func checksumMismatch() async throws {
        try await TestDatabase.withFreshDatabase { url in
            let configuration = try PostgresConfiguration(url: url)
            try await TestDatabase.withPool(connection: configuration) { pool in
                let migrator = PostgresMigrator(pool: pool, logger: TestDatabase.logger)
                _ = try await migrator.migrate([Self.migrations[0]])
                var edited = Self.migrations[0]
                edited.sql += "\n-- edited"
                do {
                    _ = try await migrator.migrate([edited])
                    Issue.record("expected a checksum mismatch")
                } catch PostgresMigrationError.checksumMismatch(let version) {
                    #expect(version == 1)
                }
                // The advisory lock was released: a later run still works.
                #expect(try await migrator.migrate([Self.migrations[0]]) == [])
            }
        }
    }

    @Test("a failing migration leaves nothing of itself behind")
    func failingMigration() async throws {
        try await TestDatabase.withFreshDatabase { url in
            let configuration = try PostgresConfiguration(url: url)
            try await TestDatabase.withPool(connection: configuration) { pool in
                let migrator = PostgresMigrator(pool: pool, logger: TestDatabase.logger)
                let broken = PostgresMigration(version: 2, name: "broken", sql: "CREATE TABLE half (id int); SELEC 1;")
                do {
                    _ = try await migrator.migrate([Self.migrations[0], broken])
                    Issue.record("expected a failure")
                } catch PostgresMigrationError.failed(let version, _, let underlying) {
                    #expect(version == 2)
                    #expect(underlying.code == .syntaxError)
                }
                #expect(try await pool.query("SELECT to_regclass('half') IS NULL")[0].decode(Bool.self, at: 0))
                #expect(try await pool.query("SELECT max(version) FROM schema_migrations")[0].decode(Int.self, at: 0) == 1)
            }
        }
    }
}
