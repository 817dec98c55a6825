import ArgumentParser
import Foundation
import MotCuaClient

/// `motcua evaluations ...`.
struct EvaluationCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluations",
        abstract: "Unit reports with the Decision 766 index, officers' weekly completion, weekly series, procedure times.",
        discussion: "Periods are YYYY-MM-DD dates, by default the current month up to today.",
        subcommands: [Unit.self, Ranking.self, Officers.self, Weekly.self, Procedures.self])

    /// `--from` and `--to`.
    struct Period: ParsableArguments {
        @Option(help: "First day, YYYY-MM-DD (default the first day of this month).") var from: String?
        @Option(help: "Last day, inclusive, YYYY-MM-DD (default today).") var to: String?
    }

    struct Unit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A unit's performance over a period, with the 766 index.",
            discussion: """
                Table output lists the headline figures and each 766 group; --output json has every indicator.

                EXAMPLE
                  motcua evaluations unit H15.50.05.13 --from 2026-01-01 --to 2026-03-31
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The unit code.") var code: String
        @OptionGroup var period: Period

        mutating func run() async throws {
            let report = try await global.client().evaluations.unit(code, from: period.from, to: period.to)
            try Output.single(report, columns: EvaluationColumns.unit, format: global.format)
            if global.format == .table {
                print("")
                try Output.list(report.index766.groups, columns: EvaluationColumns.group766, format: .table)
            }
        }
    }

    struct Ranking: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every commune of your province ranked by 766 points.",
            discussion: "EXAMPLE\n  motcua evaluations ranking --from 2026-01-01 --to 2026-06-30 --output csv")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: Period

        mutating func run() async throws {
            let ranking = try await global.client().evaluations.ranking(from: period.from, to: period.to)
            if global.format == .json { return try Output.printJSON(ranking) }
            let rows = ranking.items.map { Ranked(rank: $0.rank, evaluation: $0.evaluation) }
            let unitColumns: [Column<Ranked>] = EvaluationColumns.unit.map { column in
                Column<Ranked>(column.header) { column.value($0.evaluation) }
            }
            let columns: [Column<Ranked>] = [Column<Ranked>("rank") { String($0.rank) }] + unitColumns
            try Output.list(rows, columns: columns, format: global.format)
        }

        struct Ranked: Encodable {
            var rank: Int
            var evaluation: UnitEvaluation
        }
    }

    struct Officers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Officers' task completion in an ISO week, worst first.",
            discussion: "EXAMPLE\n  motcua evaluations officers --unit H15.50.05.13 --week 2026-W07")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The unit code.") var unit: String
        @Option(help: "ISO week, e.g. 2026-W27 (default this week).") var week: String?

        mutating func run() async throws {
            let report = try await global.client().evaluations.officers(unit: unit, week: week)
            if global.format == .json { return try Output.printJSON(report) }
            try Output.list(report.items, columns: EvaluationColumns.officer, format: global.format)
        }
    }

    struct Weekly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A unit's weekly series: completion and on-time rates.",
            discussion: "EXAMPLE\n  motcua evaluations weekly --unit H15.50.05.13 --from 2026-01-01 --to 2026-03-31")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The unit code.") var unit: String
        @OptionGroup var period: Period

        mutating func run() async throws {
            let report = try await global.client().evaluations.weekly(unit: unit, from: period.from, to: period.to)
            if global.format == .json { return try Output.printJSON(report) }
            try Output.list(report.items, columns: EvaluationColumns.week, format: global.format)
        }
    }

    struct Procedures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Processing time per procedure against the statutory time.",
            discussion: "EXAMPLE\n  motcua evaluations procedures --unit H15.50.05.13 --from 2026-01-01")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The unit code.") var unit: String
        @OptionGroup var period: Period

        mutating func run() async throws {
            let report = try await global.client().evaluations.procedures(unit: unit, from: period.from, to: period.to)
            if global.format == .json { return try Output.printJSON(report) }
            try Output.list(report.items, columns: EvaluationColumns.procedure, format: global.format)
        }
    }
}

/// Table and CSV columns of the evaluation reports.
enum EvaluationColumns {
    /// A rate or figure that does not apply (left out or `null`) prints as an empty cell.
    static func rate(_ value: NullableDouble?) -> String { rate(value?.value) }
    static func number(_ value: NullableDouble?) -> String { number(value?.value) }

    static func rate(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a"
    }

    static func number(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "n/a"
    }

    static let unit: [Column<UnitEvaluation>] = [
        Column("unit") { $0.unit }, Column("name") { $0.unitName ?? "" },
        Column("from") { $0.from }, Column("to") { $0.to },
        Column("dossiers") { String($0.dossiers) }, Column("received") { String($0.received) },
        Column("finished") { String($0.finished) }, Column("open") { String($0.open) },
        Column("early") { String($0.timeliness.early) }, Column("onTime") { String($0.timeliness.onTime) },
        Column("late") { String($0.timeliness.late) }, Column("overdue") { String($0.timeliness.overdue) },
        Column("onTimeRate") { rate($0.onTimeRate) },
        Column("averageDays") { number($0.averageProcessingDays) },
        Column("supplementRequests") { String($0.supplementRequests) }, Column("apologies") { String($0.apologies) },
        Column("onlineRate") { rate($0.onlineRate) }, Column("digitisationRate") { rate($0.digitisationRate) },
        Column("ratings") { String($0.ratings.count) },
        Column("index766") { "\(number($0.index766.points)) / \(number($0.index766.applicableMaxPoints))" },
    ]

    static let group766: [Column<Index766Group>] = [
        Column("group") { $0.id }, Column("name") { $0.name },
        Column("points") { number($0.points) }, Column("max") { number($0.maxPoints) },
    ]

    static let officer: [Column<OfficerEvaluation>] = [
        Column("username") { $0.username }, Column("fullName") { $0.fullName },
        Column("due") { String($0.due) }, Column("carriedOver") { String($0.carriedOver) },
        Column("completedOnTime") { String($0.completedOnTime) }, Column("late") { String($0.late) },
        Column("openOverdue") { String($0.openOverdue) }, Column("completionRate") { rate($0.completionRate) },
    ]

    static let week: [Column<WeekEvaluation>] = [
        Column("week") { $0.week }, Column("monday") { $0.monday },
        Column("stepsDue") { String($0.stepsDue) }, Column("completedOnTime") { String($0.stepsCompletedOnTime) },
        Column("completionRate") { rate($0.completionRate) }, Column("dossiers") { String($0.dossiers) },
        Column("onTime") { String($0.onTime) }, Column("onTimeRate") { rate($0.onTimeRate) },
    ]

    static let procedure: [Column<ProcedureEvaluation>] = [
        Column("code") { $0.code }, Column("name") { $0.name },
        Column("dossiers") { String($0.dossiers) }, Column("finished") { String($0.finished) },
        Column("statutory") { "\($0.statutory.value) \($0.statutory.unit.rawValue)" },
        Column("average") { number($0.averageTime) }, Column("p90") { number($0.p90Time) },
        Column("supplementRate") { rate($0.supplementRate) }, Column("onTimeRate") { rate($0.onTimeRate) },
    ]
}
