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
/// Here: the public operations, some of which read stored dossiers; the protected ones are checked
/// without a database in `MotCuaHandlerTests`.
@Suite struct AccessTableTests {
    @Test(arguments: ContractOperation.all.filter { !$0.isProtected })
    func publicOperationAnswersWithoutToken(operation: ContractOperation) async throws {
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
}
