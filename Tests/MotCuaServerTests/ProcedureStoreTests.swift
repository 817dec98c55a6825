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

/// The catalog's versions under concurrency, in PostgreSQL.
@Suite struct ProcedureStoreTests {
    @Test func concurrentPublicationsGetDistinctVersions() async throws {
        try await withTestApp { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let code = try await env.unusedProcedureCode()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        let token = try await env.login(admin.username, admin.password)
                        let body = ProcedureBody.sample(name: "Bản \(index)")
                        let status = try await client.put("/v1/procedures/\(code)", json: body, token: token).status
                        #expect(status == .ok || status == .created)
                    }
                }
                try await group.waitForAll()
            }
            let versions = try await env.pool.query("SELECT version FROM procedure_versions WHERE code = \(code) ORDER BY version")
                .map { try $0.decode(Int.self, at: 0) }
            #expect(versions == [1, 2, 3, 4])
        }
    }
}
