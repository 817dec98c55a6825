import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

/// What a test gets besides the HTTP client: the database the app uses, its stores (for fixtures and
/// for checking that nothing was written), and the fixture factories in `TestEnvironment+Fixtures`.
struct TestEnvironment: Sendable {
    /// The URL of the migrated test database the app runs on.
    let databaseURL: String
    /// A pool on that database, separate from the app's.
    let pool: PostgresPool
    /// The app's HTTP client, also handed to the test closure.
    let client: APIClient

    var units: UnitStore { UnitStore(pool: pool) }
    var users: UserStore { UserStore(pool: pool) }
    var tokens: TokenStore { TokenStore(pool: pool) }
    var procedures: ProcedureStore { ProcedureStore(pool: pool) }
    var calendar: CalendarStore { CalendarStore(pool: pool) }
}

/// Builds the real application with `buildApplication(configuration:logger:clock:customizeRouter:)` on
/// the shared test database and runs `test` against it over real HTTP (`app.test(.live)`).
///
/// - Parameters:
///   - clock: the server's clock (a `ManualClock().serverClock` to control time).
///   - environment: environment variables read by `ServerConfiguration(environment:)`, over the test defaults.
///   - configure: last changes to the configuration.
///   - customizeRouter: extra routes for the test (they pass through every middleware).
func withTestApp<Value: Sendable>(
    clock: ServerClock = .system,
    environment: [String: String] = [:],
    configure: (inout ServerConfiguration) -> Void = { _ in },
    customizeRouter: (Router<AppRequestContext>) -> Void = { _ in },
    _ test: @escaping @Sendable (APIClient, TestEnvironment) async throws -> Value
) async throws -> Value {
    let databaseURL = try await TestDatabase.migratedURL()
    let pool = try await TestDatabase.pool()
    var configuration = try testConfiguration(databaseURL: databaseURL, environment: environment)
    configure(&configuration)
    let app = try buildApplication(
        configuration: configuration, logger: TestDatabase.logger, clock: clock, customizeRouter: customizeRouter)
    return try await app.test(.live) { client in
        let api = APIClient(base: client)
        return try await test(api, TestEnvironment(databaseURL: databaseURL, pool: pool, client: api))
    }
}

/// Sends requests to the app under test; bodies are JSON, tokens go in `Authorization: Bearer`.
struct APIClient: Sendable {
    let base: any TestClientProtocol

    /// The port the live server listens on.
    var port: Int? { base.port }

    func request(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, headers: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await base.executeRequest(uri: path, method: method, headers: headers, body: body)
    }

    func get(_ path: String, token: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await request(.get, path, token: token, headers: headers)
    }

    func delete(_ path: String, token: String? = nil) async throws -> TestResponse {
        try await request(.delete, path, token: token)
    }

    /// Sends `json` encoded as the body.
    func send<Body: Encodable>(
        _ method: HTTPRequest.Method, _ path: String, json: Body, token: String? = nil, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        try await request(method, path, token: token, headers: headers, body: ByteBuffer(bytes: try JSON.encoder.encode(json)))
    }

    /// Sends `raw` verbatim as a JSON body (for malformed input).
    func send(_ method: HTTPRequest.Method, _ path: String, raw: String, token: String? = nil) async throws -> TestResponse {
        try await request(method, path, token: token, body: ByteBuffer(string: raw))
    }

    func post<Body: Encodable>(_ path: String, json: Body, token: String? = nil) async throws -> TestResponse {
        try await send(.post, path, json: json, token: token)
    }

    func put<Body: Encodable>(_ path: String, json: Body, token: String? = nil) async throws -> TestResponse {
        try await send(.put, path, json: json, token: token)
    }
}

/// Percent-encodes a query parameter value.
func query(_ value: String) -> String {
    var allowed = CharacterSet.urlQueryAllowed
    allowed.remove(charactersIn: "&=+?#")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}
