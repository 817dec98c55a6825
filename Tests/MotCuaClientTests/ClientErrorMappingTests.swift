import Foundation
import MotCuaClient
import Testing

/// Every non-2xx answer reaches the caller as `MotCuaClientError.problem` with the server's code.
@Suite struct ClientErrorMappingTests {
    /// The problem `body` threw, or nil.
    static func problem(_ body: () async throws -> Void) async -> MotCuaClientError.Problem? {
        do {
            try await body()
            return nil
        } catch MotCuaClientError.problem(let problem) {
            return problem
        } catch {
            Issue.record("expected a problem, got \(error)")
            return nil
        }
    }

    @Test func ruleRefusalCodeReachesTheCaller() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let dossier = try await s.reception.dossiers.submit(s.dossierInput())
            // A counter dossier is already received: accepting it again is not a transition.
            let invalid = await Self.problem { try await s.reception.dossiers.accept(dossier.code) }
            #expect(invalid?.status == 409)
            #expect(invalid?.code == "invalid-transition")
            #expect(invalid?.dossierStatus == "received")
            #expect(invalid?.requestId?.isEmpty == false)

            // Only one supplement request per dossier.
            _ = try await s.leader.dossiers.assign(dossier.code, assignee: s.usernames[.specialist]!)
            let item = SupplementItem(documentCode: "GCS", note: "Bản chính")
            _ = try await s.specialist.dossiers.requestSupplement(dossier.code, reason: "Thiếu", items: [item])
            _ = try await s.reception.dossiers.supplement(dossier.code, documents: [.init(code: "GCS", name: "Giấy chứng sinh")])
            let limit = await Self.problem {
                try await s.specialist.dossiers.requestSupplement(dossier.code, reason: "Lại thiếu", items: [item])
            }
            #expect(limit?.status == 409)
            #expect(limit?.code == "supplement-limit")
        }
    }

    @Test func staleIfMatchIsVersionMismatch() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let dossier = try await s.reception.dossiers.submit(s.dossierInput())
            let problem = await Self.problem {
                try await s.leader.dossiers.assign(dossier.code, assignee: s.usernames[.specialist]!, ifMatch: dossier.version + 1)
            }
            #expect(problem?.status == 412)
            #expect(problem?.code == "version-mismatch")
            #expect(try await s.reception.dossiers.get(dossier.code).status == .received)
        }
    }

    @Test func validationFailureListsInvalidParams() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            var input = s.dossierInput()
            input.applicant.fullName = "   "
            let problem = await Self.problem { try await s.reception.dossiers.submit(input) }
            #expect(problem?.status == 422)
            #expect(problem?.code == "validation-failed")
            #expect(problem?.invalidParams.contains { $0.name == "applicant.fullName" } == true)

            var procedure = Samples.procedure()
            procedure.steps[0].durationHours = 2_000
            let invalidProcedure = await Self.problem { try await s.admin.procedures.put(s.procedureCode, procedure) }
            #expect(invalidProcedure?.status == 422)
            #expect(invalidProcedure?.invalidParams.isEmpty == false)
        }
    }

    @Test func unauthenticatedForbiddenAndNotFound() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let unauthenticated = await Self.problem { _ = try await server.client(token: "not-a-token").dossiers.list() }
            #expect(unauthenticated?.status == 401)
            #expect(unauthenticated?.code == "unauthenticated")

            let badLogin = await Self.problem { try await server.client().auth.login(username: s.usernames[.leader]!, password: "wrong-password") }
            #expect(badLogin?.status == 401)

            let forbidden = await Self.problem { _ = try await s.reception.units.create(.init(code: s.province + ".99", name: "X", province: s.province, kind: .commune)) }
            #expect(forbidden?.status == 403)
            #expect(forbidden?.code == "forbidden")

            let missing = await Self.problem { _ = try await s.reception.dossiers.get(s.commune + "-260101-9999") }
            #expect(missing?.status == 404)
            #expect(missing?.code == "not-found")
            let missingProcedure = await Self.problem { _ = try await server.client().procedures.get("9.999999", version: 99) }
            #expect(missingProcedure?.code == "not-found")
        }
    }
}
