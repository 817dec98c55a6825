import Logging
import MotCuaPostgres
import MotCuaStore
import NIOPosix

/// The server's one-shot subcommands (`migrate`, `seed`, `create-admin`), each on a short-lived pool.
public enum Maintenance {
    /// Applies pending migrations; returns the versions applied.
    public static func migrate(configuration: ServerConfiguration, logger: Logger) async throws -> [Int] {
        try await withPool(configuration, logger) { pool, _ in
            try await migrateSchema(pool: pool, logger: logger)
        }
    }

    /// Migrates and loads the demo data; returns whether the demo accounts were created now.
    public static func seedDemoData(configuration: ServerConfiguration, logger: Logger) async throws -> Bool {
        try await withPool(configuration, logger) { pool, passwords in
            _ = try await migrateSchema(pool: pool, logger: logger)
            let seed = DemoSeed(pool: pool)
            let created = try await seed.apply(passwordHash: try await passwords.hash(DemoSeed.password))
            try await seed.applyProcedures(store: ProcedureStore(pool: pool))
            return created
        }
    }

    /// Migrates and creates an admin when none exists; returns false when one already did.
    public static func createAdmin(
        username: String, password: String, unitCode: String?, configuration: ServerConfiguration, logger: Logger
    ) async throws -> Bool {
        try await withPool(configuration, logger) { pool, passwords in
            _ = try await migrateSchema(pool: pool, logger: logger)
            return try await BootstrapAdmin(pool: pool, passwords: passwords, logger: logger)
                .ensure(username: username, password: password, unitCode: unitCode)
        }
    }

    private static func withPool<T: Sendable>(
        _ configuration: ServerConfiguration, _ logger: Logger, _ body: (PostgresPool, PasswordHasher) async throws -> T
    ) async throws -> T {
        let pool = try makePool(configuration: configuration, logger: logger)
        let threads = NIOThreadPool(numberOfThreads: 1)
        threads.start()
        let passwords = PasswordHasher(cost: configuration.bcryptCost, threads: threads)
        do {
            let result = try await body(pool, passwords)
            await pool.close()
            try await threads.shutdownGracefully()
            return result
        } catch {
            await pool.close()
            try? await threads.shutdownGracefully()
            throw error
        }
    }
}
