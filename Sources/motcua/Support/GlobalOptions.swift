import ArgumentParser
import Foundation
import MotCuaClient

/// Options every command takes: which server, and how to print results.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The server's base URL.",
            discussion: "Default: $MOTCUA_URL, else the server of `motcua login`, else http://127.0.0.1:8080.",
            valueName: "url"))
    var server: String?

    @Option(
        name: [.short, .long],
        help: "Output format: table, json or csv. Default: table on a terminal, json otherwise.")
    var output: OutputFormat?

    @Option(name: .long, help: "Seconds before a request times out.")
    var timeout: Int = 60

    static let defaultServer = "http://127.0.0.1:8080"

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The output format in effect.
    var format: OutputFormat { output ?? (Terminal.stdoutIsTerminal ? .table : .json) }

    /// The server in effect: `--server`, then `$MOTCUA_URL`, then the stored credentials, then the
    /// local default.
    func serverURL(credentials: Credentials? = Credentials.load()) throws -> URL {
        let text = server ?? environment["MOTCUA_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? credentials?.server
            ?? Self.defaultServer
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("not an http(s) URL: \(text)")
        }
        return url
    }

    /// A client for the server in effect, with `$MOTCUA_TOKEN` or the stored token (only when it
    /// was issued by that same server: a token is never sent to another one).
    func client() throws -> MotCuaClient {
        let credentials = Credentials.load()
        let url = try serverURL(credentials: credentials)
        var token = environment["MOTCUA_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if token == nil, let credentials, Self.sameServer(credentials.server, url.absoluteString) {
            token = credentials.token
        }
        var configuration = MotCuaClient.Configuration(userAgent: "motcua-cli/1.0")
        configuration.transport.timeout = .seconds(max(1, timeout))
        configuration.transport.connectTimeout = .seconds(min(10, max(1, timeout)))
        return MotCuaClient(serverURL: url, token: token, configuration: configuration)
    }

    static func sameServer(_ a: String, _ b: String) -> Bool {
        func normal(_ s: String) -> String { s.hasSuffix("/") ? String(s.dropLast()) : s }
        return normal(a).lowercased() == normal(b).lowercased()
    }
}
