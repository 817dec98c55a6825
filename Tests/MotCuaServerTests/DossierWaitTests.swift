import Foundation
import HTTPTypes
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

/// The rule decisions on waits for the citizen, refusals, step codes and online codes, over HTTP.
@Suite struct DossierWaitTests {
    typealias Officers = Components.Schemas.OfficerEvaluations

    func officer(_ client: APIClient, _ world: DossierWorld, week: String, _ user: TestUser) async throws -> Components.Schemas.OfficerEvaluation {
        let report = try expectJSON(
            try await client.get("/v1/evaluations/officers?unit=\(world.unitA)&week=\(week)", token: world.leader.token), as: Officers.self)
        return try #require(report.items.first { $0.username == user.username })
    }

    /// A paused step is neither due nor overdue; on the supplement its deadline moves by the office
    /// time waited; the week it was paused in keeps its figures after the wait ends.
    @Test func stepPausesDuringTheWaitAndPastWeeksNeverChange() async throws {
        let clock = ManualClock(Instant.vn("2026-03-09", "09:00"))  // Monday of 2026-W11
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let filed = try await client.file(world.body(), as: world.reception)
            #expect(filed.dueDate == "2026-03-12")
            let assigned = try await client.perform("assign", filed.code, ActionBody.assign(world.specialist), as: world.leader)
            #expect(assigned.currentStep?.deadline == Instant.vn("2026-03-10", "14:30"))  // 12 working hours

            clock.set(vn: "2026-03-10", "09:00")
            let waiting = try await client.perform("request-supplement", filed.code, ActionBody.supplement(), as: world.specialist)
            #expect(waiting.currentStep?.pausedAt == Instant.vn("2026-03-10", "09:00"))
            #expect(waiting.currentStep?.deadline == Instant.vn("2026-03-10", "14:30"))

            // The step's deadline passes while the dossier waits: W11 counts nothing against the specialist.
            clock.set(vn: "2026-03-16", "09:00")
            let w11 = try await officer(client, world, week: "2026-W11", world.specialist)
            #expect(w11.due == 0 && w11.carriedOver == 0 && w11.openOverdue == 0 && w11.completionRate?.value == nil, "\(w11)")
            let w12Waiting = try await officer(client, world, week: "2026-W12", world.specialist)
            #expect(w12Waiting.carriedOver == 0 && w12Waiting.openOverdue == 0, "\(w12Waiting)")

            // The supplement on Wednesday of W12: 48 office hours waited, due date moved by 6 working days.
            clock.set(vn: "2026-03-18", "09:00")
            let resumed = try await client.perform("supplement", filed.code, ActionBody.supplied, as: world.reception)
            let wait = SupplementWait(from: Instant.vn("2026-03-10", "09:00"), until: Instant.vn("2026-03-18", "09:00"))
            #expect(wait.workingSeconds(on: .standard) == 48 * 3600)
            #expect(resumed.currentStep?.pausedAt == nil)
            #expect(resumed.currentStep?.deadline == Instant.vn("2026-03-18", "14:30"))
            #expect(resumed.dueDate == "2026-03-20" && resumed.appointmentDate == "2026-03-20")

            clock.set(vn: "2026-03-18", "10:00")
            try await client.perform("forward", filed.code, ActionBody.forward(world.leader), as: world.specialist)
            clock.set(vn: "2026-03-19", "09:00")
            let done = try await client.perform("resolve", filed.code, ActionBody.resolve, as: world.leader)
            #expect(done.timeliness == .early)

            clock.set(vn: "2026-03-30", "09:00")
            let w11After = try await officer(client, world, week: "2026-W11", world.specialist)
            #expect(w11After.due == w11.due && w11After.carriedOver == w11.carriedOver && w11After.completedOnTime == w11.completedOnTime)
            let w12 = try await officer(client, world, week: "2026-W12", world.specialist)
            #expect(w12.due == 1 && w12.completedOnTime == 1 && w12.completionRate?.value == 1, "\(w12)")

            // 8 working days from the start to the result, 6 of them waited.
            let elapsed = try await env.pool.query("SELECT elapsed::float8 FROM dossiers WHERE code = \(filed.code)").first!.decode(Double.self, at: 0)
            #expect(elapsed == 2)
        }
    }

    /// Working hours: the due instant moves by the office time waited and the due date follows it;
    /// the time taken excludes the wait. Step codes keep their national upper case.
    @Test func workingHourProceduresStayConsistentAndExcludeWaits() async throws {
        let clock = ManualClock(Instant.vn("2026-03-09", "16:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            var world = try await env.makeDossierWorld()
            var body = DossierWorld.procedureBody()
            body.processingTime = .init(value: 16, unit: "working_hours")
            body.steps = [
                .init(code: "TN", name: "Tiếp nhận", role: "reception", durationHours: 2),
                .init(code: "TD", name: "Thẩm định", role: "specialist", durationHours: 8),
                .init(code: "PD", name: "Phê duyệt", role: "leader", durationHours: 4),
            ]
            let procedure = try await env.publishProcedure(body, as: world.admin)
            #expect(procedure.steps.map(\.code) == ["TN", "TD", "PD"])
            world.procedureCode = procedure.code

            let filed = try await client.file(world.body(), as: world.reception)
            #expect(filed.dueDate == "2026-03-11")  // Monday 16:00 + 16 office hours = Wednesday 16:00
            let assigned = try await client.perform("assign", filed.code, ActionBody.assign(world.specialist, step: "td"), as: world.leader)
            #expect(assigned.currentStep?.code == "TD")

            clock.set(vn: "2026-03-10", "09:00")
            try await client.perform("request-supplement", filed.code, ActionBody.supplement(), as: world.specialist)
            clock.set(vn: "2026-03-10", "15:00")  // 4.5 office hours waited, no working day
            let resumed = try await client.perform("supplement", filed.code, ActionBody.supplied, as: world.reception)
            // Wednesday 16:00 + 4.5 h = Thursday 11:00: the date moves with the instant.
            #expect(resumed.dueDate == "2026-03-12")
            let row = try #require(try await env.pool.query("""
                SELECT due_at, due_date::text, motcua_local_date(due_at)::text FROM dossiers WHERE code = \(filed.code)
                """).first)
            #expect(try row.decode(Date.self, at: 0) == Instant.vn("2026-03-12", "11:00"))
            #expect(try row.decode(String.self, at: 1) == row.decode(String.self, at: 2))

            clock.set(vn: "2026-03-11", "10:00")
            try await client.perform("resolve", filed.code, ActionBody.resolve, as: world.leader)
            // Monday 16:00 to Wednesday 10:00 is 11.5 office hours, 4.5 of them waited.
            func elapsed() async throws -> Double {
                try await env.pool.query("SELECT elapsed::float8 FROM dossiers WHERE code = \(filed.code)").first!.decode(Double.self, at: 0)
            }
            #expect(try await elapsed() == 7)

            // Stored before the rule, the time taken counted the wait; the backfill migration 0008
            // queues recomputes it (whichever instance or test runs it first).
            _ = try await env.pool.execute("UPDATE dossiers SET elapsed = 11.5, elapsed_ratio = 11.5 / 16 WHERE code = \(filed.code)")
            _ = try await env.pool.execute("INSERT INTO pending_backfills VALUES ('elapsed-excludes-waits') ON CONFLICT DO NOTHING")
            let calendar = WorkCalendar(overrides: try await CalendarStore(pool: env.pool).overrides())
            _ = try await DossierStore(pool: env.pool).runPendingBackfills(calendar: calendar)
            // A test app starting meanwhile may be running it (its row is then locked and skipped
            // here): done means the row is gone, removed in the transaction that recomputed.
            #expect(try await eventually { try await env.pool.query("SELECT 1 FROM pending_backfills").isEmpty })
            #expect(try await elapsed() == 7)
        }
    }

    /// Withdrawn or stopped while waiting: the due date moves by the wait up to that moment, so the
    /// dossier is not late because of the citizen's own wait.
    @Test(arguments: [("withdraw", "withdrawn"), ("stop", "stopped")])
    func endedDuringTheWaitIsNeverLate(action: String, status: String) async throws {
        let clock = ManualClock(Instant.vn("2026-03-09", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let filed = try await client.file(world.body(), as: world.reception)
            try await client.perform("assign", filed.code, ActionBody.assign(world.specialist), as: world.leader)
            clock.set(vn: "2026-03-10", "09:00")
            try await client.perform("request-supplement", filed.code, ActionBody.supplement(), as: world.specialist)
            clock.set(vn: "2026-03-16", "09:00")  // past the original due date, Thursday 12 March
            let actor = action == "withdraw" ? world.reception : world.leader
            let ended = try await client.perform(action, filed.code, ActionBody.reason, as: actor)
            #expect(ended.status.rawValue == status)
            #expect(ended.dueDate == "2026-03-18")  // moved by the 4 working days waited
            #expect(ended.timeliness == .early)
            let step = try #require(try await env.pool.query("""
                SELECT s.resumed_at, s.closed_at, s.timeliness FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id
                WHERE d.code = \(filed.code)
                """).first)
            #expect(try step.decode(Date?.self, at: 0) == Instant.vn("2026-03-16"))
            #expect(try step.decode(Date?.self, at: 1) == Instant.vn("2026-03-16"))
            #expect(try step.decode(String?.self, at: 2) == "on_time")
        }
    }

    /// A blank or whitespace-only reason is a 422 naming `reason`, like an empty one, and changes nothing.
    @Test func blankReasonsAreValidationErrors() async throws {
        let clock = ManualClock(Instant.vn("2026-03-09", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let submitted = try await makeDossier(in: .submitted, world, client)
            let inProgress = try await makeDossier(in: .inProgress, world, client)
            let cases: [(String, String, TestUser, any Encodable & Sendable)] = [
                ("refuse", submitted.code, world.reception, ["reason": " \t "]),
                ("withdraw", submitted.code, world.portal, ["reason": "\n"]),
                ("stop", inProgress.code, world.leader, ["reason": "   "]),
                ("request-supplement", inProgress.code, world.specialist,
                 SupplementRequestBody(reason: "  ", items: [SupplementItemBody(documentCode: "GCS", note: "Thiếu")])),
                ("apologize", inProgress.code, world.leader, ["reason": "\u{3000}", "newAppointmentDate": "2026-03-20"]),
                ("stop", inProgress.code, world.leader, ["reason": ""]),
            ]
            for (action, code, user, body) in cases {
                let before = try await env.dossierState(code)
                try expectProblem(try await client.act(action, code, body, as: user), .unprocessableContent, code: "validation-failed",
                                  invalidParams: ["reason"])
                try await expectUnchanged(code, before, env)
            }
        }
    }

    /// Step codes are unique per procedure ignoring case.
    @Test func stepCodesDifferingOnlyInCaseAreRefused() async throws {
        try await withTestApp { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province)
            var body = ProcedureBody.sample()
            body.steps = [
                .init(code: "TD", name: "Thẩm định", role: "specialist", durationHours: 8),
                .init(code: "td", name: "Thẩm định lại", role: "specialist", durationHours: 8),
            ]
            let code = try await env.unusedProcedureCode()
            let response = try await client.put("/v1/procedures/\(code)", json: body, token: admin.token)
            try expectProblem(response, .unprocessableContent, code: "validation-failed", invalidParams: ["steps[1].code"])
        }
    }

    /// An online dossier keeps the code it was given at submission: its date is the submission date.
    @Test func onlineDossierKeepsItsSubmissionCode() async throws {
        let clock = ManualClock(Instant.vn("2026-03-13", "16:30"))  // Friday after office hours
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let submitted = try await client.file(world.body(channel: "online"), as: world.portal)
            #expect(submitted.code.hasPrefix("\(world.unitA)-260313-"))
            clock.set(vn: "2026-03-16", "09:00")
            let accepted = try await client.perform("accept", submitted.code, as: world.reception)
            #expect(accepted.code == submitted.code)
            #expect(accepted.receivedAt == Instant.vn("2026-03-16") && accepted.startDate == "2026-03-16")
            #expect(try await client.dossier(submitted.code, as: world.reception).code == submitted.code)
        }
    }
}
