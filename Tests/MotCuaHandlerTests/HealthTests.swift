import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

@Suite struct HealthTests {
    @Test func livenessAnswersOKWithoutToken() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let health = try expectJSON(try await client.get("/health/live"), as: Components.Schemas.HealthStatus.self)
            #expect(health.status == .ok)
        }
    }

    @Test func readinessIs503WhileTheDatabaseDoesNotAnswer() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            try expectProblem(try await client.get("/health/ready"), .serviceUnavailable, code: "unavailable")
        }
    }

    @Test func metricsCountRequestsByRouteAndReportThePool() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            _ = try await client.get("/health/live")
            _ = try await client.get("/v1/procedures/9.999999")
            let response = try await client.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.contentType?.hasPrefix("text/plain") == true)
            let lines = response.text.split(separator: "\n")
            let counters = lines.filter { $0.hasPrefix("http_requests_total{") }
            #expect(counters.contains { $0.contains(#"route="/health/live""#) && $0.contains(#"status="200""#) })
            // The route template, not the concrete path, keeps label cardinality bounded.
            #expect(counters.contains { $0.contains(#"route="/v1/procedures/{code}""#) && $0.contains(#"status="404""#) })
            #expect(!counters.contains { $0.contains("9.999999") })
            #expect(lines.contains { $0.hasPrefix("motcua_db_pool_connections{") && $0.contains(#"state="open""#) })
            #expect(lines.contains("motcua_feed_waiting_requests 0.0"), "no change-feed request is waiting")
            #expect(lines.contains { $0.hasPrefix("http_request_duration_seconds_bucket{") })
        }
    }

    @Test func metricsNeedTheMetricsTokenWhenOneIsConfigured() async throws {
        let secret = "scrape-secret-0123456789"
        try await withTestApp(storage: .memory, environment: ["MOTCUA_METRICS_TOKEN": secret]) { client, env in
            try expectProblem(try await client.get("/metrics"), .unauthorized, code: "unauthenticated")
            try expectProblem(try await client.get("/metrics", token: "scrape-secret-0123456780"), .unauthorized, code: "unauthenticated")
            // An officer's token is not the metrics token.
            let officer = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            try expectProblem(try await client.get("/metrics", token: officer.token), .unauthorized, code: "unauthenticated")
            let scraped = try await client.get("/metrics", token: secret)
            #expect(scraped.status == .ok && scraped.text.contains("http_requests_total"))
            #expect(try await client.get("/health/live").status == .ok)
        }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["MOTCUA_METRICS_TOKEN": "short"]) }
    }

    @Test func servesTheOpenAPIDocument() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let response = try await client.get("/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.contentType?.contains("yaml") == true)
            #expect(Data(response.body.readableBytesView) == (try MotCuaContract.document()))
            #expect(response.text.hasPrefix("openapi: 3.1"))
        }
    }

    @Test func generatesARequestIdWhenNoneIsSent() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let first = try await client.get("/health/live")
            let second = try await client.get("/health/live")
            let id = try #require(first.headers[.requestID])
            #expect(!id.isEmpty)
            #expect(second.headers[.requestID] != id)
        }
    }

    @Test func echoesAValidIncomingRequestId() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let response = try await client.get("/health/live", headers: [.requestID: "portal-2026-abc.123"])
            #expect(response.headers[.requestID] == "portal-2026-abc.123")
        }
    }

    @Test func replacesAnUnsafeRequestId() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let long = String(repeating: "a", count: 200)
            for bad in ["has space", long, "tab\tinside"] {
                let response = try await client.get("/health/live", headers: [.requestID: bad])
                let id = try #require(response.headers[.requestID])
                #expect(id != bad)
                #expect(!id.isEmpty && id.count <= 128)
            }
        }
    }

    @Test func problemsCarryTheRequestIdToo() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let response = try await client.get("/no/such/path", headers: [.requestID: "trace-404"])
            let problem = try expectProblem(response, .notFound, code: "not-found")
            #expect(response.headers[.requestID] == "trace-404")
            #expect(problem.requestId == "trace-404")
            #expect(problem.instance == "/no/such/path")
        }
    }
}
