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

@Suite struct ProcedurePublishTests {
    @Test func firstPutCreatesVersionOneAndTheNextPutVersionTwo() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let code = try await env.unusedProcedureCode()
            let first = try await client.put("/v1/procedures/\(code)", json: ProcedureBody.sample(), token: admin.token)
            let v1 = try expectJSON(first, .created, as: Components.Schemas.Procedure.self)
            #expect(first.headers[.location] == "/v1/procedures/\(code)")
            #expect(v1.code == code && v1.version == 1 && v1.name == "Đăng ký khai sinh")
            #expect(v1.processingTime.value == 3 && v1.processingTime.unit == .workingDays)
            #expect(v1.documents.map(\.code) == ["TK01", "GCS"])
            #expect(v1.steps.map(\.durationHours) == [4, 16, 4] && v1.steps[1].role == .specialist)
            #expect(v1.fee.amount == 8000 && v1.cutoffTime == "15:00" && v1.onlineLevel == .full)

            var changed = ProcedureBody.sample(name: "Đăng ký khai sinh (sửa đổi)")
            changed.processingTime.value = 5
            changed.fee = nil
            let second = try await client.put("/v1/procedures/\(code)", json: changed, token: admin.token)
            let v2 = try expectJSON(second, .ok, as: Components.Schemas.Procedure.self)
            #expect(v2.version == 2 && v2.processingTime.value == 5 && v2.fee.amount == 0)

            let current = try expectJSON(try await client.get("/v1/procedures/\(code)"), as: Components.Schemas.Procedure.self)
            #expect(current.version == 2 && current.name == "Đăng ký khai sinh (sửa đổi)")
            let old = try expectJSON(try await client.get("/v1/procedures/\(code)/versions/1"), as: Components.Schemas.Procedure.self)
            #expect(old.version == 1 && old.name == "Đăng ký khai sinh" && old.processingTime.value == 3 && old.fee.amount == 8000)
            try expectProblem(try await client.get("/v1/procedures/\(code)/versions/3"), .notFound, code: "not-found")
        }
    }

    @Test(arguments: [Role.reception, .leader, .specialist, .portal, .auditor])
    func onlyAdminPublishes(role: Role) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let user = try await env.makeUser([role], unit: [.portal, .auditor].contains(role) ? province.code : province.commune)
            let code = try await env.unusedProcedureCode()
            try expectProblem(try await client.put("/v1/procedures/\(code)", json: ProcedureBody.sample(), token: user.token), .forbidden, code: "forbidden")
            try expectProblem(try await client.get("/v1/procedures/\(code)"), .notFound, code: "not-found")
        }
    }

    @Test func unknownProcedureIs404() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let code = try await env.unusedProcedureCode()
            try expectProblem(try await client.get("/v1/procedures/\(code)"), .notFound, code: "not-found")
            try expectProblem(try await client.get("/v1/procedures/\(code)/versions/1"), .notFound, code: "not-found")
        }
    }

}
