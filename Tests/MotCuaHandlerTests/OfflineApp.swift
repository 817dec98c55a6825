import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaDomain
@testable import MotCuaServer
@testable import MotCuaStore
import MotCuaTestSupport
import NIOCore
import NIOPosix

/// The real router (every middleware, the contract's checks, every handler) on in-memory account
/// and catalog stores, driven through `.router` without a socket or a database. The dossier,
/// evaluation and portal stores sit on a pool that never connects: a test that reached them would
/// fail with a 503, so these tests keep to accounts, units, the catalog and the calendar.
struct OfflineApp: Sendable {
    let database: MemoryDatabase
    let clock: ManualClock
    let client: any TestClientProtocol

    var units: MemoryUnits { MemoryUnits(database: database) }
    var users: MemoryUsers { MemoryUsers(database: database) }
    var tokens: MemoryTokens { MemoryTokens(database: database) }

    /// Runs `test` against a fresh app whose clock starts at `start`.
    static func run(
        at start: Date = Date(timeIntervalSince1970: 1_773_111_600), environment: [String: String] = [:],
        _ test: @escaping @Sendable (OfflineApp) async throws -> Void
    ) async throws {
        let database = MemoryDatabase()
        let clock = ManualClock(start)
        let configuration = try testConfiguration(databaseURL: "postgresql://offline@127.0.0.1:9/offline", environment: environment)
        let pool = try makePool(configuration: configuration, logger: TestDatabase.logger)
        var stores = ServerStores(pool: pool, configuration: configuration)
        stores.units = MemoryUnits(database: database)
        stores.users = MemoryUsers(database: database)
        stores.tokens = MemoryTokens(database: database)
        stores.apiKeys = NoAPIKeys()
        stores.loginAudit = MemoryLoginAudit(database: database)
        stores.procedures = MemoryProcedures()
        stores.calendar = MemoryCalendar()
        let handler = try APIHandler(
            stores: stores, pool: pool, passwords: PasswordHasher(cost: 4, threads: NIOThreadPool.singleton), clock: clock.serverClock,
            configuration: configuration, logger: TestDatabase.logger)
        let app = Application(router: try buildRouter(handler: handler, configuration: configuration), logger: TestDatabase.logger)
        try await app.test(.router) { client in
            try await test(OfflineApp(database: database, clock: clock, client: client))
        }
    }

    /// A province `T????????` with one commune `<province>.01`.
    func province() async throws -> (province: String, commune: String) {
        let code = Fixture.provinceCode()
        _ = try await units.create(code: code, name: "Tỉnh \(code)", kind: .province, province: nil)
        _ = try await units.create(code: code + ".01", name: "Xã \(code)", kind: .commune, province: code)
        return (code, code + ".01")
    }

    /// A user of `unit` with `roles` (password `Fixture.password`) and a live token of theirs.
    func user(_ roles: [Role], unit: String) async throws -> (record: UserRecord, token: String) {
        let record = try await users.create(
            username: Fixture.username(roles.first?.rawValue ?? "user"), fullName: "Cán bộ thử", unitCode: unit, roles: roles,
            passwordHash: Fixture.passwordHash)
        let token = TokenStore.generateToken()
        try await tokens.insert(tokenHash: TokenStore.hash(token), userID: record.id, expiresAt: clock.now.addingTimeInterval(86_400))
        return (record, token)
    }

    /// Sends a request; `json` is encoded as the body.
    func send(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: [String: Any]? = nil, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        }
        return try await client.executeRequest(uri: path, method: method, headers: headers, body: body)
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:] }

    /// The `invalidParams` of a problem, by name.
    var invalidParams: [String: String] {
        Dictionary(uniqueKeysWithValues: ((json["invalidParams"] as? [[String: Any]]) ?? []).compactMap { param in
            (param["name"] as? String).map { ($0, param["reason"] as? String ?? "") }
        })
    }
}
