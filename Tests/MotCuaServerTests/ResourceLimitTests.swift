import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaPostgres
@testable import MotCuaServer
import MotCuaTestSupport
import NIOCore
import Synchronization
import Testing

/// Bounds that keep one client from holding the server: idle and slow connections are closed,
/// reports are limited per user and stopped when their client leaves, and SQL has a time limit.
@Suite struct ResourceLimitTests {
    @Test func aConnectionThatNeverFinishesItsRequestHeadIsClosed() async throws {
        try await withTestApp(environment: ["MOTCUA_HTTP_IDLE_TIMEOUT_SECONDS": "1"]) { client, _ in
            let started = ContinuousClock.now
            // Half a request head, then nothing: the server closes the connection without answering
            // (an empty answer reads as `Timeout`, as the 10-second limit would, but far sooner).
            await #expect(throws: RawHTTP.Timeout.self) {
                try await RawHTTP.exchange(port: try #require(client.port), "GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", timeout: .seconds(10))
            }
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    /// A route under `/v1/evaluations` (so guarded as a report) that records its start, runs until
    /// `log` is released (or 30 s), and records how it ended.
    static func slowReport(_ router: Router<AppRequestContext>, log: ReportLog) {
        router.get("/v1/evaluations/test/slow") { _, _ -> String in
            log.append("started")
            do {
                _ = try await eventually { log.released }
                log.append("finished")
            } catch {
                log.append("cancelled")
                throw error
            }
            return "done"
        }
    }

    @Test func aUserRunsAtMostTheirShareOfReportsAtOnce() async throws {
        let log = ReportLog()
        try await withTestApp(environment: ["MOTCUA_REPORTS_PER_USER": "1"], customizeRouter: { Self.slowReport($0, log: log) }) {
            client, env in
            defer { log.release() }
            let world = try await env.makeDossierWorld()
            async let first = client.parallel("GET", "/v1/evaluations/test/slow", token: world.leader.token)
            try #require(try await log.started(1))
            let second = try await client.parallel("GET", "/v1/evaluations/test/slow", token: world.leader.token)
            #expect(second.status == 503 && second.headers["retry-after"] == "2")
            #expect(try second.decode(Problem.self).code == "busy")
            // Another user is not held back by this one: their report starts while the first runs.
            async let other = client.parallel("GET", "/v1/evaluations/test/slow", token: world.auditor.token)
            try #require(try await log.started(2))
            log.release()
            #expect(try await other.status == 200)
            #expect(try await first.status == 200)
        }
    }

    @Test func aReportWhoseClientLeavesIsCancelled() async throws {
        let log = ReportLog()
        try await withTestApp(customizeRouter: { Self.slowReport($0, log: log) }) { client, env in
            let world = try await env.makeDossierWorld()
            let channel = try await RawHTTP.connect(port: try #require(client.port))
            try await channel.executeThenClose { _, outbound in
                try await outbound.write(ByteBuffer(string: "GET /v1/evaluations/test/slow HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(world.leader.token)\r\n\r\n"))
                try #require(try await log.started(1))
            }
            #expect(try await eventually(timeout: .seconds(10)) { log.values.count == 2 })
            #expect(log.values == ["started", "cancelled"])
        }
    }

    @Test func aStatementPastTheTimeoutIs503NotAServerError() async throws {
        try await withTestApp(
            environment: ["MOTCUA_DB_STATEMENT_TIMEOUT_MS": "100"],
            customizeRouter: { router in
                router.get("/v1/test/sleep") { _, _ -> String in
                    // Through the application's own pool, so its session settings apply.
                    throw PostgresError(code: .queryCanceled, sqlState: "57014", message: "canceling statement due to statement timeout")
                }
            }
        ) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let response = try await client.get("/v1/test/sleep", token: admin.token)
            try expectProblem(response, .serviceUnavailable, code: "unavailable")
        }
        // The pool's sessions carry the limit; a report raises it for its own transaction.
        var configuration = try ServerConfiguration(environment: ["MOTCUA_DB_STATEMENT_TIMEOUT_MS": "1500"])
        configuration.databaseURL = try await TestDatabase.migratedURL()
        let pool = try makePool(configuration: configuration, logger: TestDatabase.logger)
        let setting = try await pool.query("SHOW statement_timeout").first?.decode(String.self, at: 0)
        #expect(setting == "1500ms")
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT pg_sleep(3)") }
        #expect(error?.code == .queryCanceled)
        await pool.close()
    }
}

/// How the test reports started and ended, appended to from their handlers, and the switch that
/// lets them finish.
final class ReportLog: Sendable {
    private let state = Mutex<(values: [String], released: Bool)>(([], false))
    var values: [String] { state.withLock { $0.values } }
    var released: Bool { state.withLock { $0.released } }
    func append(_ value: String) { state.withLock { $0.values.append(value) } }
    func release() { state.withLock { $0.released = true } }

    /// Whether `count` reports have started within 10 s.
    func started(_ count: Int) async throws -> Bool {
        try await eventually(timeout: .seconds(10)) { values.filter { $0 == "started" }.count >= count }
    }
}
