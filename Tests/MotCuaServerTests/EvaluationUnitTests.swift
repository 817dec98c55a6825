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

/// The unit report, the 766 index and the province ranking on hand-built scenarios: every expected
/// figure is written here, worked out from docs/domain.md §4.
@Suite struct EvaluationUnitTests {
    func indicator(_ report: UnitReport, _ id: String) throws -> Components.Schemas.Indicator766 {
        try #require(report.index766.groups.flatMap(\.indicators).first { $0.id == id }, "no indicator \(id)")
    }

    func group(_ report: UnitReport, _ id: String) throws -> Components.Schemas.Group766 {
        try #require(report.index766.groups.first { $0.id == id }, "no group \(id)")
    }

    @Test func emptyPeriodIsNotApplicableEverywhere() async throws {
        let clock = ManualClock(Instant.vn("2026-03-20", "10:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeEvaluationWorld()
            // A dossier in April and one finished in February do not touch March.
            clock.set(vn: "2026-02-02")
            let february = try await client.file(world.body(), as: world.reception)
            try await client.perform("assign", february.code, ActionBody.assign(world.specialist), as: world.leader)
            try await client.perform("resolve", february.code, ActionBody.resolve, as: world.leader)
            clock.set(vn: "2026-04-01")
            _ = try await client.file(world.body(), as: world.reception)
            clock.set(vn: "2026-04-10")

            let report = try await client.unitReport(world.unitA, from: "2026-03-01", to: "2026-03-31", as: world.leader)
            #expect(report.unit == world.unitA && report.from == "2026-03-01" && report.to == "2026-03-31")
            #expect(report.asOf == Instant.vn("2026-04-01", "00:00"))
            #expect(report.dossiers == 0 && report.received == 0 && report.finished == 0 && report.open == 0)
            #expect(report.byStatus.additionalProperties.isEmpty)
            let t = report.timeliness
            #expect([t.early, t.onTime, t.late, t.withinDeadline, t.overdue] == [Int](repeating: 0, count: 5))
            #expect(report.onTimeRate == nil && report.onlineRate == nil && report.onlinePaymentRate == nil && report.digitisationRate == nil)
            #expect(report.averageProcessingDays == nil && report.p90ProcessingDays == nil)
            #expect(report.supplementRequests == 0 && report.dossiersWithSeveralSupplements == 0 && report.apologies == 0)
            #expect(report.ratings.count == 0 && report.ratings.averageTotal == nil)
            #expect(report.ratings.bands.additionalProperties.values.allSatisfy { $0 == 0 })
            // No ratings: no satisfaction share is claimed (neither 0% nor 100%).
            #expect(report.ratings.satisfaction.additionalProperties.values.allSatisfy { $0?.value == nil }, "\(report.ratings.satisfaction)")
            // "Not applicable" is an explicit JSON null, never a left-out field (issue 16).
            let raw = try await client.get("/v1/evaluations/units/\(world.unitA)?from=2026-03-01&to=2026-03-31", token: world.leader.token)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(raw.text.utf8)) as? [String: Any])
            for field in ["onTimeRate", "averageProcessingDays", "p90ProcessingDays", "onlineRate", "onlinePaymentRate", "digitisationRate"] {
                #expect(json[field] is NSNull, "\(field): \(json[field] ?? "left out")")
            }
            let ratings = try #require(json["ratings"] as? [String: Any])
            #expect(ratings["averageTotal"] is NSNull)
            #expect((ratings["satisfaction"] as? [String: Any])?.count == 3)
            #expect((ratings["satisfaction"] as? [String: Any])?.values.allSatisfy { $0 is NSNull } == true)
            let index = try #require(json["index766"] as? [String: Any])
            #expect(index["points"] is NSNull && index["scaledPoints"] is NSNull)
            for group in try #require(index["groups"] as? [[String: Any]]) {
                #expect(group["points"] is NSNull)
                for indicator in try #require(group["indicators"] as? [[String: Any]]) {
                    #expect(indicator["rate"] is NSNull && indicator["points"] is NSNull && indicator.keys.contains("threshold"), "\(indicator)")
                }
            }
            #expect(report.index766.points?.value == nil && report.index766.maxPoints == 100 && report.index766.applicableMaxPoints == 0)
            for group in report.index766.groups {
                #expect(group.points?.value == nil, "group \(group.id)")
                for item in group.indicators {
                    #expect(item.rate?.value == nil && item.points?.value == nil, "indicator \(item.id)")
                }
            }
            // The same report as CSV: the rates are empty cells, never NaN or 0.
            let rows = try await client.csv("/v1/evaluations/units/\(world.unitA)?from=2026-03-01&to=2026-03-31", as: world.leader)
            let record = try #require(CSVReader.records(rows).first)
            #expect(rows.count == 2 && record["dossiers"] == "0")
            for column in ["on_time_rate", "average_days", "online_rate", "online_payment_rate", "digitisation_rate", "index_766"] {
                #expect(record[column] == "", "\(column): \(record[column] ?? "-")")
            }
            // The weekly series and the procedures report of an empty period.
            let weekly = try expectJSON(
                try await client.get("/v1/evaluations/weekly?unit=\(world.unitA)&from=2026-03-02&to=2026-03-08", token: world.leader.token),
                as: Components.Schemas.WeeklyEvaluations.self)
            #expect(weekly.items.map(\.week) == ["2026-W10"])
            #expect(weekly.items[0].dossiers == 0 && weekly.items[0].onTimeRate?.value == nil && weekly.items[0].completionRate?.value == nil)
            let rawWeekly = try await client.get("/v1/evaluations/weekly?unit=\(world.unitA)&from=2026-03-02&to=2026-03-08", token: world.leader.token)
            let week = try #require((try JSONSerialization.jsonObject(with: Data(rawWeekly.text.utf8)) as? [String: Any])?["items"] as? [[String: Any]])
            #expect(week.first?["completionRate"] is NSNull && week.first?["onTimeRate"] is NSNull, "\(week)")
            let rawOfficers = try await client.get("/v1/evaluations/officers?unit=\(world.unitA)&week=2026-W10", token: world.leader.token)
            let officers = try #require(try JSONSerialization.jsonObject(with: Data(rawOfficers.text.utf8)) as? [String: Any])
            #expect(officers["unitCompletionRate"] is NSNull)
            #expect((officers["items"] as? [[String: Any]])?.allSatisfy { $0["completionRate"] is NSNull } == true)
            let procedures = try expectJSON(
                try await client.get("/v1/evaluations/procedures?unit=\(world.unitA)&from=2026-03-01&to=2026-03-31", token: world.leader.token),
                as: Components.Schemas.ProcedureEvaluations.self)
            #expect(procedures.items.isEmpty)
        }
    }

    /// March 2026 in commune A: seven dossiers covering every timeliness, two supplement requests on one,
    /// an apology that does not rescue a late dossier, an online submission, an online payment, a
    /// dossier with nothing digitised and three ratings. Judged on Friday 20 March at noon.
    @Test func marchScenarioFigures() async throws {
        let clock = ManualClock(Instant.vn("2026-02-23", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeEvaluationWorld()
            let (leader, specialist, reception) = (world.leader, world.specialist, world.reception)
            // Finished in February: not in March's figures.
            let february = try await client.file(world.body(), as: reception)
            try await client.perform("assign", february.code, ActionBody.assign(specialist), as: leader)
            clock.set(vn: "2026-02-25")
            try await client.perform("resolve", february.code, ActionBody.resolve, as: leader)

            // Monday 2 March 09:00: due Thursday 5 March (3 working days).
            clock.set(vn: "2026-03-02", "09:00")
            let d1 = try await client.file(world.body(), as: reception)
            let d2 = try await client.file(world.body(), as: reception)
            let d3 = try await client.file(world.body(), as: reception)
            var notDigitised = world.body()
            notDigitised.documents = notDigitised.documents.map { var document = $0; document.digitized = false; return document }
            let d4 = try await client.file(notDigitised, as: reception)
            let d6 = try await client.file(world.body(), as: reception)
            let d7 = try await client.file(world.body(), as: reception)
            #expect([d1, d2, d3, d4, d6, d7].allSatisfy { $0.dueDate == "2026-03-05" })
            // Commune B: one dossier left untouched (overdue), for the ranking.
            _ = try await client.file(world.body(receiving: world.unitB), as: world.receptionB)
            for dossier in [d1, d2, d3, d6, d7] {
                try await client.perform("assign", dossier.code, ActionBody.assign(specialist), as: leader)
            }

            // Tuesday 3 March: d1 finished early; an apology for d7 with a new appointment on 10 March;
            // d6 asked for a supplement, supplied the next day.
            clock.set(vn: "2026-03-03", "10:00")
            #expect(try await client.perform("resolve", d1.code, ActionBody.resolve, as: leader).timeliness == .early)
            let apologised = try await client.perform("apologize", d7.code, ActionBody.apology("2026-03-10"), as: leader)
            #expect(apologised.apologized && apologised.appointmentDate == "2026-03-10" && apologised.dueDate == "2026-03-05")
            try await client.perform("request-supplement", d6.code, ActionBody.supplement(), as: specialist)
            clock.set(vn: "2026-03-04", "09:00")
            try await client.perform("supplement", d6.code, ActionBody.supplied, as: reception)
            // A second request, as another handling unit would have sent it.
            try await env.addSupplementRequest(d6.code, handlingUnit: world.unitC, at: Instant.vn("2026-03-04", "10:00"))
            #expect(try await env.supplementCount(d6.code) == 2)

            // Thursday 5 March: d2 paid through the portal, finished on its due date.
            clock.set(vn: "2026-03-05", "09:00")
            try await client.perform("request-payment", d2.code, ActionBody.paymentRequest, as: specialist)
            try await client.perform("pay", d2.code, ActionBody.Payment(amount: 8000, channel: "portal"), as: world.portal)
            clock.set(vn: "2026-03-05", "16:00")
            #expect(try await client.perform("resolve", d2.code, ActionBody.resolve, as: leader).timeliness == .onTime)
            // Friday 6 March: d3 late. Monday 9 March: d7 finished before its new appointment, still late.
            clock.set(vn: "2026-03-06", "10:00")
            #expect(try await client.perform("resolve", d3.code, ActionBody.resolve, as: leader).timeliness == .late)
            clock.set(vn: "2026-03-09", "10:00")
            let d7done = try await client.perform("resolve", d7.code, ActionBody.resolve, as: leader)
            #expect(d7done.timeliness == .late && d7done.appointmentDate == "2026-03-10")

            // Wednesday 18 March: d5 submitted online and accepted, due Monday 23 March.
            clock.set(vn: "2026-03-18", "09:00")
            let submitted = try await client.file(world.body(channel: "online"), as: world.portal)
            clock.set(vn: "2026-03-18", "09:30")
            let d5 = try await client.perform("accept", submitted.code, as: reception)
            #expect(d5.dueDate == "2026-03-23")

            // Ratings: 18 very satisfied, 9 dissatisfied, 13 satisfied.
            try await client.rate(d1, scores: Array(repeating: 2, count: 9), satisfaction: "very_satisfied")
            try await client.rate(d2, scores: Array(repeating: 1, count: 9), satisfaction: "dissatisfied")
            try await client.rate(d3, scores: [2, 2, 2, 2, 1, 1, 1, 1, 1], satisfaction: "satisfied")

            // A dossier received in April is outside March (the clock goes back afterwards).
            clock.set(vn: "2026-04-01", "09:00")
            _ = try await client.file(world.body(), as: reception)

            clock.set(vn: "2026-03-20", "12:00")
            let report = try await client.unitReport(world.unitA, from: "2026-03-01", to: "2026-03-31", as: leader)
            #expect(report.asOf == Instant.vn("2026-03-20", "12:00"))
            #expect(report.dossiers == 7 && report.received == 7 && report.finished == 4 && report.open == 3)
            #expect(report.byStatus.additionalProperties == ["resolved": 4, "received": 2, "in_progress": 1])
            let t = report.timeliness
            #expect(t.early == 1 && t.onTime == 1 && t.late == 2 && t.withinDeadline == 1 && t.overdue == 2, "\(t)")
            #expect(nearly(report.onTimeRate, 3.0 / 7))
            // Working days taken: d1 1, d2 3, d3 4, d7 5 (start Monday 2 March).
            #expect(nearly(report.averageProcessingDays, 3.25))
            #expect(nearly(report.p90ProcessingDays, 4.7))
            #expect(report.supplementRequests == 2 && report.dossiersWithSeveralSupplements == 1 && report.apologies == 1)
            #expect(report.onlineSubmitted == 1 && nearly(report.onlineRate, 1.0 / 7))
            #expect(nearly(report.onlinePaymentRate, 1.0 / 7))
            #expect(nearly(report.digitisationRate, 6.0 / 7))
            #expect(report.ratings.count == 3 && nearly(report.ratings.averageTotal, 40.0 / 3))
            #expect(report.ratings.bands.additionalProperties == ["excellent": 1, "good": 1, "fair": 1, "average": 0, "weak": 0])
            let shares = report.ratings.satisfaction.additionalProperties
            for level in ["very_satisfied", "satisfied", "dissatisfied"] {
                #expect(nearly(shares[level] ?? nil, 1.0 / 3), "\(level): \(shares)")
            }

            // The 766 index.
            let expected: [String: (rate: Double, points: Double)] = [
                "1.4": (0, 0),  // nothing delivered to the portal feed yet
                "2.1": (3.0 / 7, 14 * 3.0 / 7),
                "2.2": (12.0 / 13, 6 * 12.0 / 13),  // mean ratio 13/12 of the statutory time
                "3.3": (1.0 / 7, (1.0 / 7) * 8 / 0.5),
                "3.6": (1.0 / 7, (1.0 / 7) * 10 / 0.5),
                "4.2": (6.0 / 7, 16),  // ≥ 80%
                "5.1": (2.0 / 3, (2.0 / 3) * 6 / 0.9),
                "5.4": (2.0 / 7, (2.0 / 7) * 6 / 0.9),  // 7 − 4 late or overdue − 1 dissatisfied, of 7
            ]
            for (id, value) in expected {
                let item = try indicator(report, id)
                #expect(nearly(item.rate, value.rate) && nearly(item.points, value.points), "\(id): \(item)")
            }
            for id in ["1.1", "1.2", "1.3", "3.1", "4.1", "5.2"] {
                let item = try indicator(report, id)
                #expect(item.rate == nil && item.points == nil && item.note != nil, "\(id)")
            }
            let total = expected.values.reduce(0) { $0 + $1.points }
            #expect(nearly(report.index766.points, total), "\(report.index766.points?.value ?? -1) vs \(total)")
            #expect(report.index766.applicableMaxPoints == 6 + 14 + 6 + 8 + 10 + 16 + 6 + 6)
            #expect(nearly(try group(report, "progress").points, 6 + 72.0 / 13))

            // Commune B and C in the province ranking (admin, auditor, portal), best first.
            let ranking = try expectJSON(
                try await client.get("/v1/evaluations/units?from=2026-03-01&to=2026-03-31", token: world.auditor.token),
                as: Components.Schemas.UnitRanking.self)
            #expect(ranking.province == world.province.code)
            #expect(ranking.items.map(\.evaluation.unit) == [world.unitA, world.unitB, world.unitC])
            #expect(ranking.items.map(\.rank) == [1, 2, 3])
            let b = ranking.items[1].evaluation
            // B: one overdue dossier, digitised: only 4.2 earns points.
            #expect(b.dossiers == 1 && b.timeliness.overdue == 1 && nearly(b.index766.points, 16))
            #expect(ranking.items[2].evaluation.dossiers == 0 && ranking.items[2].evaluation.index766.points == nil)
            #expect(nearly(ranking.items[0].evaluation.index766.points, total))
            for user in [world.admin, world.portal] {
                #expect(try await client.get("/v1/evaluations/units?from=2026-03-01&to=2026-03-31", token: user.token).status == .ok)
            }
            // The province's accounts see any commune's report.
            #expect(try await client.unitReport(world.unitB, from: "2026-03-01", to: "2026-03-31", as: world.admin).dossiers == 1)

            // The procedures report: one procedure, 7 dossiers, 4 finished (1, 3, 4, 5 working days).
            let procedures = try expectJSON(
                try await client.get("/v1/evaluations/procedures?unit=\(world.unitA)&from=2026-03-01&to=2026-03-31", token: leader.token),
                as: Components.Schemas.ProcedureEvaluations.self)
            let row = try #require(procedures.items.first)
            #expect(procedures.items.count == 1 && row.code == world.procedureCode)
            #expect(row.dossiers == 7 && row.finished == 4 && row.statutory.value == 3 && row.statutory.unit == .workingDays)
            #expect(nearly(row.averageTime, 3.25) && nearly(row.p90Time, 4.7))
            #expect(row.supplementRequested == 1 && nearly(row.supplementRate, 1.0 / 7) && nearly(row.onTimeRate, 3.0 / 7))

            // A period that ended before now is judged at its end. Week 10 (2-8 March): d7 finished only on
            // 9 March, so at the end of Sunday 8 March it is open and overdue like d4 and d6.
            let week10 = try await client.unitReport(world.unitA, from: "2026-03-02", to: "2026-03-08", as: leader)
            #expect(week10.asOf == Instant.vn("2026-03-09", "00:00"))
            #expect(week10.dossiers == 6 && week10.finished == 3 && week10.open == 3)
            #expect(week10.timeliness.early == 1 && week10.timeliness.onTime == 1 && week10.timeliness.late == 1)
            #expect(week10.timeliness.overdue == 3 && week10.timeliness.withinDeadline == 0)
        }
    }

    /// Supplement waiting time is excluded (766 indicator 2.1): a dossier waiting for the applicant is
    /// judged as it stood when the wait began, as its own view shows it.
    @Test func supplementWaitIsExcluded() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeEvaluationWorld()
            let waiting = try await client.file(world.body(), as: world.reception)  // due 5 March
            let lateRequest = try await client.file(world.body(), as: world.reception)
            for dossier in [waiting, lateRequest] {
                try await client.perform("assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader)
            }
            clock.set(vn: "2026-03-04", "10:00")
            try await client.perform("request-supplement", waiting.code, ActionBody.supplement(), as: world.specialist)
            // Asked only after the due date: already overdue when the wait began.
            clock.set(vn: "2026-03-06", "10:00")
            try await client.perform("request-supplement", lateRequest.code, ActionBody.supplement(), as: world.specialist)
            clock.set(vn: "2026-03-20", "10:00")
            #expect(try await client.dossier(waiting.code, as: world.leader).timeliness == .withinDeadline)
            #expect(try await client.dossier(lateRequest.code, as: world.leader).timeliness == .overdue)
            let report = try await client.unitReport(world.unitA, from: "2026-03-01", to: "2026-03-31", as: world.leader)
            #expect(report.dossiers == 2 && report.open == 2 && report.supplementRequests == 2 && report.dossiersWithSeveralSupplements == 0)
            #expect(report.timeliness.withinDeadline == 1 && report.timeliness.overdue == 1, "\(report.timeliness)")
            #expect(nearly(report.onTimeRate, 0.5))
            let procedures = try expectJSON(
                try await client.get("/v1/evaluations/procedures?unit=\(world.unitA)&from=2026-03-01&to=2026-03-31", token: world.leader.token),
                as: Components.Schemas.ProcedureEvaluations.self)
            #expect(nearly(procedures.items.first?.onTimeRate, 0.5) && nearly(procedures.items.first?.supplementRate, 1))
            // Judged at 3 March (before the wait): both within deadline.
            let early = try await client.unitReport(world.unitA, from: "2026-03-02", to: "2026-03-02", as: world.leader)
            #expect(early.timeliness.withinDeadline == 2)
        }
    }

    @Test func accessToReports() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeEvaluationWorld()
            let other = try await env.makeProvince(communes: 1)
            let period = "from=2026-03-01&to=2026-03-31"
            // Officers see their own unit; another commune of the province is forbidden, another province not found.
            for user in [world.reception, world.specialist, world.leader] {
                #expect(try await client.get("/v1/evaluations/units/\(world.unitA)?\(period)", token: user.token).status == .ok)
                #expect(try await client.get("/v1/evaluations/weekly?unit=\(world.unitA)&\(period)", token: user.token).status == .ok)
                #expect(try await client.get("/v1/evaluations/procedures?unit=\(world.unitA)&\(period)", token: user.token).status == .ok)
                try expectProblem(
                    try await client.get("/v1/evaluations/units/\(world.unitB)?\(period)", token: user.token), .forbidden, code: "forbidden")
                try expectProblem(
                    try await client.get("/v1/evaluations/weekly?unit=\(world.unitB)&\(period)", token: user.token), .forbidden, code: "forbidden")
                try expectProblem(
                    try await client.get("/v1/evaluations/procedures?unit=\(world.unitB)&\(period)", token: user.token), .forbidden,
                    code: "forbidden")
                try expectProblem(
                    try await client.get("/v1/evaluations/units/\(other.commune)?\(period)", token: user.token), .notFound, code: "not-found")
                // The ranking is for province-wide accounts only.
                try expectProblem(try await client.get("/v1/evaluations/units?\(period)", token: user.token), .forbidden, code: "forbidden")
            }
            // Officers' figures: the unit's leaders only.
            #expect(try await client.get("/v1/evaluations/officers?unit=\(world.unitA)&week=2026-W10", token: world.leader.token).status == .ok)
            for user in [world.reception, world.specialist] {
                try expectProblem(
                    try await client.get("/v1/evaluations/officers?unit=\(world.unitA)&week=2026-W10", token: user.token), .forbidden,
                    code: "forbidden")
            }
            try expectProblem(
                try await client.get("/v1/evaluations/officers?unit=\(world.unitB)&week=2026-W10", token: world.leader.token), .forbidden,
                code: "forbidden")
            try expectProblem(
                try await client.get("/v1/evaluations/officers?unit=\(other.commune)&week=2026-W10", token: world.leader.token), .notFound,
                code: "not-found")
            // Province-wide accounts: every unit of their province, none of another.
            for user in [world.admin, world.auditor, world.portal] {
                #expect(try await client.get("/v1/evaluations/units/\(world.unitB)?\(period)", token: user.token).status == .ok)
                #expect(try await client.get("/v1/evaluations/officers?unit=\(world.unitB)&week=2026-W10", token: user.token).status == .ok)
                #expect(try await client.get("/v1/evaluations/units?\(period)", token: user.token).status == .ok)
                try expectProblem(
                    try await client.get("/v1/evaluations/units/\(other.commune)?\(period)", token: user.token), .notFound, code: "not-found")
            }
            // No token.
            #expect(try await client.get("/v1/evaluations/units/\(world.unitA)?\(period)").status == .unauthorized)
            // Bad parameters.
            try expectProblem(
                try await client.get("/v1/evaluations/units/\(world.unitA)?from=2026-03-31&to=2026-03-01", token: world.leader.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["to"])
        }
    }

    @Test func csvCellsASpreadsheetWouldRunAsFormulasStayText() async throws {
        try await withTestApp(clock: ManualClock(Instant.vn("2026-03-02", "09:00")).serverClock) { client, env in
            let world = try await env.makeEvaluationWorld()
            let unitName = "=HYPERLINK(\"http://evil.example\",\"Xã\")"
            _ = try await env.pool.execute("UPDATE units SET name = \(unitName) WHERE code = \(world.unitA)")
            let path = "/v1/evaluations/units/\(world.unitA)?from=2026-03-01&to=2026-03-31"
            let record = CSVReader.records(try await client.csv(path, as: world.leader))[0]
            #expect(record["unit_name"] == "'" + unitName)
            #expect(record["dossiers"] == "0")
        }
    }

    @Test func csvExportQuotesAndTranslates() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeEvaluationWorld()
            let unitName = "Xã \"Hòa Bình\", huyện Đông Anh"
            _ = try await env.pool.execute("UPDATE units SET name = \(unitName) WHERE code = \(world.unitA)")
            var body = TestEnvironment.evaluationProcedureBody()
            body.name = "Đăng ký kết hôn, có yếu tố \"nước ngoài\""
            let procedure = try await env.publishProcedure(body, as: world.admin)
            var filed = world.body()
            filed.procedureCode = procedure.code
            let early = try await client.file(filed, as: world.reception)
            let open = try await client.file(world.body(), as: world.reception)
            try await client.perform("assign", early.code, ActionBody.assign(world.specialist), as: world.leader)
            clock.set(vn: "2026-03-03", "10:00")
            try await client.perform("resolve", early.code, ActionBody.resolve, as: world.leader)
            _ = open
            clock.set(vn: "2026-03-10", "10:00")

            let path = "/v1/evaluations/units/\(world.unitA)?from=2026-03-01&to=2026-03-31"
            let english = try await client.csv(path, as: world.leader)
            #expect(english.count == 2)
            #expect(english[0].prefix(5) == ["unit", "unit_name", "from", "to", "dossiers"])
            #expect(english[0].count == english[1].count)
            let record = CSVReader.records(english)[0]
            #expect(record["unit"] == world.unitA && record["unit_name"] == unitName)
            #expect(record["from"] == "2026-03-01" && record["to"] == "2026-03-31")
            #expect(record["dossiers"] == "2" && record["finished"] == "1" && record["open"] == "1")
            #expect(record["early"] == "1" && record["overdue"] == "1" && record["on_time_rate"] == "0.5")
            #expect(record["average_days"] == "1" && record["digitisation_rate"] == "1" && record["online_rate"] == "0")
            // The raw text quotes the name as RFC 4180 says.
            let raw = try await client.get(path, token: world.leader.token, headers: [.accept: "text/csv"]).text
            #expect(raw.contains(",\"Xã \"\"Hòa Bình\"\", huyện Đông Anh\","), "\(raw)")

            let vietnamese = try await client.csv(path + "&lang=vi", as: world.leader)
            #expect(vietnamese[0].prefix(5) == ["Mã đơn vị", "Tên đơn vị", "Từ ngày", "Đến ngày", "Tổng số hồ sơ"])
            #expect(vietnamese[1] == english[1])

            // The procedures report names the procedure with its comma and quotes.
            let procedures = CSVReader.records(
                try await client.csv("/v1/evaluations/procedures?unit=\(world.unitA)&from=2026-03-01&to=2026-03-31", as: world.leader))
            let row = try #require(procedures.first { $0["code"] == procedure.code })
            #expect(row["name"] == body.name && row["dossiers"] == "1" && row["finished"] == "1" && row["statutory"] == "3")
            #expect(row["unit"] == "working_days" && row["average_time"] == "1" && row["on_time_rate"] == "1")
            let viProcedures = try await client.csv(
                "/v1/evaluations/procedures?unit=\(world.unitA)&from=2026-03-01&to=2026-03-31&lang=vi", as: world.leader)
            #expect(viProcedures[0].first == "Mã thủ tục")

            // The ranking with a rank column first.
            let ranking = CSVReader.records(try await client.csv("/v1/evaluations/units?from=2026-03-01&to=2026-03-31", as: world.admin))
            #expect(ranking.map { $0["rank"] } == ["1", "2", "3"])
            #expect(ranking[0]["unit"] == world.unitA && ranking[0]["unit_name"] == unitName)
            let viRanking = try await client.csv("/v1/evaluations/units?from=2026-03-01&to=2026-03-31&lang=vi", as: world.admin)
            #expect(viRanking[0].prefix(2) == ["Hạng", "Mã đơn vị"])

            // Weekly and officers' CSV.
            let weekly = CSVReader.records(
                try await client.csv("/v1/evaluations/weekly?unit=\(world.unitA)&from=2026-03-02&to=2026-03-15", as: world.leader))
            #expect(weekly.map { $0["week"] } == ["2026-W10", "2026-W11"])
            #expect(weekly[0]["monday"] == "2026-03-02" && weekly[0]["dossiers"] == "2")
            let officers = try await client.csv("/v1/evaluations/officers?unit=\(world.unitA)&week=2026-W10&lang=vi", as: world.leader)
            #expect(officers[0].first == "Tài khoản" && officers.count == 1 + 4)  // reception, leader, two specialists
        }
    }
}
