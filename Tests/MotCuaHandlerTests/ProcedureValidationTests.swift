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

/// An invalid procedure is refused with the exact offending fields, and nothing is written.
@Suite struct ProcedureValidationTests {
    static let cases: [(String, @Sendable (inout ProcedureBody) -> Void, [String])] = [
        ("steps exceed statutory time", { $0.steps[1].durationHours = 30 }, ["steps"]),
        ("working-hours budget", { $0.processingTime = .init(value: 8, unit: "working_hours") }, ["steps"]),
        ("duplicate step codes", { $0.steps[2].code = "tham-dinh" }, ["steps[2].code"]),
        ("duplicate document codes", { $0.documents[1].code = "TK01" }, ["documents[1].code"]),
        ("two duplicates at once", { $0.documents[1].code = "TK01"; $0.steps[1].code = "tiep-nhan" }, ["documents[1].code", "steps[1].code"]),
        ("unknown time unit", { $0.processingTime.unit = "fortnights" }, ["processingTime.unit"]),
        ("unknown step role", { $0.steps[0].role = "mayor" }, ["steps[0].role"]),
        ("unknown online level", { $0.onlineLevel = "sometimes" }, ["onlineLevel"]),
        ("bad cut-off", { $0.cutoffTime = "25:00" }, ["cutoffTime"]),
        ("negative time", { $0.processingTime.value = -1 }, ["processingTime.value"]),
        ("no steps", { $0.steps = [] }, ["steps"]),
        ("zero-hour step", { $0.steps[0].durationHours = 0 }, ["steps[0].durationHours"]),
        ("zero copies", { $0.documents[0].copies = 0 }, ["documents[0].copies"]),
        ("blank name", { $0.name = "  " }, ["name"]),
        ("blank field", { $0.field = "" }, ["field"]),
        ("blank document and step names", { $0.documents[0].name = " \t"; $0.steps[0].name = "\n" }, ["documents[0].name", "steps[0].name"]),
        ("negative fee", { $0.fee = .init(amount: -5, description: nil) }, ["fee.amount"]),
    ]

    @Test(arguments: cases.indices)
    func invalidBodyIs422WithPreciseInvalidParamsAndNothingWritten(index: Int) async throws {
        let (label, mutate, fields) = Self.cases[index]
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let code = try await env.unusedProcedureCode()
            var body = ProcedureBody.sample()
            mutate(&body)
            let response = try await client.put("/v1/procedures/\(code)", json: body, token: admin.token)
            try expectProblem(response, .unprocessableContent, code: "validation-failed", invalidParams: fields)
            #expect(try await env.procedures.get(code: code) == nil, "\(label)")
            try expectProblem(try await client.get("/v1/procedures/\(code)"), .notFound, code: "not-found")
        }
    }

    @Test(arguments: ["1.00119", "12.001193", "A.001193", "1-001193"])
    func badCodeIs422(code: String) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let response = try await client.put("/v1/procedures/\(code)", json: ProcedureBody.sample(), token: admin.token)
            try expectProblem(response, .unprocessableContent, code: "validation-failed", invalidParams: ["code"])
            #expect(try await env.procedures.get(code: code) == nil)
        }
    }

    @Test func invalidNewVersionLeavesTheCurrentOneInPlace() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let published = try await env.publishProcedure(as: admin)
            var bad = ProcedureBody.sample(name: "Không hợp lệ")
            bad.steps[0].durationHours = 100
            try expectProblem(
                try await client.put("/v1/procedures/\(published.code)", json: bad, token: admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["steps"])
            let current = try expectJSON(try await client.get("/v1/procedures/\(published.code)"), as: Components.Schemas.Procedure.self)
            #expect(current.version == 1 && current.name == published.name)
        }
    }
}
