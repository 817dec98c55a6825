import Foundation
import MotCuaDomain
@testable import MotCuaStore

/// Evaluation figures a test scripts, for testing what the handlers make of them (ranking, sorting,
/// the weekly series, CSV or JSON) without a database. Unscripted, every unit had nothing: zeros for
/// the unit asked for, no unit of a province, no officer, no procedure. The figures themselves are
/// aggregated in SQL and tested against PostgreSQL.
public struct ScriptedEvaluations: EvaluationStoring {
    public var unitFigures: @Sendable (EvaluationStore.Units, _ start: Date, _ end: Date, _ asOf: Date) async throws -> [UnitFigures] = {
        units, _, _, _ in
        if case .one(let code) = units { return [UnitFigures(unit: code, unitName: "")] }
        return []
    }
    public var officerFigures: @Sendable (_ unit: String, IsoWeek, _ now: Date) async throws -> [OfficerFigures] = { _, _, _ in [] }
    public var procedureFigures: @Sendable (_ unit: String, _ start: Date, _ end: Date, _ asOf: Date) async throws
        -> [EvaluationStore.ProcedureFigures] = { _, _, _, _ in [] }

    public init() {}

    public func unitFigures(_ units: EvaluationStore.Units, start: Date, end: Date, asOf: Date) async throws -> [UnitFigures] {
        try await unitFigures(units, start, end, asOf)
    }

    public func officerFigures(unit: String, week: IsoWeek, now: Date) async throws -> [OfficerFigures] {
        try await officerFigures(unit, week, now)
    }

    public func procedureFigures(unit: String, start: Date, end: Date, asOf: Date) async throws -> [EvaluationStore.ProcedureFigures] {
        try await procedureFigures(unit, start, end, asOf)
    }
}

extension OfficerFigures {
    /// An officer's week: `due` steps due (with `carriedOver` from earlier weeks), `onTime` of them completed in time.
    public static func sample(
        _ username: String, week: IsoWeek, due: Int, carriedOver: Int = 0, onTime: Int, openOverdue: Int = 0
    ) -> OfficerFigures {
        OfficerFigures(
            username: username, fullName: "Cán bộ \(username)",
            completion: WeeklyCompletion(week: week, due: due, carriedOver: carriedOver, completedOnTime: onTime), openOverdue: openOverdue)
    }
}
