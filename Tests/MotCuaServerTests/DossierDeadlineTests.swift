import Foundation
import HTTPTypes
import MotCuaAPI
import MotCuaDomain
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing
import HummingbirdTesting
import MotCuaPostgres

/// Deadlines with an injected clock: nothing here sleeps.
@Suite struct DossierDeadlineTests {
    let clockRules = DeadlineClock(calendar: .standard)

    func expectedDue(_ date: String, _ time: String, days: Int = 3) -> (start: String, due: String) {
        let instant = Instant.vn(date, time)
        let start = clockRules.startDate(acceptedAt: instant, cutoff: .defaultCutoff)
        let due = clockRules.deadline(acceptedAt: instant, cutoff: .defaultCutoff, processingTime: .workingDays(days)).dueDate
        return (start.description, due.description)
    }

    @Test func counterIntakeBeforeTetIsDueAfterTheHoliday() async throws {
        // Friday 13 February 2026, 14:00 in Hà Nội (07:00Z); Tết is Monday 16 - Friday 20 February.
        let clock = ManualClock(Instant.vn("2026-02-13", "14:00"))
        #expect(clock.now == ISO8601DateFormatter().date(from: "2026-02-13T07:00:00Z"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let before = try await client.file(world.body(), as: world.reception)
            #expect(before.startDate == "2026-02-13" && before.dueDate == "2026-02-25")
            #expect(expectedDue("2026-02-13", "14:00") == ("2026-02-13", "2026-02-25"))
            // 15:00 sharp is still the same day.
            clock.set(vn: "2026-02-13", "15:00")
            let atCutoff = try await client.file(world.body(), as: world.reception)
            #expect(atCutoff.startDate == "2026-02-13" && atCutoff.dueDate == "2026-02-25")
            // After the cut-off the clock starts on the next working day: Monday 23 February.
            clock.set(vn: "2026-02-13", "15:30")
            let after = try await client.file(world.body(), as: world.reception)
            #expect(after.startDate == "2026-02-23" && after.dueDate == "2026-02-26")
            #expect(expectedDue("2026-02-13", "15:30") == (after.startDate, after.dueDate))
            // Accepted on a Saturday: the next working day too.
            clock.set(vn: "2026-02-14", "09:00")
            let saturday = try await client.file(world.body(), as: world.reception)
            #expect(saturday.startDate == "2026-02-23" && saturday.dueDate == "2026-02-26")
            #expect(saturday.code.contains("-260214-"))
            // The server's own deadline endpoint agrees.
            let deadline = try await client.get(
                "/v1/calendar/deadline?start=\(query("2026-02-13T07:00:00Z"))&value=3&unit=working_days&cutoff=15:00", token: world.admin.token)
            #expect(deadline.text.contains("2026-02-25"), "\(deadline.text)")
            // An online dossier submitted before Tết and accepted after it is counted from the acceptance.
            clock.set(vn: "2026-02-13", "10:00")
            let online = try await client.file(world.body(channel: "online"), as: world.portal)
            #expect(online.acceptBy == WorkCalendar.standard.addingWorkingHours(8, to: clock.now))
            #expect(online.acceptBy == Instant.vn("2026-02-23", "10:00"))
            clock.set(vn: "2026-02-23", "09:00")
            let accepted = try await client.perform("accept", online.code, as: world.reception)
            #expect(accepted.startDate == "2026-02-23" && accepted.dueDate == "2026-02-26")
        }
    }

    @Test func supplementPauseMovesTheDueDate() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await client.file(world.body(), as: world.reception)
            #expect(dossier.dueDate == "2026-03-05")
            let waiting = try await makeDossier(in: .inProgress, world, client)
            let assigned = try await client.perform("assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader)
            let stepDeadline = try #require(assigned.currentStep?.deadline)
            clock.set(vn: "2026-03-03", "10:00")
            let pausedAt = clock.now
            let paused = try await client.perform("request-supplement", dossier.code, ActionBody.supplement(), as: world.specialist)
            #expect(paused.status == .supplementRequested && paused.dueDate == "2026-03-05")
            try await client.perform("request-supplement", waiting.code, ActionBody.supplement(), as: world.specialist)
            // Still waiting after the stored due date: the clock is paused, so it is not overdue.
            clock.set(vn: "2026-03-06", "10:00")
            #expect(try await client.dossier(waiting.code, as: world.leader).timeliness == .withinDeadline)
            #expect(try await client.listAll("overdue=true", as: world.leader).isEmpty)
            #expect(try await client.listAll("overdue=false", as: world.leader).map(\.code).contains(waiting.code))
            let waited = try await client.perform("supplement", waiting.code, ActionBody.supplied, as: world.reception)
            #expect(waited.dueDate == "2026-03-10" && waited.timeliness == .withinDeadline)
            // Waiting over the weekend and the due date: still not overdue? The due date moves on resumption.
            clock.set(vn: "2026-03-05", "10:00")
            let resumed = try await client.perform("supplement", dossier.code, ActionBody.supplied, as: world.portal)
            let expected = clockRules.resumedDueDate(original: LocalDate(2026, 3, 5), pausedAt: pausedAt, resumedAt: clock.now)
            #expect(expected == LocalDate(2026, 3, 9))
            #expect(resumed.status == .inProgress && resumed.dueDate == expected.description)
            #expect(resumed.appointmentDate == expected.description && resumed.timeliness == .withinDeadline)
            // The open step's deadline moved by the working time spent waiting.
            let moved = try #require(resumed.currentStep?.deadline)
            #expect(moved == WorkCalendar.standard.addingWorkingSeconds(
                WorkCalendar.standard.workingSeconds(from: pausedAt, to: clock.now), to: stepDeadline))
            let history = try await client.history(dossier.code, as: world.leader)
            #expect(history.last?.type == "supplement" && history.last?.data["dueDate"]?.string == "2026-03-09")
            // Finished on the moved due date: on time.
            clock.set(vn: "2026-03-09", "16:00")
            let resolved = try await client.perform("resolve", dossier.code, ActionBody.resolve, as: world.leader)
            #expect(resolved.timeliness == .onTime)
        }
    }

    @Test func overdueDossiersAreShownAndListed() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let late = try await client.file(world.body(), as: world.reception)  // due 5 March
            let early = try await client.file(world.body(), as: world.reception)
            let onTime = try await client.file(world.body(), as: world.reception)
            clock.set(vn: "2026-03-04", "10:00")
            let fresh = try await client.file(world.body(), as: world.reception)  // due 9 March
            #expect(fresh.dueDate == "2026-03-09")
            try await client.perform("assign", early.code, ActionBody.assign(world.specialist), as: world.leader)
            #expect(try await client.perform("resolve", early.code, ActionBody.resolve, as: world.leader).timeliness == .early)
            clock.set(vn: "2026-03-05", "16:59")
            try await client.perform("assign", onTime.code, ActionBody.assign(world.specialist), as: world.leader)
            #expect(try await client.perform("resolve", onTime.code, ActionBody.resolve, as: world.leader).timeliness == .onTime)
            #expect(try await client.dossier(late.code, as: world.leader).timeliness == .withinDeadline)
            #expect(try await client.listAll("overdue=true", as: world.leader).isEmpty)

            clock.set(vn: "2026-03-06", "08:00")
            let overdue = try await client.dossier(late.code, as: world.leader)
            #expect(overdue.timeliness == .overdue && overdue.status == .received)
            #expect(try await client.listAll("overdue=true", as: world.leader).map(\.code) == [late.code])
            #expect(Set(try await client.listAll("overdue=false", as: world.leader).map(\.code)) == [early.code, onTime.code, fresh.code])
            let public1 = try await client.get("/v1/public/dossiers/\(late.code)?lookupKey=\(late.lookupKey)")
            #expect(public1.text.contains("\"overdue\""))
            // Finished after the due date: late.
            try await client.perform("assign", late.code, ActionBody.assign(world.specialist), as: world.leader)
            let resolved = try await client.perform("resolve", late.code, ActionBody.resolve, as: world.leader)
            #expect(resolved.timeliness == .late)
            #expect(try await client.listAll("overdue=true", as: world.leader).isEmpty)
            #expect(try await client.perform("return", late.code, as: world.reception).timeliness == .late)
        }
    }

    @Test func apologyWindowsAndLimits() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let tooLate = try await makeDossier(in: .inProgress, world, client)  // due Thursday 5 March
            let onTimeApology = try await makeDossier(in: .inProgress, world, client)
            clock.set(vn: "2026-03-06", "09:00")
            let mondayDue = try await client.file(world.body(), as: world.reception)  // due Wednesday 11 March
            #expect(mondayDue.dueDate == "2026-03-11")

            // On the due date itself: too late.
            clock.set(vn: "2026-03-05", "08:00")
            var before = try await env.dossierState(tooLate.code)
            try expectProblem(try await client.act("apologize", tooLate.code, ActionBody.apology("2026-03-10"), as: world.leader),
                              .conflict, code: "apology-too-late")
            try await expectUnchanged(tooLate.code, before, env)

            // The last working day before the due date: allowed, to a later working day.
            clock.set(vn: "2026-03-04", "16:00")
            before = try await env.dossierState(onTimeApology.code)
            for (date, _) in [("2026-03-05", "not after the due date"), ("2026-03-04", "before"), ("2026-03-07", "a Saturday")] {
                let response = try await client.act("apologize", onTimeApology.code, ActionBody.apology(date), as: world.leader)
                try expectProblem(response, .unprocessableContent, code: "validation-failed", invalidParams: ["newAppointmentDate"])
            }
            try await expectUnchanged(onTimeApology.code, before, env)
            let apologized = try await client.perform("apologize", onTimeApology.code, ActionBody.apology("2026-03-09"), as: world.leader)
            #expect(apologized.apologized && apologized.appointmentDate == "2026-03-09" && apologized.dueDate == "2026-03-05")
            before = try await env.dossierState(onTimeApology.code)
            try expectProblem(try await client.act("apologize", onTimeApology.code, ActionBody.apology("2026-03-10"), as: world.leader),
                              .conflict, code: "apology-limit")
            try await expectUnchanged(onTimeApology.code, before, env)
            // Scoring still uses the original due date; the citizen sees the new appointment.
            clock.set(vn: "2026-03-06", "09:00")
            #expect(try await client.dossier(onTimeApology.code, as: world.leader).timeliness == .overdue)
            let publicView = try await client.get("/v1/public/dossiers/\(onTimeApology.code)?lookupKey=\(onTimeApology.lookupKey)")
            let body = try publicView.decode(JSONObject.self)
            #expect(body["appointmentDate"]?.string == "2026-03-09" && body["dueDate"]?.string == "2026-03-05")

            // Due Wednesday 11 March: Tuesday 10 is the last day; the weekend before a Monday due date is too late.
            clock.set(vn: "2026-03-10", "16:30")
            #expect(try await client.act("apologize", mondayDue.code, ActionBody.apology("2026-03-12"), as: world.leader).status == .ok)
        }
    }

    @Test func apologyOnTheWeekendBeforeAMondayDueDateIsTooLate() async throws {
        // Received Tuesday 3 March after the cut-off: starts Wednesday 4, due Monday 9 March.
        let clock = ManualClock(Instant.vn("2026-03-03", "15:30"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await client.file(world.body(), as: world.reception)
            #expect(dossier.startDate == "2026-03-04" && dossier.dueDate == "2026-03-09")
            clock.set(vn: "2026-03-07", "09:00")
            try expectProblem(try await client.act("apologize", dossier.code, ActionBody.apology("2026-03-10"), as: world.leader),
                              .conflict, code: "apology-too-late")
            clock.set(vn: "2026-03-06", "16:59")
            #expect(try await client.act("apologize", dossier.code, ActionBody.apology("2026-03-10"), as: world.leader).status == .ok)
        }
    }

    /// The sweeper: online dossiers past acceptBy get one `accept-deadline-breached` event, incomplete
    /// ones past their window are closed, and dossiers due within a working day are flagged once.
    @Test func sweepMarksBreachesClosesIncompleteAndFlagsDueSoon() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "08:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let store = DossierStore(pool: env.pool)
            let calendar = WorkCalendar.standard
            let online = try await client.file(world.body(channel: "online"), as: world.portal)
            #expect(online.acceptBy == Instant.vn("2026-03-03", "08:00"))
            let incomplete = try await client.file(world.body(channel: "online", documents: ["TK01"]), as: world.portal)
            try await client.perform("request-supplement", incomplete.code, ActionBody.supplement(), as: world.reception)
            let due = try await client.file(world.body(), as: world.reception)  // due 5 March
            let apologized = try await client.file(world.body(), as: world.reception)
            try await client.perform("apologize", apologized.code, ActionBody.apology("2026-03-09"), as: world.leader)

            func sweep(_ date: String, _ time: String) async throws -> DossierStore.SweepResult {
                try await store.sweep(now: Instant.vn(date, time), calendar: calendar, province: world.province.code)
            }
            #expect(try await sweep("2026-03-03", "07:59") == .init())
            let onlineBefore = try await env.dossierState(online.code)
            var result = try await sweep("2026-03-03", "08:01")
            #expect(result.acceptBreaches == 1 && result.closedIncomplete == 0 && result.dueSoon == 0)
            let breached = try await env.dossierState(online.code)
            #expect(breached.status == 1 && breached.version == onlineBefore.version + 1 && breached.events == onlineBefore.events + 1)
            let events = try await client.history(online.code, as: world.reception)
            #expect(events.last?.type == "accept-deadline-breached" && events.last?.actor == nil)
            #expect(try await sweep("2026-03-03", "09:00") == .init())

            // Due within one working day: flagged on Wednesday for Thursday, once; not when apologised.
            result = try await sweep("2026-03-04", "08:00")
            #expect(result.dueSoon == 1 && result.acceptBreaches == 0)
            #expect(try await env.eventCount(due.code, type: "due-soon") == 1)
            #expect(try await env.eventCount(apologized.code, type: "due-soon") == 0)
            #expect(try await sweep("2026-03-05", "08:00") == .init())

            // The completion request was on 2 March: 15 working days later, at the close of 23 March.
            let expiry = DeadlineClock(calendar: calendar).onlineIncompleteExpiry(submittedOrRequestedAt: Instant.vn("2026-03-02", "08:00"))
            #expect(expiry.dueDate == LocalDate(2026, 3, 23))
            #expect(try await sweep("2026-03-23", "16:00").closedIncomplete == 0)
            result = try await sweep("2026-03-23", "17:01")
            #expect(result.closedIncomplete == 1)
            let closed = try await client.dossier(incomplete.code, as: world.reception)
            #expect(closed.status == .refused && closed.finishedAt != nil)
            let closedHistory = try await client.history(incomplete.code, as: world.reception)
            #expect(closedHistory.last?.type == "closed-incomplete" && closedHistory.last?.fromStatus == "submitted"
                    && closedHistory.last?.toStatus == "refused" && closedHistory.last?.reason != nil)
            #expect(try await sweep("2026-03-30", "17:01") == .init())
            #expect(try await env.eventCount(online.code, type: "accept-deadline-breached") == 1)
        }
    }

    /// Two sweeps at once never mark a dossier twice.
    @Test func concurrentSweepsWriteOneEventPerDossier() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "08:00"))
        try await withTestApp(clock: clock.serverClock, environment: ["MOTCUA_DB_POOL_SIZE": "8", "MOTCUA_DB_POOL_TIMEOUT_MS": "30000"]) { client, env in
            let world = try await env.makeDossierWorld()
            var online: [String] = []
            var counter: [String] = []
            for _ in 0..<25 {
                online.append(try await client.file(world.body(channel: "online"), as: world.portal).code)
                counter.append(try await client.file(world.body(), as: world.reception).code)
            }
            let store = DossierStore(pool: env.pool)
            let now = Instant.vn("2026-03-04", "08:00")
            let province = world.province.code
            let results = try await withThrowingTaskGroup(of: DossierStore.SweepResult.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await store.sweep(now: now, calendar: .standard, batch: 7, province: province) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Small batches: sweep until nothing is left, as the sweeper's next runs would.
            var rest = try await store.sweep(now: now, calendar: .standard, batch: 7, province: province)
            var total = results.reduce(0) { $0 + $1.acceptBreaches + $1.dueSoon } + rest.acceptBreaches + rest.dueSoon
            while rest != .init() {
                rest = try await store.sweep(now: now, calendar: .standard, batch: 7, province: province)
                total += rest.acceptBreaches + rest.dueSoon
            }
            #expect(total == 50)
            for code in online { #expect(try await env.eventCount(code, type: "accept-deadline-breached") == 1) }
            for code in counter { #expect(try await env.eventCount(code, type: "due-soon") == 1) }
        }
    }
}
