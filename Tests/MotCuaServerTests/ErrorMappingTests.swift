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
/// Here: what needs real sockets (chunked bodies) or stored dossiers; the rest runs without a database
/// in `MotCuaHandlerTests`.
@Suite struct ErrorMappingTests {
    @Test func chunkedBodyOverTheLimitIs413() async throws {
        try await withTestApp(environment: ["MOTCUA_MAX_BODY_BYTES": "1024"]) { client, _ in
            let port = try #require(client.port)
            let chunks = [#"{"username":""#] + Array(repeating: String(repeating: "y", count: 500), count: 6) + [#"","password":"p"}"#]
            let response = try await RawHTTP.sendChunked(
                port: port, head: "POST /v1/auth/tokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json", chunks: chunks)
            #expect(response.status == 413, "\(response.body)")
            #expect(response.headers["content-type"] == "application/problem+json")
            #expect(try response.decode(Problem.self).code == "payload-too-large")
        }
    }

    @Test func chunkedBodyUnderTheLimitIsRead() async throws {
        try await withTestApp(environment: ["MOTCUA_MAX_BODY_BYTES": "1024"]) { client, _ in
            let port = try #require(client.port)
            let response = try await RawHTTP.sendChunked(
                port: port, head: "POST /v1/auth/tokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json",
                chunks: [#"{"username":"nobody.at.all","#, #""password":"wrong-password"}"#])
            #expect(response.status == 401, "\(response.body)")
        }
    }

    /// An Accept that allows no type the operation answers in is the client's 406, not a server error.
    @Test func anAcceptExcludingJSONIs406() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let filed = try await client.file(world.body(), as: world.reception)
            for path in ["/v1/dossiers/\(filed.code)", "/v1/dossiers?unit=\(world.unitA)", "/v1/units/\(world.unitA)"] {
                let refused = try await client.get(path, token: world.reception.token, headers: [.accept: "text/html"])
                let problem = try expectProblem(refused, .notAcceptable, code: "not-acceptable")
                #expect(problem.detail?.contains("application/json") == true, "\(path)")
                let allowed = try await client.get(path, token: world.reception.token, headers: [.accept: "text/html, application/json;q=0.5"])
                #expect(allowed.status == .ok, "\(path)")
            }
        }
    }

}
