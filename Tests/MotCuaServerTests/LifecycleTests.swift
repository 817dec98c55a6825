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
import NIOPosix
import ServiceLifecycle
import Synchronization
import Testing

/// Start-up, readiness and shutdown of whole applications.
@Suite struct LifecycleTests {
    @Test func gracefulShutdownFinishesAnInFlightRequestAndThenRefusesConnections() async throws {
        let url = try await TestDatabase.migratedURL()
        let port = try await freePort()
        let configuration = try testConfiguration(databaseURL: url, environment: ["MOTCUA_PORT": "\(port)"])
        let (started, startedSignal) = AsyncStream<Void>.makeStream()
        // The request runs until the server has stopped accepting connections (or 30 s), so it is
        // surely in flight while the shutdown begins.
        let shuttingDown = Mutex(false)
        let app = try buildApplication(configuration: configuration, logger: TestDatabase.logger) { router in
            router.get("/v1/test/slow") { _, _ -> String in
                startedSignal.yield()
                _ = try await eventually { shuttingDown.withLock { $0 } }
                return "finished"
            }
        }
        let services = ServiceGroup(configuration: .init(services: [app], logger: TestDatabase.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await services.run() }
            try await waitUntilListening(port: port)
            let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(90)))
            client.connect()
            // A route outside the contract needs a token: one issued straight into the database.
            let token = try await Self.adminToken(pool: try await TestDatabase.pool())
            async let slow = client.get("/v1/test/slow", headers: [.authorization: "Bearer \(token)"])
            // The handler must start within 30 s; a request answered before it (a 401, a 404) fails the
            // test here instead of leaving it waiting forever.
            let reachedHandler = await withTaskGroup(of: Bool.self) { group in
                group.addTask { for await _ in started { return true }; return false }
                group.addTask { try? await Task.sleep(for: .seconds(30)); return false }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            try #require(reachedHandler, "the slow request never reached its handler")
            await services.triggerGracefulShutdown()
            let refusing = try await eventually(timeout: .seconds(30)) {
                guard let channel = try? await RawHTTP.connect(host: "127.0.0.1", port: port) else { return true }
                try? await channel.channel.close()
                return false
            }
            #expect(refusing, "the server stopped accepting connections while the request was in flight")
            shuttingDown.withLock { $0 = true }
            let response = try await slow
            #expect(response.status == .ok)
            #expect(response.body.map { String(buffer: $0) } == "finished")
            try await tasks.next()  // the group has stopped
            try? await client.shutdown()
            await #expect(throws: (any Error).self) {
                let channel = try await RawHTTP.connect(host: "127.0.0.1", port: port)
                try? await channel.channel.close()
            }
        }
    }

    /// A bearer token of a new admin, written through the stores.
    static func adminToken(pool: PostgresPool) async throws -> String {
        let province = Fixture.provinceCode()
        _ = try await UnitStore(pool: pool).create(code: province, name: "Tỉnh \(province)", kind: .province, province: nil)
        let user = try await UserStore(pool: pool).create(
            username: Fixture.username("admin"), fullName: "Quản trị", unitCode: province, roles: [.admin], passwordHash: Fixture.passwordHash)
        let token = Fixture.username("token")
        try await TokenStore(pool: pool).insert(tokenHash: TokenStore.hash(token), userID: user.id, expiresAt: Date().addingTimeInterval(600))
        return token
    }

    @Test func twoApplicationsMigratingOneFreshDatabaseBothStart() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        let app = try buildApplication(
                            configuration: try testConfiguration(databaseURL: url), logger: TestDatabase.logger)
                        return try await app.test(.live) { client in
                            try await client.execute(uri: "/health/ready", method: .get).status
                        }
                    }
                }
                for try await status in group { #expect(status == .ok) }
            }
            let versions = try await TestDatabase.withPool(url: url) { pool in
                try await pool.query("SELECT count(*)::int FROM schema_migrations").first?.decode(Int.self, at: 0)
            }
            #expect(versions == (try MotCuaMigrations.all().count))
        }
    }

    @Test func readinessIs503WhileTheDatabaseRefusesConnectionsAndLivenessStays200() async throws {
        let shared = try await TestDatabase.pool()
        let role = "motcua_ready_" + Fixture.random(10, from: Fixture.lowerDigits)
        try await shared.execute("CREATE ROLE \(unescaped: role) LOGIN SUPERUSER")
        let url = TestDatabase.url(try await TestDatabase.migratedURL(), user: role)
        func dropRole() async {
            _ = try? await shared.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = \(role)")
            _ = try? await shared.execute("DROP ROLE IF EXISTS \(unescaped: role)")
        }
        let app = try buildApplication(configuration: try testConfiguration(databaseURL: url), logger: TestDatabase.logger)
        do {
            try await checkReadiness(app, role: role, shared: shared)
        } catch {
            await dropRole()
            throw error
        }
        await dropRole()
    }

    private func checkReadiness(_ app: some ApplicationProtocol, role: String, shared: PostgresPool) async throws {
        try await app.test(.live) { client in
            #expect(try await client.execute(uri: "/health/ready", method: .get).status == .ok)
            // The database goes away for this instance: no new logins, existing sessions killed.
            try await shared.execute("ALTER ROLE \(unescaped: role) NOLOGIN")
            try await shared.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = \(role)")
            let down = try await client.execute(uri: "/health/ready", method: .get)
            try expectProblem(down, .serviceUnavailable, code: "unavailable")
            #expect(try await client.execute(uri: "/health/live", method: .get).status == .ok)
            // And comes back: readiness recovers without a restart.
            try await shared.execute("ALTER ROLE \(unescaped: role) LOGIN")
            var recovered = false
            for _ in 0..<50 where !recovered {
                recovered = try await client.execute(uri: "/health/ready", method: .get).status == .ok
                if !recovered { try await Task.sleep(for: .milliseconds(200)) }
            }
            #expect(recovered)
        }
    }

    @Test func startFailsClearlyWithoutADatabaseURL() throws {
        var configuration = ServerConfiguration()
        configuration.databaseURL = nil
        #expect(throws: ConfigurationError.self) {
            _ = try buildApplication(configuration: configuration, logger: TestDatabase.logger)
        }
    }
}

/// A TCP port that was free a moment ago.
/// A port outside the kernel's ephemeral range (32768-60999), so a server or client of another
/// test running in parallel, which binds port 0, can never be handed the same port meanwhile.
func freePort() async throws -> Int {
    while true {
        let port = Int.random(in: 20_000...29_999)
        guard let channel = try? await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: port).get()
        else { continue }
        try await channel.close()
        return port
    }
}

/// Waits until something accepts connections on `port`.
func waitUntilListening(port: Int, timeout: Duration = .seconds(90)) async throws {
    let deadline = ContinuousClock.now + timeout
    while true {
        do {
            let channel = try await RawHTTP.connect(host: "127.0.0.1", port: port)
            try? await channel.channel.close()
            return
        } catch {
            if ContinuousClock.now > deadline { throw error }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
