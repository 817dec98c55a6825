import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
@_spi(Testing) import MotCuaServer
import MotCuaStore
import NIOCore
import Testing

/// What a test gets besides the HTTP client: the database the app uses, its stores (for fixtures and
/// for checking that nothing was written), and the fixture factories in `Fixtures.swift`.
public struct TestEnvironment: Sendable {
    /// Where the app under test keeps its data.
    public enum Storage: Sendable, CaseIterable {
        /// The shared PostgreSQL test database, over real HTTP.
        case postgres
        /// In-memory account, catalog and webhook stores (`MemoryStores`, `MemoryWebhooks`), scripted
        /// dossiers, evaluation figures and change feed (`ScriptedDossiers`, `ScriptedEvaluations`,
        /// `ScriptedFeed`), through the router without a socket: no database.
        case memory
    }

    /// The URL of the database the app runs on (with `.memory`, an address nothing listens on).
    public let databaseURL: String
    /// A pool on that database, separate from the app's (with `.memory`, the app's own pool, which
    /// never connects).
    public let pool: PostgresPool
    /// The app's HTTP client, also handed to the test closure.
    public let client: APIClient
    /// The stores the app uses (the account and catalog ones in memory with `.memory`).
    let stores: ServerStores

    public var units: any UnitStoring { stores.units }
    public var users: any UserStoring { stores.users }
    public var tokens: any TokenStoring { stores.tokens }
    public var procedures: any ProcedureStoring { stores.procedures }
    public var calendar: any CalendarStoring { stores.calendar }
}

/// Builds the real application on `storage` and runs `test` against it: on the shared test database
/// over real HTTP (`app.test(.live)`, `buildApplication(configuration:logger:clock:customizeRouter:)`),
/// or on in-memory stores through the router (`app.test(.router)`).
///
/// - Parameters:
///   - storage: `.postgres` (the default) or `.memory`.
///   - dossiers: with `.memory`, what the dossier store answers (by default, an empty store).
///   - evaluations: with `.memory`, the evaluation figures (by default, zeros).
///   - feed, webhooks: with `.memory`, the change feed (by default, empty) and the webhooks.
///   - clock: the server's clock (a `ManualClock().serverClock` to control time).
///   - environment: environment variables read by `ServerConfiguration(environment:)`, over the test defaults.
///   - configure: last changes to the configuration.
///   - customizeRouter: extra routes for the test (they pass through every middleware).
public func withTestApp<Value: Sendable>(
    storage: TestEnvironment.Storage = .postgres,
    dossiers: ScriptedDossiers = ScriptedDossiers(),
    evaluations: ScriptedEvaluations = ScriptedEvaluations(),
    feed: ScriptedFeed = ScriptedFeed(),
    webhooks: MemoryWebhooks = MemoryWebhooks(),
    clock: ServerClock = .system,
    environment: [String: String] = [:],
    configure: (inout ServerConfiguration) -> Void = { _ in },
    customizeRouter: (Router<AppRequestContext>) -> Void = { _ in },
    _ test: @escaping @Sendable (APIClient, TestEnvironment) async throws -> Value
) async throws -> Value {
    switch storage {
    case .postgres:
        let databaseURL = try await TestDatabase.migratedURL()
        let pool = try await TestDatabase.pool()
        var configuration = try testConfiguration(databaseURL: databaseURL, environment: environment)
        configure(&configuration)
        let stores = ServerStores(pool: pool, configuration: configuration)
        let app = try buildApplication(
            configuration: configuration, logger: TestDatabase.logger, clock: clock, customizeRouter: customizeRouter)
        return try await app.test(.live) { client in
            let api = APIClient(base: client)
            return try await test(api, TestEnvironment(databaseURL: databaseURL, pool: pool, client: api, stores: stores))
        }
    case .memory:
        let databaseURL = "postgresql://offline@127.0.0.1:9/offline"
        var configuration = try testConfiguration(databaseURL: databaseURL, environment: environment)
        configure(&configuration)
        let pool = PostgresPool(
            configuration: try PostgresConfiguration(url: databaseURL), poolConfiguration: .init(maxConnections: 1), logger: TestDatabase.logger)
        let stores = MemoryDatabase().stores(
            pool: pool, configuration: configuration,
            scripted: .init(dossiers: dossiers, evaluations: evaluations, feed: feed, webhooks: webhooks))
        let app = try buildApplication(
            stores: stores, pool: pool, configuration: configuration, logger: TestDatabase.logger, clock: clock, customizeRouter: customizeRouter)
        do {
            let result = try await app.test(.router) { client in
                let api = APIClient(base: client)
                return try await test(api, TestEnvironment(databaseURL: databaseURL, pool: pool, client: api, stores: stores))
            }
            await pool.close()
            return result
        } catch {
            await pool.close()
            throw error
        }
    }
}

/// Sends requests to the app under test; bodies are JSON, tokens go in `Authorization: Bearer`.
public struct APIClient: Sendable {
    public let base: any TestClientProtocol

    /// The port the live server listens on.
    public var port: Int? { base.port }

    public func request(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, headers: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await base.executeRequest(uri: path, method: method, headers: headers, body: body)
    }

    public func get(_ path: String, token: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await request(.get, path, token: token, headers: headers)
    }

    public func delete(_ path: String, token: String? = nil) async throws -> TestResponse {
        try await request(.delete, path, token: token)
    }

    /// Sends `json` encoded as the body.
    public func send<Body: Encodable>(
        _ method: HTTPRequest.Method, _ path: String, json: Body, token: String? = nil, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        try await request(method, path, token: token, headers: headers, body: ByteBuffer(bytes: try JSON.encoder.encode(json)))
    }

    /// Sends `raw` verbatim as a JSON body (for malformed input).
    public func send(_ method: HTTPRequest.Method, _ path: String, raw: String, token: String? = nil) async throws -> TestResponse {
        try await request(method, path, token: token, body: ByteBuffer(string: raw))
    }

    public func post<Body: Encodable>(_ path: String, json: Body, token: String? = nil) async throws -> TestResponse {
        try await send(.post, path, json: json, token: token)
    }

    public func put<Body: Encodable>(_ path: String, json: Body, token: String? = nil) async throws -> TestResponse {
        try await send(.put, path, json: json, token: token)
    }
}

/// Percent-encodes a query parameter value.
public func query(_ value: String) -> String {
    var allowed = CharacterSet.urlQueryAllowed
    allowed.remove(charactersIn: "&=+?#")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}
