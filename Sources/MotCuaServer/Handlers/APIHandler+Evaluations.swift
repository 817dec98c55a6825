import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore
import OpenAPIRuntime

/// The evaluation reports. Officers see their own unit; admin, portal and auditor their province.
extension APIHandler {
    func getUnitEvaluation(_ input: Operations.GetUnitEvaluation.Input) async throws -> Operations.GetUnitEvaluation.Output {
        let unit = try await evaluableUnit(input.path.unitCode, leadersOnly: false)
        let period = try EvaluationPeriod(from: input.query.from, to: input.query.to, now: clock.now)
        let figures = try await evaluations.unitFigures(.one(unit.code), start: period.start, end: period.end, asOf: period.asOf)
        let report = Components.Schemas.UnitEvaluation(figures[0], period: period)
        if Self.wantsCSV(input.headers.accept.map(\.contentType)) {
            return .ok(.init(body: .csv(CSVTable.body(ReportColumns.unit, [report], vietnamese: input.query.lang == .vi))))
        }
        return .ok(.init(body: .json(report)))
    }

    func rankUnits(_ input: Operations.RankUnits.Input) async throws -> Operations.RankUnits.Output {
        let principal = try self.principal
        try principal.authorizeProvinceRanking()
        let period = try EvaluationPeriod(from: input.query.from, to: input.query.to, now: clock.now)
        let figures = try await evaluations.unitFigures(.province(principal.province), start: period.start, end: period.end, asOf: period.asOf)
        // Highest scaled index first, then on-time rate; ties by unit code.
        let ranked = figures.map { Components.Schemas.UnitEvaluation($0, period: period) }.sorted { a, b in
            (a.index766.scaledPoints?.value ?? -1, a.onTimeRate?.value ?? -1, b.unit)
                > (b.index766.scaledPoints?.value ?? -1, b.onTimeRate?.value ?? -1, a.unit)
        }
        let items = ranked.enumerated().map { Components.Schemas.UnitRanking.ItemsPayloadPayload(rank: $0.offset + 1, evaluation: $0.element) }
        if Self.wantsCSV(input.headers.accept.map(\.contentType)) {
            return .ok(.init(body: .csv(CSVTable.body(ReportColumns.ranking, items, vietnamese: input.query.lang == .vi))))
        }
        return .ok(.init(body: .json(.init(
            province: principal.province, from: period.from.description, to: period.to.description,
            items: items))))
    }

    func getOfficerEvaluations(_ input: Operations.GetOfficerEvaluations.Input) async throws -> Operations.GetOfficerEvaluations.Output {
        let unit = try await evaluableUnit(input.query.unit, leadersOnly: true)
        let now = clock.now
        let week = try input.query.week.map { text in
            guard let week = IsoWeek(iso: text) else { throw APIError.validation("week", "must be an ISO week like 2026-W27") }
            return week
        } ?? IsoWeek(containing: LocalDate(vietnam: now))
        let officers = try await evaluations.officerFigures(unit: unit.code, week: week, now: now)
        let total = officers.reduce(into: (due: 0, carried: 0, onTime: 0)) {
            $0.due += $1.completion.due
            $0.carried += $1.completion.carriedOver
            $0.onTime += $1.completion.completedOnTime
        }
        let items = officers.map { officer in
            Components.Schemas.OfficerEvaluation(
                username: officer.username, fullName: officer.fullName, due: officer.completion.due,
                carriedOver: officer.completion.carriedOver, completedOnTime: officer.completion.completedOnTime,
                late: officer.completion.late, openOverdue: officer.openOverdue, completionRate: .init(officer.completion.rate))
        }.sorted { ($0.completionRate?.value ?? 2, -$0.late, $0.username) < ($1.completionRate?.value ?? 2, -$1.late, $1.username) }
        if Self.wantsCSV(input.headers.accept.map(\.contentType)) {
            return .ok(.init(body: .csv(CSVTable.body(ReportColumns.officer, items, vietnamese: input.query.lang == .vi))))
        }
        let unitRate = WeeklyCompletion(week: week, due: total.due, carriedOver: total.carried, completedOnTime: total.onTime).rate
        return .ok(.init(body: .json(.init(unit: unit.code, week: week.description, unitCompletionRate: .init(unitRate), items: items))))
    }

    func getWeeklyEvaluations(_ input: Operations.GetWeeklyEvaluations.Input) async throws -> Operations.GetWeeklyEvaluations.Output {
        let unit = try await evaluableUnit(input.query.unit, leadersOnly: false)
        let now = clock.now
        let period = try EvaluationPeriod(from: input.query.from, to: input.query.to, now: now)
        var week = IsoWeek(containing: period.from)
        var items: [Components.Schemas.WeekEvaluation] = []
        while week.monday <= period.to && items.count < 60 {
            let steps = try await evaluations.officerFigures(unit: unit.code, week: week, now: now)
            let completion = WeeklyCompletion(
                week: week, due: steps.reduce(0) { $0 + $1.completion.due }, carriedOver: steps.reduce(0) { $0 + $1.completion.carriedOver },
                completedOnTime: steps.reduce(0) { $0 + $1.completion.completedOnTime })
            let end = week.next.monday.startInstant
            let dossiers = try await evaluations.unitFigures(
                .one(unit.code), start: week.monday.startInstant, end: end, asOf: min(end, now))[0]
            items.append(.init(
                week: week.description, monday: week.monday.description, stepsDue: completion.denominator,
                stepsCompletedOnTime: completion.completedOnTime, completionRate: .init(completion.rate), dossiers: dossiers.dossiers,
                onTime: dossiers.onTime, onTimeRate: .init(Index766.rate(dossiers.onTime, dossiers.dossiers))))
            week = week.next
        }
        if Self.wantsCSV(input.headers.accept.map(\.contentType)) {
            return .ok(.init(body: .csv(CSVTable.body(ReportColumns.week, items, vietnamese: input.query.lang == .vi))))
        }
        return .ok(.init(body: .json(.init(unit: unit.code, items: items))))
    }

    func getProcedureEvaluations(_ input: Operations.GetProcedureEvaluations.Input) async throws -> Operations.GetProcedureEvaluations.Output {
        let unit = try await evaluableUnit(input.query.unit, leadersOnly: false)
        let period = try EvaluationPeriod(from: input.query.from, to: input.query.to, now: clock.now)
        let rows = try await evaluations.procedureFigures(unit: unit.code, start: period.start, end: period.end, asOf: period.asOf)
        let items = rows.map { row in
            Components.Schemas.ProcedureEvaluation(
                code: row.code, name: row.name, dossiers: row.dossiers, finished: row.finished,
                statutory: .init(value: row.statutory.value, unit: .init(row.statutory.unit)),
                averageTime: .init(row.averageTime), p90Time: .init(row.p90Time), supplementRequested: row.supplementRequested,
                supplementRate: .init(Index766.rate(row.supplementRequested, row.dossiers)),
                onTimeRate: .init(Index766.rate(row.onTime, row.dossiers)))
        }
        if Self.wantsCSV(input.headers.accept.map(\.contentType)) {
            return .ok(.init(body: .csv(CSVTable.body(ReportColumns.procedure, items, vietnamese: input.query.lang == .vi))))
        }
        return .ok(.init(body: .json(.init(unit: unit.code, from: period.from.description, to: period.to.description, items: items))))
    }

    /// The unit, when the caller may see its evaluation (`Principal.authorizeEvaluation`).
    private func evaluableUnit(_ code: String, leadersOnly: Bool) async throws -> UnitRecord {
        guard let unit = try await units.get(code) else { throw APIError.notFound("No unit \(code) in your province.") }
        try principal.authorizeEvaluation(of: unit, leadersOnly: leadersOnly)
        return unit
    }

    /// True when the client asked for CSV before JSON.
    static func wantsCSV<T: AcceptableProtocol>(_ accepted: [T]) -> Bool where T: RawRepresentable, T.RawValue == String {
        accepted.first.map { $0.rawValue.lowercased().hasPrefix("text/csv") } ?? false
    }
}
