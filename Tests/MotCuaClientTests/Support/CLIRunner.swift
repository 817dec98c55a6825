import Foundation

/// Runs the built `motcua` executable as a subprocess, with its own config directory.
struct CLIRunner: Sendable {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A fresh `XDG_CONFIG_HOME` (and `HOME`) for this runner.
    let configHome: URL
    let server: URL

    init(server: URL) throws {
        self.server = server
        configHome = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: configHome, withIntermediateDirectories: true)
    }

    var credentialsFile: URL { configHome.appendingPathComponent("motcua/credentials") }

    /// `motcua`, next to the test bundle in the build directory (or `$MOTCUA_CLI`).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["MOTCUA_CLI"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        #if os(macOS)
        directory = Bundle(for: BundleMarker.self).bundleURL.deletingLastPathComponent()
        #endif
        return directory.appendingPathComponent("motcua")
    }

    /// Runs `motcua arguments...` with `stdin` as its standard input; never blocks a thread of the
    /// cooperative pool (the server under test runs there too). With `stopAfter`, a command that
    /// does not end by itself (`--follow`) is terminated then.
    func run(
        _ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:], stopAfter: Duration? = nil
    ) async throws -> Result {
        let scratch = configHome.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        let input = scratch.appendingPathComponent("stdin")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        FileManager.default.createFile(atPath: input.path, contents: Data((stdin ?? "").utf8))

        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MOTCUA_") }
        environment["XDG_CONFIG_HOME"] = configHome.path
        environment["HOME"] = configHome.path
        environment["MOTCUA_URL"] = server.absoluteString
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = try FileHandle(forReadingFrom: input)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
            if let stopAfter {
                Task {
                    try await Task.sleep(for: stopAfter)
                    process.terminate()
                }
            }
        }
        return Result(
            status: status, stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// Writes `text` to a file in the runner's directory and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = configHome.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

private final class BundleMarker {}
