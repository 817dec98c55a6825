import Foundation
import Logging
import MotCuaPostgres
import MotCuaServer

/// The shared test database `motcua_test` on the server named by `DATABASE_URL` (copied in part
/// from the server tests' harness: created when missing, migrated once per process; concurrent test
/// processes are safe).
enum TestDatabase {
    struct MissingDatabaseURL: Error, CustomStringConvertible {
        var description: String {
            "DATABASE_URL is not set: run `make test`, or start a cluster with "
                + "`scripts/test-db.sh start /tmp/motcua-test-db 55432` and export the URL it prints"
        }
    }

    static let name = "motcua_test"

    static let logger: Logger = {
        guard let level = ProcessInfo.processInfo.environment["MOTCUA_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) else {
            return Logger(label: "motcua.client.tests") { _ in SwiftLogNoOpLogHandler() }
        }
        var logger = Logger(label: "motcua.client.tests") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level
        return logger
    }()

    static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { throw MissingDatabaseURL() }
        return url
    }

    /// `url` with its database name replaced.
    static func url(_ url: String, database: String) -> String {
        let (main, query) = url.firstIndex(of: "?").map { (String(url[..<$0]), String(url[$0...])) } ?? (url, "")
        let schemeEnd = main.range(of: "://")?.upperBound ?? main.startIndex
        let hostPart = main[schemeEnd...]
        let authority = hostPart.firstIndex(of: "/").map { hostPart[..<$0] } ?? hostPart
        return String(main[..<schemeEnd]) + authority + "/" + database + query
    }

    static func migratedURL() async throws -> String { try await prepared.value }

    private static let prepared = Task<String, any Error> {
        let server = try serverURL()
        let target = url(server, database: name)
        try await createDatabaseIfMissing(name, serverURL: server)
        var configuration = ServerConfiguration()
        configuration.databaseURL = target
        _ = try await Maintenance.migrate(configuration: configuration, logger: logger)
        return target
    }

    /// A pool on the test database for fixtures, shared by the tests of the process.
    static func pool() async throws -> PostgresPool { try await sharedPool.value }

    private static let sharedPool = Task<PostgresPool, any Error> {
        let configuration = try PostgresConfiguration(url: try await migratedURL())
        return PostgresPool(configuration: configuration, poolConfiguration: .init(maxConnections: 4), logger: logger)
    }

    static func createDatabaseIfMissing(_ database: String, serverURL: String) async throws {
        let admin = PostgresPool(
            configuration: try PostgresConfiguration(url: serverURL), poolConfiguration: .init(maxConnections: 1), logger: logger)
        defer { Task { await admin.close() } }
        let exists = try await admin.query("SELECT 1 FROM pg_database WHERE datname = \(database)").first != nil
        guard !exists else { return }
        do {
            try await admin.execute("CREATE DATABASE \(unescaped: database)")
        } catch let error as PostgresError where error.sqlState == "42P04" || error.code == .uniqueViolation {
            // Another test process created it first.
        }
    }
}
