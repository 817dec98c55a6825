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

/// The one error-mapping point: every failure is problem+json with a stable code and no internals.
@Suite struct ErrorMappingTests {
    struct PlainFailure: Error, CustomStringConvertible {
        var description: String { "SELECT secret FROM internals -- PostgresError at Handler.swift:42" }
    }

    @Test func unknownPathIsNotFoundProblem() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            try expectProblem(try await client.get("/v1/nothing-here"), .notFound, code: "not-found")
        }
    }

    @Test func knownPathWithWrongMethodIsMethodNotAllowedWithAllow() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let response = try await client.request(.patch, "/v1/units")
            try expectProblem(response, .methodNotAllowed, code: "method-not-allowed")
            let allowed = Set((response.headers[.allow] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(allowed == ["GET", "POST"])

            let templated = try await client.request(.post, "/v1/procedures/1.001193")
            try expectProblem(templated, .methodNotAllowed, code: "method-not-allowed")
            #expect(Set((templated.headers[.allow] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) == ["GET", "PUT"])
        }
    }

    @Test func unreadableJSONIsAProblemNamingTheBody() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let response = try await client.send(.post, "/v1/auth/tokens", raw: #"{"username": "a", "password": "#)
            #expect([HTTPResponse.Status.badRequest, .unprocessableContent].contains(response.status))
            let problem = try expectProblem(response, response.status, code: response.status == .badRequest ? "malformed-request" : "validation-failed")
            if response.status == .unprocessableContent { #expect(problem.invalidParams?.map(\.name) == ["body"]) }
        }
    }

    @Test func missingAndMistypedFieldsAreNamed() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            try expectProblem(
                try await client.send(.post, "/v1/auth/tokens", raw: #"{"username": "someone"}"#),
                .unprocessableContent, code: "validation-failed", invalidParams: ["password"])
            try expectProblem(
                try await client.send(.post, "/v1/auth/tokens", raw: #"{"username": 42, "password": "x"}"#),
                .unprocessableContent, code: "validation-failed", invalidParams: ["username"])
        }
    }

    @Test func nonJSONContentTypeIsRefused() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let response = try await client.request(
                .post, "/v1/auth/tokens", headers: [.contentType: "text/plain"], body: ByteBuffer(string: "username=a"))
            #expect(response.status.code >= 400 && response.status.code < 500)
            #expect(response.contentType == "application/problem+json")
        }
    }

    @Test func bodyOverTheLimitWithContentLengthIs413() async throws {
        try await withTestApp(storage: .memory, environment: ["MOTCUA_MAX_BODY_BYTES": "1024"]) { client, _ in
            let big = String(repeating: "x", count: 4000)
            let response = try await client.post("/v1/auth/tokens", json: ["username": big, "password": "p"])
            try expectProblem(response, .contentTooLarge, code: "payload-too-large")
            // Under the limit the same endpoint still answers normally.
            let small = try await client.post("/v1/auth/tokens", json: ["username": "nobody.here", "password": "wrong-password"])
            #expect(small.status == .unauthorized)
        }
    }

    @Test func unknownErrorIsAGeneric500WithoutInternals() async throws {
        try await withTestApp(storage: .memory, customizeRouter: { router in
            router.get("/v1/test/boom") { _, _ -> String in throw PlainFailure() }
        }) { client, env in
            // A route the contract does not know needs a token like any other.
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            try expectProblem(try await client.get("/v1/test/boom"), .unauthorized, code: "unauthenticated")
            let response = try await client.get("/v1/test/boom", token: admin.token, headers: [.requestID: "boom-1"])
            let problem = try expectProblem(response, .internalServerError, code: "internal-error")
            #expect(problem.requestId == "boom-1")
            #expect(!response.text.contains("secret") && !response.text.contains("Handler"))
        }
    }

    @Test func badQueryParameterIsA400Or422Problem() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let response = try await client.get("/v1/procedures?limit=many")
            #expect([HTTPResponse.Status.badRequest, .unprocessableContent].contains(response.status))
            #expect(response.contentType == "application/problem+json")
            #expect(!response.text.contains("Swift"))
        }
    }
}
