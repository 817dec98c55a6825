import ArgumentParser
import Foundation
import Logging
import MotCuaServer

@main
struct MotCuaServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motcua-server",
        abstract: "The MotCua API server for commune one-stop centres.",
        discussion: """
            Configuration comes from environment variables (see the README). Without DATABASE_URL the \
            server runs a private PostgreSQL cluster under MOTCUA_DATA_DIR (default .motcua/).
            """,
        subcommands: [Serve.self, Migrate.self],
        defaultSubcommand: Serve.self)
}

/// Shared start-up: configuration, logging, and the database (embedded when no URL is configured).
struct Runtime {
    var configuration: ServerConfiguration
    var logger: Logger
    var embedded: EmbeddedPostgres?

    init() throws {
        configuration = try ServerConfiguration(environment: ProcessInfo.processInfo.environment)
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        logger = Logger(label: "motcua")
        if configuration.databaseURL == nil {
            let cluster = try EmbeddedPostgres(directory: configuration.dataDirectory, logger: logger)
            try cluster.start()
            configuration.databaseURL = cluster.databaseURL
            embedded = cluster
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve HTTP until SIGTERM or SIGINT.")

    func run() async throws {
        let runtime = try Runtime()
        defer { runtime.embedded?.stop() }
        let app = try buildApplication(configuration: runtime.configuration, logger: runtime.logger)
        runtime.logger.info("MotCua listening", metadata: ["url": "http://\(runtime.configuration.host):\(runtime.configuration.port)"])
        try await app.runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations and exit.")

    func run() async throws {
        let runtime = try Runtime()
        defer { runtime.embedded?.stop() }
        let applied = try await migrateDatabase(configuration: runtime.configuration, logger: runtime.logger)
        print(applied.isEmpty ? "The database is up to date." : "Applied migrations \(applied.map(String.init).joined(separator: ", ")).")
    }
}
