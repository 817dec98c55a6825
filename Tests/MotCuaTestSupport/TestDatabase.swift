import Foundation
import Logging
import MotCuaPostgres
import MotCuaServer

/// The PostgreSQL server named by `DATABASE_URL` (`make test` starts a throwaway cluster and exports
/// it), shared by every test target: the migrated test database `motcua_test`, created from the
/// `postgres` database when missing and migrated once per process (several test processes starting
/// together are safe: a concurrent CREATE DATABASE is caught, migrations take an advisory lock),
/// short-lived pools, fresh databases and tables.
public enum TestDatabase {
    public struct MissingDatabaseURL: Error, CustomStringConvertible {
        public var description: String {
            "DATABASE_URL is not set: run `make test`, or start a cluster with "
                + "`scripts/test-db.sh start /tmp/motcua-test-db 55432` and export the URL it prints"
        }
    }

    public static let name = "motcua_test"

    /// Silent unless `MOTCUA_TEST_LOG_LEVEL` names a level (then to standard error).
    public static let logger: Logger = {
        guard let level = ProcessInfo.processInfo.environment["MOTCUA_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) else {
            return Logger(label: "motcua.tests") { _ in SwiftLogNoOpLogHandler() }
        }
        var logger = Logger(label: "motcua.tests") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level
        return logger
    }()

    /// The URL of the PostgreSQL server as exported (usually its `postgres` database).
    public static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { throw MissingDatabaseURL() }
        return url
    }

    /// The connection settings of `serverURL()`.
    public static func configuration() throws -> PostgresConfiguration { try PostgresConfiguration(url: try serverURL()) }

    /// `url` with its database name replaced (user, hosts, port and query parameters kept).
    public static func url(_ url: String, database: String) -> String {
        let (main, query) = url.firstIndex(of: "?").map { (String(url[..<$0]), String(url[$0...])) } ?? (url, "")
        let schemeEnd = main.range(of: "://")?.upperBound ?? main.startIndex
        let hostPart = main[schemeEnd...]
        let authority = hostPart.firstIndex(of: "/").map { hostPart[..<$0] } ?? hostPart
        return String(main[..<schemeEnd]) + authority + "/" + database + query
    }

    /// `url` connecting as `user` instead (no password: the test cluster trusts local connections).
    public static func url(_ url: String, user: String) -> String {
        guard let schemeEnd = url.range(of: "://")?.upperBound else { return url }
        let rest = url[schemeEnd...]
        let hostStart = rest.firstIndex(of: "@").map { rest.index(after: $0) } ?? rest.startIndex
        return String(url[..<schemeEnd]) + user + "@" + rest[hostStart...]
    }

    /// The migrated test database's URL; the first caller in the process creates and migrates it.
    public static func migratedURL() async throws -> String { try await prepared.value }

    private static let prepared = Task<String, any Error> {
        let server = try serverURL()
        let target = url(server, database: name)
        try await createDatabaseIfMissing(name, serverURL: server)
        var configuration = ServerConfiguration()
        configuration.databaseURL = target
        _ = try await Maintenance.migrate(configuration: configuration, logger: logger)
        return target
    }

    /// A pool on the test database for fixtures and direct checks, shared by every test of the process.
    public static func pool() async throws -> PostgresPool { try await sharedPool.value }

    private static let sharedPool = Task<PostgresPool, any Error> {
        let configuration = try PostgresConfiguration(url: try await migratedURL())
        return PostgresPool(configuration: configuration, poolConfiguration: .init(maxConnections: 8), logger: logger)
    }

    /// Runs `body` on a short-lived pool connected to `url`.
    public static func withPool<T>(url: String, _ body: (PostgresPool) async throws -> T) async throws -> T {
        try await withPool(maxConnections: 1, connection: try PostgresConfiguration(url: url), body)
    }

    /// Runs `body` with a fresh pool (on `connection`, by default the server's `postgres` database)
    /// and always closes it.
    public static func withPool<T>(
        maxConnections: Int = 4, configure: (inout PostgresPool.Configuration) -> Void = { _ in },
        connection: PostgresConfiguration? = nil, _ body: (PostgresPool) async throws -> T
    ) async throws -> T {
        var poolConfiguration = PostgresPool.Configuration(maxConnections: maxConnections)
        configure(&poolConfiguration)
        let pool = PostgresPool(configuration: try connection ?? configuration(), poolConfiguration: poolConfiguration, logger: logger)
        do {
            let result = try await body(pool)
            await pool.close()
            return result
        } catch {
            await pool.close()
            throw error
        }
    }

    /// CREATE DATABASE that tolerates losing a race with another process (42P04, or 23505 on pg_database).
    public static func createDatabaseIfMissing(_ database: String, serverURL: String) async throws {
        try await withPool(url: serverURL) { admin in
            let exists = try await admin.query("SELECT 1 FROM pg_database WHERE datname = \(database)").first != nil
            guard !exists else { return }
            do {
                try await admin.execute("CREATE DATABASE \(unescaped: database)")
            } catch let error as PostgresError where error.sqlState == "42P04" || error.code == .uniqueViolation {
                // Another test process created it first.
            }
        }
    }

    /// Creates an empty database, runs `body` with its URL, then drops it (connections forced out).
    public static func withFreshDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
        let server = try serverURL()
        let database = uniqueName("motcua_fresh")
        try await withPool(url: server) { try await $0.execute("CREATE DATABASE \(unescaped: database)") }
        func drop() async throws {
            try await withPool(url: server) { try await $0.execute("DROP DATABASE IF EXISTS \(unescaped: database) WITH (FORCE)") }
        }
        do {
            let result = try await body(url(server, database: database))
            try await drop()
            return result
        } catch {
            try? await drop()
            throw error
        }
    }

    /// A name no parallel test uses, safe to splice as an identifier.
    public static func uniqueName(_ prefix: String) -> String {
        prefix + "_" + Fixture.random(16, from: Fixture.lowerDigits)
    }

    /// Creates a shared (non-temporary) table visible to every connection, and drops it afterwards.
    public static func withTable<T>(_ columns: String, pool: PostgresPool, _ body: (String) async throws -> T) async throws -> T {
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
}
