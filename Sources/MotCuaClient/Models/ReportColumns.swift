// The column type is the server's; callers of the client name it as theirs.
@_exported import struct MotCuaFoundation.ReportColumn
import MotCuaAPI

/// The columns of the evaluation reports over the client's types: the server's own CSV columns, read
/// through the answer each type wraps, so a report printed from the client has the same headers and
/// cells as one downloaded as `text/csv`.
public enum ReportColumns {
    /// A unit's report (`evaluations.unit`).
    public static let unit = MotCuaAPI.ReportColumns.unit.map { $0.on { (row: UnitEvaluation) in row.schema } }
    /// The province ranking: the rank, then the unit's columns.
    public static let ranking = MotCuaAPI.ReportColumns.ranking.map { $0.on { (row: UnitRanking.Entry) in row.schema } }
    /// Officers' task completion.
    public static let officer = MotCuaAPI.ReportColumns.officer.map { $0.on { (row: OfficerEvaluation) in row.schema } }
    /// A unit's weekly series.
    public static let week = MotCuaAPI.ReportColumns.week.map { $0.on { (row: WeekEvaluation) in row.schema } }
    /// Processing time per procedure.
    public static let procedure = MotCuaAPI.ReportColumns.procedure.map {
        $0.on { (row: ProcedureEvaluation) in row.schema }
    }

    /// A figure or rate as the reports print it: empty when it does not apply, otherwise up to four
    /// decimals (`0.5`, `1`).
    public static func number(_ value: Double?) -> String { MotCuaAPI.ReportColumns.number(value) }
}
