import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaServer
import MotCuaTestSupport
import Testing

/// Browser front ends: CORS for the configured origins only, and no caching of personal data.
@Suite struct CORSTests {
    static let allowed = "https://app.tinh.example.vn"
    static let environment = ["MOTCUA_CORS_ORIGINS": "https://App.Tinh.Example.VN, http://localhost:5173"]

    func headers(origin: String, preflight method: String? = nil) -> HTTPFields {
        var headers: HTTPFields = [.origin: origin]
        if let method {
            headers[.accessControlRequestMethod] = method
            headers[.accessControlRequestHeaders] = "authorization, content-type"
        }
        return headers
    }

    @Test func anAllowedOriginGetsItsOriginBackAndTheHeadersAFrontEndReads() async throws {
        try await withTestApp(storage: .memory, environment: Self.environment) { client, _ in
            let response = try await client.get("/v1/procedures", headers: headers(origin: Self.allowed))
            #expect(response.status == .ok)
            #expect(response.headers[.accessControlAllowOrigin] == Self.allowed)
            #expect(response.headers[.accessControlExposeHeaders]?.contains("ETag") == true)
            #expect(response.headers[.accessControlExposeHeaders]?.contains("X-Request-Id") == true)
            #expect(response.headers[.accessControlExposeHeaders]?.contains("Location") == true)
            #expect(response.headers[.accessControlAllowCredentials] == nil)
            #expect(response.headers[.vary] == "Origin")

            // Errors too, so the page can read the problem.
            let refused = try await client.get("/v1/dossiers", headers: headers(origin: Self.allowed))
            try expectProblem(refused, .unauthorized, code: "unauthenticated")
            #expect(refused.headers[.accessControlAllowOrigin] == Self.allowed)
        }
    }

    @Test(arguments: [
        ("GET", "/v1/dossiers", "GET, POST"), ("POST", "/v1/dossiers/H15.50.05.13-261204-0001/accept", "POST"),
        ("PUT", "/v1/procedures/1.001193", "GET, PUT"), ("DELETE", "/v1/calendar/days/2026-09-02", "DELETE, PUT"),
        ("DELETE", "/v1/webhooks/7", "DELETE, GET"),
    ])
    func aPreflightNamesTheMethodsOfThePathAndTheHeadersTheAPIReads(method: String, path: String, methods: String) async throws {
        try await withTestApp(storage: .memory, environment: Self.environment) { client, _ in
            let response = try await client.request(.options, path, headers: headers(origin: "http://localhost:5173", preflight: method))
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowOrigin] == "http://localhost:5173")
            #expect(response.headers[.accessControlAllowMethods] == methods)
            let allowed = response.headers[.accessControlAllowHeaders] ?? ""
            for header in ["Authorization", "Content-Type", "Idempotency-Key", "If-Match"] {
                #expect(allowed.contains(header), "\(header)")
            }
            #expect(response.headers[.accessControlMaxAge] != nil && response.headers[.accessControlAllowCredentials] == nil)
        }
    }

    @Test func aDisallowedOriginGetsNoCORSHeaders() async throws {
        try await withTestApp(storage: .memory, environment: Self.environment) { client, _ in
            let origin = "https://evil.example"
            let get = try await client.get("/v1/procedures", headers: headers(origin: origin))
            #expect(get.status == .ok && get.headers[.accessControlAllowOrigin] == nil && get.headers[.vary] == "Origin")
            let preflight = try await client.request(.options, "/v1/dossiers", headers: headers(origin: origin, preflight: "POST"))
            #expect(preflight.status == .methodNotAllowed)
            #expect(preflight.headers[.accessControlAllowOrigin] == nil && preflight.headers[.accessControlAllowMethods] == nil)
        }
        // Without configuration no origin is allowed.
        try await withTestApp(storage: .memory) { client, _ in
            let get = try await client.get("/v1/procedures", headers: headers(origin: Self.allowed))
            #expect(get.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func originsMustBeOrigins() {
        for bad in ["app.example.vn", "https://app.example.vn/path", "ftp://x.example", "https://"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { _ = try ServerConfiguration(environment: ["MOTCUA_CORS_ORIGINS": bad]) }
        }
    }
}
