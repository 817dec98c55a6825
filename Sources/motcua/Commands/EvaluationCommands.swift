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
            try Output.list(ranking.items, columns: ReportColumns.ranking.map(Column.init), format: global.format)
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

/// Table and CSV columns of the evaluation reports: the server's CSV columns (`ReportColumns`), so a
/// report exported here and one downloaded as `text/csv` have the same headers and cells.
enum EvaluationColumns {
    static let unit = ReportColumns.unit.map(Column.init)
    static let officer = ReportColumns.officer.map(Column.init)
    static let week = ReportColumns.week.map(Column.init)
    static let procedure = ReportColumns.procedure.map(Column.init)

    /// The 766 groups of a unit's report (table output only; JSON has every indicator).
    static let group766: [Column<Index766Group>] = [
        Column("group") { $0.id }, Column("name") { $0.name },
        Column("points") { ReportColumns.number($0.points) }, Column("max") { ReportColumns.number($0.maxPoints) },
    ]
}
