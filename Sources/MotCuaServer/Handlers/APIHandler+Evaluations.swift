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
            var table = UnitReportCSV.table()
            table.append(UnitReportCSV.row(report))
            return .ok(.init(body: .csv(table.body(vietnamese: input.query.lang == .vi))))
        }
        return .ok(.init(body: .json(report)))
    }

    func rankUnits(_ input: Operations.RankUnits.Input) async throws -> Operations.RankUnits.Output {
        let principal = try self.principal
        guard principal.isProvinceWide else { throw APIError.forbidden("The province ranking is for admin, portal and auditor accounts.") }
        let period = try EvaluationPeriod(from: input.query.from, to: input.query.to, now: clock.now)
        let figures = try await evaluations.unitFigures(.province(principal.province), start: period.start, end: period.end, asOf: period.asOf)
        // Highest scaled index first, then on-time rate; ties by unit code.
        let ranked = figures.map { Components.Schemas.UnitEvaluation($0, period: period) }.sorted { a, b in
            (a.index766.scaledPoints?.value ?? -1, a.onTimeRate?.value ?? -1, b.unit)
                > (b.index766.scaledPoints?.value ?? -1, b.onTimeRate?.value ?? -1, a.unit)
        }
        if Self.wantsCSV(input.headers.accept.map(\.contentType)) {
            var table = UnitReportCSV.table(ranked: true)
            for (index, report) in ranked.enumerated() { table.append([String(index + 1)] + UnitReportCSV.row(report)) }
            return .ok(.init(body: .csv(table.body(vietnamese: input.query.lang == .vi))))
        }
        return .ok(.init(body: .json(.init(
            province: principal.province, from: period.from.description, to: period.to.description,
            items: ranked.enumerated().map { .init(rank: $0.offset + 1, evaluation: $0.element) }))))
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
            var table = CSVTable([
                ("username", "Tài khoản"), ("full_name", "Họ và tên"), ("due", "Số việc đến hạn"), ("carried_over", "Quá hạn tuần trước"),
                ("completed_on_time", "Hoàn thành đúng hạn"), ("late", "Trễ hạn"), ("open_overdue", "Đang quá hạn"),
                ("completion_rate", "Tỷ lệ hoàn thành"),
            ])
            for item in items {
                table.append([
                    item.username, item.fullName, String(item.due), String(item.carriedOver), String(item.completedOnTime),
                    String(item.late), String(item.openOverdue), CSVTable.number(item.completionRate),
                ])
            }
            return .ok(.init(body: .csv(table.body(vietnamese: input.query.lang == .vi))))
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
            var table = CSVTable([
                ("week", "Tuần"), ("monday", "Từ ngày"), ("steps_due", "Số việc đến hạn"), ("steps_on_time", "Việc hoàn thành đúng hạn"),
                ("completion_rate", "Tỷ lệ hoàn thành"), ("dossiers", "Số hồ sơ"), ("on_time", "Hồ sơ đúng hạn"), ("on_time_rate", "Tỷ lệ đúng hạn"),
            ])
            for item in items {
                table.append([
                    item.week, item.monday, String(item.stepsDue), String(item.stepsCompletedOnTime), CSVTable.number(item.completionRate),
                    String(item.dossiers), String(item.onTime), CSVTable.number(item.onTimeRate),
                ])
            }
            return .ok(.init(body: .csv(table.body(vietnamese: input.query.lang == .vi))))
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
                statutory: .init(value: row.statutory.value, unit: .init(rawValue: row.statutory.unit.rawValue)!),
                averageTime: .init(row.averageTime), p90Time: .init(row.p90Time), supplementRequested: row.supplementRequested,
                supplementRate: .init(Index766.rate(row.supplementRequested, row.dossiers)),
                onTimeRate: .init(Index766.rate(row.onTime, row.dossiers)))
        }
        if Self.wantsCSV(input.headers.accept.map(\.contentType)) {
            var table = CSVTable([
                ("code", "Mã thủ tục"), ("name", "Tên thủ tục"), ("dossiers", "Số hồ sơ"), ("finished", "Đã giải quyết"),
                ("statutory", "Thời hạn luật định"), ("unit", "Đơn vị thời gian"), ("average_time", "Thời gian trung bình"),
                ("p90_time", "Thời gian P90"), ("supplement_rate", "Tỷ lệ yêu cầu bổ sung"), ("on_time_rate", "Tỷ lệ đúng hạn"),
            ])
            for item in items {
                table.append([
                    item.code, item.name, String(item.dossiers), String(item.finished), String(item.statutory.value),
                    item.statutory.unit.rawValue, CSVTable.number(item.averageTime), CSVTable.number(item.p90Time),
                    CSVTable.number(item.supplementRate), CSVTable.number(item.onTimeRate),
                ])
            }
            return .ok(.init(body: .csv(table.body(vietnamese: input.query.lang == .vi))))
        }
        return .ok(.init(body: .json(.init(unit: unit.code, from: period.from.description, to: period.to.description, items: items))))
    }

    /// The unit, when the caller may see its evaluation: province-wide accounts of its province, or
    /// officers of the unit (its leaders only, with `leadersOnly`). Others get 404 or 403.
    private func evaluableUnit(_ code: String, leadersOnly: Bool) async throws -> UnitRecord {
        let principal = try self.principal
        guard let unit = try await units.get(code), unit.province == principal.province else {
            throw APIError.notFound("No unit \(code) in your province.")
        }
        if principal.isProvinceWide { return unit }
        guard principal.unitCode == unit.code, !leadersOnly || principal.roles.contains(.leader) else {
            throw APIError.forbidden(leadersOnly ? "Only the unit's leaders see its officers' figures." : "Officers see their own unit's evaluation only.")
        }
        return unit
    }

    /// True when the client asked for CSV before JSON.
    static func wantsCSV<T: AcceptableProtocol>(_ accepted: [T]) -> Bool where T: RawRepresentable, T.RawValue == String {
        accepted.first.map { $0.rawValue.lowercased().hasPrefix("text/csv") } ?? false
    }
}

/// The unit report's CSV columns, shared by the single report and the ranking.
enum UnitReportCSV {
    static func table(ranked: Bool = false) -> CSVTable {
        CSVTable((ranked ? [("rank", "Hạng")] : []) + [
            ("unit", "Mã đơn vị"), ("unit_name", "Tên đơn vị"), ("from", "Từ ngày"), ("to", "Đến ngày"), ("dossiers", "Tổng số hồ sơ"),
            ("received", "Tiếp nhận mới"), ("finished", "Đã giải quyết"), ("open", "Đang giải quyết"), ("early", "Trước hạn"),
            ("on_time", "Đúng hạn"), ("late", "Trễ hạn"), ("within_deadline", "Trong hạn"), ("overdue", "Quá hạn"),
            ("on_time_rate", "Tỷ lệ đúng hạn"), ("average_days", "Thời gian trung bình (ngày)"), ("supplement_requests", "Yêu cầu bổ sung"),
            ("apologies", "Thư xin lỗi"), ("online_rate", "Tỷ lệ trực tuyến"), ("online_payment_rate", "Tỷ lệ thanh toán trực tuyến"),
            ("digitisation_rate", "Tỷ lệ số hóa"), ("ratings", "Số đánh giá"), ("index_766", "Điểm 766"),
        ])
    }

    static func row(_ r: Components.Schemas.UnitEvaluation) -> [String] {
        [
            r.unit, r.unitName ?? "", r.from, r.to, String(r.dossiers), String(r.received), String(r.finished), String(r.open),
            String(r.timeliness.early), String(r.timeliness.onTime), String(r.timeliness.late), String(r.timeliness.withinDeadline),
            String(r.timeliness.overdue), CSVTable.number(r.onTimeRate), CSVTable.number(r.averageProcessingDays),
            String(r.supplementRequests), String(r.apologies), CSVTable.number(r.onlineRate), CSVTable.number(r.onlinePaymentRate),
            CSVTable.number(r.digitisationRate), String(r.ratings.count), CSVTable.number(r.index766.points),
        ]
    }
}
