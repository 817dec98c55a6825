import ArgumentParser
import Foundation
import Logging
import Hummingbird
import MotCuaDomain
import MotCuaServer
import MotCuaStore

@main
struct MotCuaServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motcua-server",
        abstract: "The MotCua API server for commune one-stop centres.",
        discussion: """
            Configuration comes from environment variables (see the README). Without DATABASE_URL the \
            server runs a private PostgreSQL cluster under MOTCUA_DATA_DIR (default .motcua/) and loads \
            demo data.
            """,
        subcommands: [Serve.self, Migrate.self, Seed.self, CreateAdmin.self],
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
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, level: level) }
        logger = Logger(label: "motcua")
        if configuration.databaseURL == nil {
            let cluster = try EmbeddedPostgres(directory: configuration.dataDirectory, logger: logger)
            try cluster.start()
            configuration.databaseURL = cluster.databaseURL
            configuration.seedDemoData = configuration.seedDemoData ?? true
            embedded = cluster
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve HTTP until SIGTERM or SIGINT.")

    func run() async throws {
        let runtime = try Runtime()
        defer { runtime.embedded?.stop() }
        let config = runtime.configuration
        let app = try buildApplication(configuration: config, logger: runtime.logger)
        let url = "http://\(config.host):\(config.port)"
        if config.seedDemoData == true {
            // Straight to the file descriptor: print() is block-buffered when stdout is not a terminal.
            FileHandle.standardOutput.write(Data("""
                MotCua demo: \(url)  (API contract at \(url)/openapi.yaml)
                Demo accounts, password '\(DemoSeed.password)': \(DemoSeed.accounts.map { "\($0.username) (\($0.roles.map(\.rawValue).joined(separator: ",")))" }.joined(separator: ", "))
                Try: curl -s -X POST \(url)/v1/auth/tokens -H 'Content-Type: application/json' -d '{"username":"tiepnhan.tanphu","password":"\(DemoSeed.password)"}'

                """.utf8))
        }
        runtime.logger.info("MotCua listening", metadata: ["url": "\(url)"])
        try await app.runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations and exit.")

    func run() async throws {
        let runtime = try Runtime()
        defer { runtime.embedded?.stop() }
        let applied = try await Maintenance.migrate(configuration: runtime.configuration, logger: runtime.logger)
        print(applied.isEmpty ? "The database is up to date." : "Applied migrations \(applied.map(String.init).joined(separator: ", ")).")
    }
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo province, communes, officers and procedures (existing rows are kept).")

    func run() async throws {
        let runtime = try Runtime()
        defer { runtime.embedded?.stop() }
        let created = try await Maintenance.seedDemoData(configuration: runtime.configuration, logger: runtime.logger)
        print(created ? "Demo data loaded; every demo account's password is '\(DemoSeed.password)'." : "Demo data was already there.")
    }
}

struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin", abstract: "Create an admin account when the database has none.")

    @Option(help: "The admin's username.") var username: String
    @Option(help: "The password (at least 10 characters); read from MOTCUA_ADMIN_PASSWORD when omitted.") var password: String?
    @Option(help: "The province unit to put the admin in (default: the first province, created if none).") var unit: String?

    func run() async throws {
        guard let password = password ?? ProcessInfo.processInfo.environment["MOTCUA_ADMIN_PASSWORD"] else {
            throw ValidationError("Give --password or set MOTCUA_ADMIN_PASSWORD.")
        }
        let runtime = try Runtime()
        defer { runtime.embedded?.stop() }
        let created = try await Maintenance.createAdmin(
            username: username, password: password, unitCode: unit, configuration: runtime.configuration, logger: runtime.logger)
        print(created ? "Admin \(username) created." : "An admin already exists; nothing was changed.")
    }
}
