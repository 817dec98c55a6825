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

/// Driven by the contract itself: every operation that declares bearer security answers 401 without
/// a token, and every public one answers without one. New operations are covered as they are added.
@Suite struct AccessTableTests {
    struct Operation: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        var template: String
        var isProtected: Bool
        var testDescription: String { "\(method) \(template)" }

        /// The template with each `{parameter}` replaced by a plausible value.
        var path: String {
            let samples = [
                "code": "9.000000", "unitCode": "T00000000", "username": "nobody.here", "year": "2026", "date": "2026-01-01",
                "version": "1",
            ]
            var path = template
            while let open = path.firstIndex(of: "{"), let close = path[open...].firstIndex(of: "}") {
                let name = String(path[path.index(after: open)..<close])
                path.replaceSubrange(open...close, with: samples[name] ?? "X1")
            }
            return path
        }
    }

    /// The operations of `openapi.yaml`, read line by line (paths at two spaces, methods at four).
    static let operations: [Operation] = {
        let text = String(decoding: (try? MotCuaContract.document()) ?? Data(), as: UTF8.self)
        var operations: [Operation] = []
        var inPaths = false
        var path = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("paths:") { inPaths = true; continue }
            if inPaths, let first = line.first, first != " " { break }
            guard inPaths else { continue }
            if line.hasPrefix("  /") { path = String(line.dropFirst(2).dropLast()) }
            else if line.hasPrefix("    "), !line.hasPrefix("     "), let method = HTTPRequest.Method(String(line.dropFirst(4).dropLast()).uppercased()) {
                operations.append(Operation(method: method, template: path, isProtected: false))
            } else if line.hasPrefix("      security:"), !operations.isEmpty {
                operations[operations.count - 1].isProtected = !line.contains("[]") || line.contains("bearer")
            }
        }
        return operations
    }()

    @Test func theContractIsReadAndMatchesTheDocumentedPublicSurface() {
        #expect(Self.operations.count >= 20)
        for operation in Self.operations {
            let t = operation.template
            let documentedPublic = t.hasPrefix("/v1/public/") || t.hasPrefix("/health/") || ["/metrics", "/openapi.yaml", "/docs", "/tra-cuu"].contains(t)
                || (operation.method == .get && t.hasPrefix("/v1/procedures")) || (operation.method == .post && t == "/v1/auth/tokens")
            #expect(operation.isProtected == !documentedPublic, "\(operation.method) \(t)")
        }
    }

    @Test(arguments: AccessTableTests.operations.filter(\.isProtected))
    func protectedOperationWithoutTokenIs401(operation: Operation) async throws {
        try await withTestApp { client, _ in
            let body = [.post, .put, .patch].contains(operation.method) ? ByteBuffer(string: "{}") : nil
            let response = try await client.request(operation.method, operation.path, body: body)
            try expectProblem(response, .unauthorized, code: "unauthenticated")
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let forged = try await client.request(operation.method, operation.path, token: "forged-token", body: body)
            try expectProblem(forged, .unauthorized, code: "unauthenticated")
        }
    }

    @Test(arguments: AccessTableTests.operations.filter { !$0.isProtected })
    func publicOperationAnswersWithoutToken(operation: Operation) async throws {
        try await withTestApp { client, env in
            var body: ByteBuffer? = nil
            if operation.method == .post && operation.template == "/v1/auth/tokens" {
                let province = try await env.makeProvince(communes: 1)
                let user = try await env.makeUser([.reception], unit: province.commune)
                body = ByteBuffer(bytes: try JSON.encoder.encode(["username": user.username, "password": user.password]))
            } else if [.post, .put, .patch].contains(operation.method) {
                body = ByteBuffer(string: "{}")
            }
            let response = try await client.request(operation.method, operation.path, body: body)
            #expect(response.status != .unauthorized, "\(response.text)")
            #expect(response.status.code < 500, "\(response.text)")
        }
    }

    @Test func publicCatalogReadsWorkWithoutToken() async throws {
        try await withTestApp { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let published = try await env.publishProcedure(as: admin)
            #expect(try await client.get("/v1/procedures/\(published.code)").status == .ok)
            #expect(try await client.get("/v1/procedures/\(published.code)/versions/1").status == .ok)
            #expect(try await client.get("/v1/procedures?q=\(published.code)").status == .ok)
        }
    }
}
