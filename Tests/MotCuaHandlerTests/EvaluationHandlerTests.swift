import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaFoundation
import MotCuaServer
@testable import MotCuaStore
import MotCuaTestSupport
import Testing

/// What the evaluation handlers make of the figures the store aggregates: the period, the ranking,
/// the officers' order, the weekly series, JSON or CSV in English or Vietnamese. On scripted figures
/// (`ScriptedEvaluations`) without a database; the aggregates are tested against PostgreSQL.
@Suite struct EvaluationHandlerTests {
    /// Wednesday 18 March 2026, 10:00 in Vietnam.
    static let now = LocalDate(iso: "2026-03-18")!.instant(at: LocalTime(iso: "10:00")!)

    static func figures(_ unit: String, dossiers: Int, onTime: Int) -> UnitFigures {
        var figures = UnitFigures(unit: unit, unitName: "Xã \(unit)")
        figures.dossiers = dossiers
        figures.received = dossiers
        figures.finished = dossiers
        figures.timeliness = [.onTime: onTime, .late: dossiers - onTime]
        return figures
    }

    @Test func theDefaultPeriodIsThisMonthUpToTodayJudgedNow() async throws {
        let asked = LockedValue<(Date, Date, Date)?>(nil)
        var evaluations = ScriptedEvaluations()
        evaluations.unitFigures = { units, start, end, asOf in
            asked.withLock { $0 = (start, end, asOf) }
            guard case .one(let code) = units else { return [] }
            return [Self.figures(code, dossiers: 4, onTime: 3)]
        }
        try await withTestApp(storage: .memory, evaluations: evaluations, clock: ManualClock(Self.now).serverClock) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let report = try expectJSON(
                try await client.get("/v1/evaluations/units/\(province.commune)", token: leader.token), as: Components.Schemas.UnitEvaluation.self)
            #expect(report.from == "2026-03-01" && report.to == "2026-03-18" && report.dossiers == 4 && report.onTimeRate?.value == 0.75)
            let (start, end, asOf) = try #require(asked.value)
            #expect(start == LocalDate(iso: "2026-03-01")!.startInstant && end == LocalDate(iso: "2026-03-19")!.startInstant && asOf == Self.now)

            let backwards = try await client.get("/v1/evaluations/units/\(province.commune)?from=2026-03-10&to=2026-03-01", token: leader.token)
            try expectProblem(backwards, .unprocessableContent, code: "validation-failed", invalidParams: ["to"])
        }
    }

    @Test func theRankingPutsTheBestFirstWithTiesByCodeAsJSONOrCSVInEitherLanguage() async throws {
        var evaluations = ScriptedEvaluations()
        evaluations.unitFigures = { units, _, _, _ in
            guard case .province(let province) = units else { return [] }
            return [
                Self.figures("\(province).02", dossiers: 10, onTime: 5), Self.figures("\(province).03", dossiers: 10, onTime: 9),
                Self.figures("\(province).01", dossiers: 10, onTime: 5),
            ]
        }
        try await withTestApp(storage: .memory, evaluations: evaluations, clock: ManualClock(Self.now).serverClock) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province, national: false)
            let ranking = try expectJSON(try await client.get("/v1/evaluations/units", token: admin.token), as: Components.Schemas.UnitRanking.self)
            #expect(ranking.items.map(\.rank) == [1, 2, 3])
            #expect(ranking.items.map(\.evaluation.unit) == ["\(province.code).03", "\(province.code).01", "\(province.code).02"])

            let csv = try await client.get("/v1/evaluations/units", token: admin.token, headers: [.accept: "text/csv"])
            let lines = csv.text.split(separator: "\r\n").map(String.init)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true && lines.count == 4)
            #expect(lines.first?.hasPrefix("\u{FEFF}rank,unit,unit_name,from,to,dossiers") == true, "with a BOM, for spreadsheets")
            #expect(lines[1].hasPrefix("1,\(province.code).03,Xã \(province.code).03,2026-03-01,2026-03-18,10,"))
            let vietnamese = try await client.get("/v1/evaluations/units?lang=vi", token: admin.token, headers: [.accept: "text/csv"])
            #expect(vietnamese.text.hasPrefix("\u{FEFF}Hạng,Mã đơn vị,Tên đơn vị"))
        }
    }

    @Test func officersComeWorstFirstForTheCurrentWeekUnlessOneIsAsked() async throws {
        let weeks = LockedValue<[IsoWeek]>([])
        var evaluations = ScriptedEvaluations()
        evaluations.officerFigures = { _, week, _ in
            weeks.withLock { $0.append(week) }
            return [
                .sample("dung", week: week, due: 4, onTime: 4), .sample("an", week: week, due: 4, onTime: 2),
                .sample("binh", week: week, due: 0, onTime: 0), .sample("chi", week: week, due: 4, onTime: 2, openOverdue: 1),
            ]
        }
        try await withTestApp(storage: .memory, evaluations: evaluations, clock: ManualClock(Self.now).serverClock) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let path = "/v1/evaluations/officers?unit=\(province.commune)"
            let officers = try expectJSON(try await client.get(path, token: leader.token), as: Components.Schemas.OfficerEvaluations.self)
            #expect(officers.week == "2026-W12" && officers.items.map(\.username) == ["an", "chi", "dung", "binh"])
            #expect(officers.unitCompletionRate?.value == 8.0 / 12.0 && officers.items.last?.completionRate?.value == nil)
            _ = try await client.get(path + "&week=2026-W02", token: leader.token)
            #expect(weeks.value.map(\.description) == ["2026-W12", "2026-W02"])
            try expectProblem(try await client.get(path + "&week=2026-W54", token: leader.token), .unprocessableContent, code: "validation-failed")
        }
    }

    @Test func theWeeklySeriesHasOneRowPerWeekTouchingThePeriod() async throws {
        let asked = LockedValue<[String]>([])
        var evaluations = ScriptedEvaluations()
        evaluations.officerFigures = { _, week, _ in
            asked.withLock { $0.append(week.description) }
            return [.sample("an", week: week, due: 2, onTime: 1)]
        }
        try await withTestApp(storage: .memory, evaluations: evaluations, clock: ManualClock(Self.now).serverClock) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let series = try expectJSON(
                try await client.get("/v1/evaluations/weekly?unit=\(province.commune)&from=2026-03-04&to=2026-03-16", token: leader.token),
                as: Components.Schemas.WeeklyEvaluations.self)
            #expect(series.items.map(\.monday) == ["2026-03-02", "2026-03-09", "2026-03-16"])
            #expect(series.items.allSatisfy { $0.stepsDue == 2 && $0.stepsCompletedOnTime == 1 && $0.completionRate?.value == 0.5 })
            #expect(asked.value == ["2026-W10", "2026-W11", "2026-W12"])
        }
    }
}
