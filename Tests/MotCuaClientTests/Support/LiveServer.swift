import Foundation
import Hummingbird
import Logging
import HummingbirdTesting
import MotCuaClient
import MotCuaServer
import MotCuaTestSupport

/// The real MotCua application on the shared test database, served over real HTTP on 127.0.0.1
/// and an ephemeral port, for the client and CLI tests.
struct LiveServer: Sendable {
    /// `http://127.0.0.1:<port>`.
    let url: URL
    let port: Int
    /// Fixture factories on the test database.
    let fixtures: Fixtures

    /// A client of this server, with `token` if given.
    func client(token: String? = nil, configure: (inout MotCuaClient.Configuration) -> Void = { _ in }) -> MotCuaClient {
        var configuration = MotCuaClient.Configuration()
        configure(&configuration)
        return MotCuaClient(serverURL: url, token: token, configuration: configuration)
    }

    /// Builds the application with `buildApplication(configuration:logger:clock:)` on the tests'
    /// configuration (`testConfiguration`; the feed sequenced only when `feed` is set) and runs
    /// `test` while it serves.
    static func run<Value: Sendable>(feed: Bool = false, _ test: @escaping @Sendable (LiveServer) async throws -> Value) async throws
        -> Value
    {
        let databaseURL = try await TestDatabase.migratedURL()
        var configuration = try testConfiguration(databaseURL: databaseURL)
        configuration.host = "127.0.0.1"
        configuration.feedInterval = feed ? .milliseconds(20) : .zero
        configuration.poolSize = 6
        configuration.logLevel = .error
        let app = try buildApplication(configuration: configuration, logger: TestDatabase.logger)
        let pool = try await TestDatabase.pool()
        return try await app.test(.live) { client in
            let port = client.port!
            let server = LiveServer(
                url: URL(string: "http://127.0.0.1:\(port)")!, port: port, fixtures: Fixtures(pool: pool))
            return try await test(server)
        }
    }
}
