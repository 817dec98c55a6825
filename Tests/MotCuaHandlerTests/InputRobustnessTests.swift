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

/// Hostile or odd input is a 4xx problem (or a normal answer), never a 500.
@Suite struct InputRobustnessTests {
    @Test(arguments: ["q=%00", "q=a%00b", "field=%00", "q=\(String(repeating: "%C4%91", count: 150))", "q=%27%3B%20DROP%20TABLE%20units%3B--"])
    func oddCatalogQueriesNeverFail(parameters: String) async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let response = try await client.get("/v1/procedures?" + parameters)
            #expect(response.status.code < 500, "\(parameters): \(response.text)")
            if response.status != .ok { try expectProblem(response, response.status, code: response.status == .badRequest ? "malformed-request" : "validation-failed") }
        }
    }

    @Test func pathParametersThatCannotExistAre404() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province)
            try expectProblem(try await client.get("/v1/units/lower.case", token: admin.token), .notFound, code: "not-found")
            try expectProblem(try await client.get("/v1/users/%00", token: admin.token), .notFound, code: "not-found")
            try expectProblem(try await client.get("/v1/procedures/not-a-code"), .notFound, code: "not-found")
            let version = try await client.get("/v1/procedures/1.001193/versions/zero")
            #expect([HTTPResponse.Status.badRequest, .unprocessableContent].contains(version.status))
        }
    }

    @Test func arrayBodyWhereAnObjectIsExpectedIsAProblem() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let response = try await client.send(.post, "/v1/units", raw: "[1,2,3]", token: admin.token)
            #expect([HTTPResponse.Status.badRequest, .unprocessableContent].contains(response.status))
            #expect(response.contentType == "application/problem+json")
            let empty = try await client.request(.post, "/v1/units", token: admin.token, headers: [.contentType: "application/json"])
            #expect([HTTPResponse.Status.badRequest, .unprocessableContent].contains(empty.status), "\(empty.text)")
        }
    }
}
