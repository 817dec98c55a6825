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
    @Test func theContractIsReadAndMatchesTheDocumentedPublicSurface() {
        #expect(ContractOperation.all.count >= 20)
        for operation in ContractOperation.all {
            let t = operation.template
            let documentedPublic = t.hasPrefix("/v1/public/") || t.hasPrefix("/health/") || ["/metrics", "/openapi.yaml", "/docs", "/tra-cuu"].contains(t)
                || (operation.method == .get && t.hasPrefix("/v1/procedures")) || (operation.method == .post && t == "/v1/auth/tokens")
            #expect(operation.isProtected == !documentedPublic, "\(operation.method) \(t)")
        }
    }

    @Test(arguments: ContractOperation.all.filter(\.isProtected))
    func protectedOperationWithoutTokenIs401(operation: ContractOperation) async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let body = [.post, .put, .patch].contains(operation.method) ? ByteBuffer(string: "{}") : nil
            let response = try await client.request(operation.method, operation.path, body: body)
            try expectProblem(response, .unauthorized, code: "unauthenticated")
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let forged = try await client.request(operation.method, operation.path, token: "forged-token", body: body)
            try expectProblem(forged, .unauthorized, code: "unauthenticated")
        }
    }

    @Test func publicCatalogReadsWorkWithoutToken() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let published = try await env.publishProcedure(as: admin)
            #expect(try await client.get("/v1/procedures/\(published.code)").status == .ok)
            #expect(try await client.get("/v1/procedures/\(published.code)/versions/1").status == .ok)
            #expect(try await client.get("/v1/procedures?q=\(published.code)").status == .ok)
        }
    }
}
