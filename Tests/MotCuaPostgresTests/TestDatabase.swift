import Foundation
import Logging
import MotCuaPostgres

/// Access to the PostgreSQL server named by `DATABASE_URL` (`make test` starts one and exports it).
enum TestDatabase {
    struct MissingDatabaseURL: Error, CustomStringConvertible {
        var description: String {
            "DATABASE_URL is not set: run `make test`, or start PostgreSQL and export "
                + "DATABASE_URL=postgresql://postgres@127.0.0.1:55432/postgres"
        }
    }

    static let logger = Logger(label: "motcua.postgres.tests") { _ in SwiftLogNoOpLogHandler() }

    static func configuration() throws -> PostgresConfiguration {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            throw MissingDatabaseURL()
        }
        return try PostgresConfiguration(url: url)
    }

    /// Runs `body` with a fresh pool and always closes it.
    static func withPool<T>(
        maxConnections: Int = 4, configure: (inout PostgresPool.Configuration) -> Void = { _ in },
        connection: PostgresConfiguration? = nil, _ body: (PostgresPool) async throws -> T
    ) async throws -> T {
        var poolConfiguration = PostgresPool.Configuration(maxConnections: maxConnections)
        configure(&poolConfiguration)
        let pool = PostgresPool(
            configuration: try connection ?? configuration(), poolConfiguration: poolConfiguration, logger: logger)
        do {
            let result = try await body(pool)
            await pool.close()
            return result
        } catch {
            await pool.close()
            throw error
        }
    }

    /// A name no parallel test uses, safe to splice as an identifier.
    static func uniqueName(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    }

    /// Creates a shared (non-temporary) table visible to every connection, and drops it afterwards.
    static func withTable<T>(
        _ columns: String, pool: PostgresPool, _ body: (String) async throws -> T
    ) async throws -> T {
        let table = uniqueName("t")
        try await pool.execute("CREATE TABLE \(unescaped: table) (\(unescaped: columns))")
        do {
            let result = try await body(table)
            try await pool.execute("DROP TABLE \(unescaped: table)")
            return result
        } catch {
            try? await pool.execute("DROP TABLE \(unescaped: table)")
            throw error
        }
    }

    /// Creates an empty database, runs `body` with its configuration, then drops it.
    static func withFreshDatabase<T>(_ body: (PostgresConfiguration) async throws -> T) async throws -> T {
        let name = uniqueName("motcua_test")
        let base = try configuration()
        try await withPool(maxConnections: 1) { admin in
            try await admin.execute("CREATE DATABASE \(unescaped: name)")
        }
        func drop() async throws {
            try await withPool(maxConnections: 1) { admin in
                try await admin.execute("DROP DATABASE IF EXISTS \(unescaped: name) WITH (FORCE)")
            }
        }
        do {
            let result = try await body(base.setting("dbname", to: name))
            try await drop()
            return result
        } catch {
            try? await drop()
            throw error
        }
    }
}
