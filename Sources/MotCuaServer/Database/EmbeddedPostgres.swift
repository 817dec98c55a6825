import Foundation
import Logging

/// A private PostgreSQL cluster under a folder of ours (default `.motcua/`), run with the PostgreSQL
/// server binaries installed on the machine. It listens on a Unix socket inside that folder and on
/// loopback only, so `make run` needs no database set-up. When running as root the server runs as the
/// `postgres` user (PostgreSQL refuses to run as root).
public struct EmbeddedPostgres: Sendable {
    public let directory: URL
    public let port: Int
    let binDirectory: URL
    let logger: Logger

    var dataDirectory: URL { directory.appending(path: "pgdata") }
    var socketDirectory: URL { directory.appending(path: "run") }
    var logFile: URL { directory.appending(path: "postgres.log") }
    static let databaseName = "motcua"

    /// Locates the server binaries (`pg_config --bindir`, then `/usr/lib/postgresql/*/bin`).
    public init(directory: String, port: Int = 54329, logger: Logger) throws {
        let workingDirectory = URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory)
        self.directory = URL(filePath: directory, directoryHint: .isDirectory, relativeTo: workingDirectory).absoluteURL
        self.port = port
        self.logger = logger
        self.binDirectory = try Self.findBinaries()
    }

    /// The URL the server connects with: through the socket, so nothing else on the machine can reach it
    /// without the folder's permissions.
    public var databaseURL: String {
        "postgresql://postgres@/\(Self.databaseName)?host=\(socketDirectory.path)&port=\(port)"
    }

    /// Creates the cluster on first use, starts it unless it already runs, and creates the database.
    public func start() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        if !fm.fileExists(atPath: dataDirectory.appending(path: "PG_VERSION").path) {
            logger.info("creating the embedded PostgreSQL cluster", metadata: ["directory": "\(dataDirectory.path)"])
            try prepareFolder(dataDirectory, mode: 0o700)
            try run("initdb", ["-D", dataDirectory.path, "-U", "postgres", "--auth-local=trust", "--auth-host=reject", "-E", "UTF8", "--locale=C.UTF-8"])
        }
        try prepareFolder(socketDirectory, mode: 0o700)
        if (try? run("pg_ctl", ["-D", dataDirectory.path, "status"], quiet: true)) == nil {
            try prepareLogFile()
            // Group commit: under load (5 or more other transactions open) a commit waits up to 200 µs
            // so one WAL flush carries more commits; synchronous_commit stays on (README, Benchmark).
            let options = "-p \(port) -k \(socketDirectory.path) -c listen_addresses=127.0.0.1 -c commit_delay=200 -c commit_siblings=5"
            try run("pg_ctl", ["-D", dataDirectory.path, "-l", logFile.path, "-w", "-t", "60", "-o", options, "start"])
            logger.info("embedded PostgreSQL started", metadata: ["port": "\(port)"])
        } else {
            logger.info("embedded PostgreSQL already running", metadata: ["port": "\(port)"])
        }
        try createDatabaseIfMissing()
    }

    /// Stops the cluster, finishing open sessions (`-m fast`).
    public func stop() {
        do {
            try run("pg_ctl", ["-D", dataDirectory.path, "-m", "fast", "-w", "stop"])
            logger.info("embedded PostgreSQL stopped")
        } catch {
            logger.error("could not stop the embedded PostgreSQL", metadata: ["error": "\(error)"])
        }
    }

    private func createDatabaseIfMissing() throws {
        let exists = try run(
            "psql", ["-h", socketDirectory.path, "-p", "\(port)", "-U", "postgres", "-d", "postgres", "-tAc",
                     "SELECT 1 FROM pg_database WHERE datname = '\(Self.databaseName)'"], quiet: true)
        if exists.trimmingCharacters(in: .whitespacesAndNewlines) != "1" {
            try run("createdb", ["-h", socketDirectory.path, "-p", "\(port)", "-U", "postgres", Self.databaseName])
        }
    }

    private var runsAsRoot: Bool { geteuid() == 0 }

    private func prepareFolder(_ url: URL, mode: Int) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        if runsAsRoot { try chownToPostgres(url) }
    }

    private func prepareLogFile() throws {
        if !FileManager.default.fileExists(atPath: logFile.path) {
            FileManager.default.createFile(atPath: logFile.path, contents: nil)
        }
        if runsAsRoot { try chownToPostgres(logFile) }
    }

    private func chownToPostgres(_ url: URL) throws {
        guard let user = getpwnam("postgres") else { throw EmbeddedPostgresError.noPostgresUser }
        guard chown(url.path, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
            throw EmbeddedPostgresError.commandFailed("chown \(url.path)", String(cString: strerror(errno)))
        }
    }

    /// Runs one of the PostgreSQL binaries (as `postgres` when we are root) and returns its output.
    @discardableResult
    private func run(_ tool: String, _ arguments: [String], quiet: Bool = false) throws -> String {
        let path = binDirectory.appending(path: tool).path
        let (executable, argv) = runsAsRoot ? ("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments) : (path, arguments)
        let (status, output) = try ChildProcess.run(executable, argv)
        guard status == 0 else {
            if !quiet { logger.error("\(tool) failed", metadata: ["output": "\(output)"]) }
            throw EmbeddedPostgresError.commandFailed(tool, output)
        }
        return output
    }

    static func findBinaries() throws -> URL {
        let fm = FileManager.default
        var candidates: [String] = []
        if let result = try? ChildProcess.run("/usr/bin/pg_config", ["--bindir"]), result.status == 0 {
            candidates.append(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let versions = (try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        for candidate in candidates where fm.isExecutableFile(atPath: candidate + "/initdb") {
            return URL(filePath: candidate)
        }
        throw EmbeddedPostgresError.serverNotInstalled
    }
}

/// Why the embedded cluster could not be used.
public enum EmbeddedPostgresError: Error, CustomStringConvertible {
    case serverNotInstalled
    case noPostgresUser
    case commandFailed(String, String)

    public var description: String {
        switch self {
        case .serverNotInstalled:
            "PostgreSQL server binaries not found (install the postgresql package, or set DATABASE_URL)"
        case .noPostgresUser:
            "running as root needs a 'postgres' user to run the embedded cluster"
        case .commandFailed(let tool, let output):
            "\(tool) failed: \(output.suffix(2000))"
        }
    }
}
