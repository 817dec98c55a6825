import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

/// Officers' weekly completion and the weekly series around Tết 2026 (16-20 February are days off,
/// so no working-hour step deadline can fall in week 08).
@Suite struct EvaluationOfficerTests {
    typealias Officers = Components.Schemas.OfficerEvaluations

    func officers(_ client: APIClient, _ unit: String, _ week: String, as user: TestUser) async throws -> Officers {
        try expectJSON(try await client.get("/v1/evaluations/officers?unit=\(unit)&week=\(week)", token: user.token), as: Officers.self)
    }

    /// `(due, carriedOver, completedOnTime, late, openOverdue, completionRate)` of one officer.
    func figures(_ report: Officers, _ user: TestUser) throws -> [Double?] {
        let row = try #require(report.items.first { $0.username == user.username }, "\(user.username) missing")
        return [row.due, row.carriedOver, row.completedOnTime, row.late, row.openOverdue].map { Double?(Double($0)) } + [row.completionRate?.value]
    }

    @Test func weeksAroundTet() async throws {
        let calendar = WorkCalendar.standard
        let clock = ManualClock(Instant.vn("2026-02-09", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeEvaluationWorld()
            let (leader, specialist, specialist2, reception) = (world.leader, world.specialist, world.specialist2, world.reception)

            // Week 07, Monday 9 February 09:00: X to the specialist (16 working hours), never done.
            let x = try await client.file(world.body(), as: reception)
            let xStep = try #require(try await client.perform("assign", x.code, ActionBody.assign(specialist), as: leader).currentStep)
            #expect(xStep.deadline == calendar.addingWorkingHours(16, to: clock.now))
            #expect(IsoWeek(containing: LocalDate(vietnam: xStep.deadline)).description == "2026-W07")
            // Z to the second specialist, forwarded the next day to the leader, who resolves it at once.
            let z = try await client.file(world.body(), as: reception)
            try await client.perform("assign", z.code, ActionBody.assign(specialist2), as: leader)
            clock.set(vn: "2026-02-10", "10:00")
            let zForwarded = try await client.perform("forward", z.code, ActionBody.forward(leader), as: specialist2)
            #expect(try #require(zForwarded.currentStep).deadline == calendar.addingWorkingHours(4, to: clock.now))
            clock.set(vn: "2026-02-10", "11:00")
            try await client.perform("resolve", z.code, ActionBody.resolve, as: leader)

            // Thursday 12 February: Y to the second specialist; its 16 hours skip Tết and end on Monday 23 February.
            clock.set(vn: "2026-02-12", "09:00")
            let y = try await client.file(world.body(), as: reception)
            #expect(y.dueDate == "2026-02-24")
            let yStep = try #require(try await client.perform("assign", y.code, ActionBody.assign(specialist2), as: leader).currentStep)
            #expect(yStep.deadline == calendar.addingWorkingHours(16, to: clock.now))
            #expect(LocalDate(vietnam: yStep.deadline) == LocalDate(2026, 2, 23))
            // Forwarded before that deadline (on time); the leader's 4 hours run out on the 23rd and he
            // resolves on the 24th (late, but the dossier itself is on time).
            clock.set(yStep.deadline.addingTimeInterval(-1800))
            let yForwarded = try await client.perform("forward", y.code, ActionBody.forward(leader), as: specialist2)
            let leaderDeadline = try #require(yForwarded.currentStep?.deadline)
            #expect(LocalDate(vietnam: leaderDeadline) == LocalDate(2026, 2, 23))
            clock.set(vn: "2026-02-24", "09:00")
            #expect(try await client.perform("resolve", y.code, ActionBody.resolve, as: leader).timeliness == .onTime)
            // Wednesday 25 February 10:00: V to the specialist, due later this week (not decided yet).
            clock.set(vn: "2026-02-25", "10:00")
            let v = try await client.file(world.body(), as: reception)
            try await client.perform("assign", v.code, ActionBody.assign(specialist), as: leader)
            clock.set(vn: "2026-02-25", "12:00")

            // Week 07, judged at its end: X late and still open; Z's two steps on time.
            let w07 = try await officers(client, world.unitA, "2026-W07", as: leader)
            #expect(w07.week == "2026-W07" && w07.unit == world.unitA)
            #expect(try figures(w07, specialist) == [1, 0, 0, 1, 1, 0])
            #expect(try figures(w07, specialist2) == [1, 0, 1, 0, 0, 1])
            #expect(try figures(w07, leader) == [1, 0, 1, 0, 0, 1])
            #expect(try figures(w07, reception) == [0, 0, 0, 0, 0, nil])
            #expect(nearly(w07.unitCompletionRate, 2.0 / 3))

            // Week 08 is Tết: nothing falls due; X is carried over.
            let w08 = try await officers(client, world.unitA, "2026-W08", as: leader)
            #expect(try figures(w08, specialist) == [0, 1, 0, 1, 1, 0])
            for user in [specialist2, leader, reception] { #expect(try figures(w08, user) == [0, 0, 0, 0, 0, nil]) }
            #expect(w08.unitCompletionRate?.value == 0)
            // Worst first: rate 0, then the officers with nothing due ("not applicable") by username.
            #expect(w08.items.map(\.username) == [specialist.username, leader.username, reception.username, specialist2.username])

            // Week 09 on Wednesday noon: Y's first step on time, its second late; X still carried over;
            // V's step is due later this week and not counted yet.
            let w09 = try await officers(client, world.unitA, "2026-W09", as: leader)
            #expect(try figures(w09, specialist) == [0, 1, 0, 1, 1, 0])
            #expect(try figures(w09, specialist2) == [1, 0, 1, 0, 0, 1])
            #expect(try figures(w09, leader) == [1, 0, 0, 1, 0, 0])
            #expect(nearly(w09.unitCompletionRate, 1.0 / 3))
            // Ties on the rate: more late steps first, then the username.
            #expect(w09.items.map(\.username) == [leader.username, specialist.username, specialist2.username, reception.username])
            // The default week is the current one.
            let current = try expectJSON(
                try await client.get("/v1/evaluations/officers?unit=\(world.unitA)", token: leader.token), as: Officers.self)
            #expect(current.week == "2026-W09")
            try expectProblem(
                try await client.get("/v1/evaluations/officers?unit=\(world.unitA)&week=2026-W54", token: leader.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["week"])

            // The weekly series: one row per ISO week, with steps and dossiers.
            let weekly = try expectJSON(
                try await client.get("/v1/evaluations/weekly?unit=\(world.unitA)&from=2026-02-09&to=2026-03-01", token: leader.token),
                as: Components.Schemas.WeeklyEvaluations.self)
            #expect(weekly.items.map(\.week) == ["2026-W07", "2026-W08", "2026-W09"])
            #expect(weekly.items.map(\.monday) == ["2026-02-09", "2026-02-16", "2026-02-23"])
            #expect(weekly.items.map(\.stepsDue) == [3, 1, 3])
            #expect(weekly.items.map(\.stepsCompletedOnTime) == [2, 0, 1])
            #expect(nearly(weekly.items[0].completionRate, 2.0 / 3) && weekly.items[1].completionRate?.value == 0)
            #expect(nearly(weekly.items[2].completionRate, 1.0 / 3))
            // Dossiers: W07 X (overdue at the end of the week), Z (early), Y (due 24 February);
            // W08 X and Y; W09 X, Y (finished on its due date) and V.
            #expect(weekly.items.map(\.dossiers) == [3, 2, 3])
            #expect(weekly.items.map(\.onTime) == [2, 1, 2])
            #expect(nearly(weekly.items[1].onTimeRate, 0.5))

            // A specialist who leaves the unit keeps their figures for the week they worked.
            _ = try await env.pool.execute("UPDATE users SET active = false WHERE id = \(specialist.record.id)")
            let afterLeaving = try await officers(client, world.unitA, "2026-W08", as: leader)
            #expect(try figures(afterLeaving, specialist) == [0, 1, 0, 1, 1, 0])
        }
    }
}
