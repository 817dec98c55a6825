import ArgumentParser
import Foundation
import MotCuaClient

/// `motcua calendar ...`.
struct CalendarCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Working days, holidays and the deadlines the server computes.",
        subcommands: [Show.self, Set.self, Unset.self, Deadline.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the days of a year that differ from plain Monday-Friday weeks.",
            discussion: "EXAMPLE\n  motcua calendar show 2026")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The year, e.g. 2026.") var year: Int

        mutating func run() async throws {
            let calendar = try await global.client().calendar.year(year)
            if global.format == .json {
                try Output.printJSON(calendar)
            } else {
                try Output.list(calendar.days, columns: Columns.calendarDay, format: global.format)
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a special day (admin), overriding the built-in plan.",
            discussion: """
                EXAMPLES
                  motcua calendar set 2026-09-04 --type swapped_off --name "Nghỉ bù Quốc khánh"
                  motcua calendar set 2026-09-12 --type makeup_workday --name "Làm bù"
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The date, YYYY-MM-DD.") var date: String
        @Option(help: "holiday, compensatory_off, swapped_off or makeup_workday.") var type: String
        @Option(help: "The day's name.") var name: String

        mutating func run() async throws {
            guard let dayType = DayType(rawValue: type) else {
                throw ValidationError("--type: holiday, compensatory_off, swapped_off or makeup_workday")
            }
            let day = try await global.client().calendar.setDay(date, type: dayType, name: name)
            try Output.single(day, columns: Columns.calendarDay, format: global.format)
        }
    }

    struct Unset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore the built-in plan for a day (admin).",
            discussion: "EXAMPLE\n  motcua calendar unset 2026-09-04")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The date, YYYY-MM-DD.") var date: String

        mutating func run() async throws {
            try await global.client().calendar.deleteDay(date)
            Terminal.printError("\(date): built-in plan restored.")
        }
    }

    struct Deadline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute the due date for a dossier accepted at --start.",
            discussion: """
                EXAMPLE
                  motcua calendar deadline --start 2026-02-13T09:00:00Z --value 3 --unit working_days
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The acceptance instant, RFC 3339 (default now).") var start: String?
        @Option(help: "The processing time.") var value: Int
        @Option(help: "working_days (default), calendar_days or working_hours.") var unit: String?
        @Option(help: "Cut-off time HH:MM (default the server's, 15:00).") var cutoff: String?

        mutating func run() async throws {
            var instant = Date()
            if let start {
                guard let parsed = try? Date(start, strategy: .iso8601) else {
                    throw ValidationError("--start: expected RFC 3339, e.g. 2026-02-13T09:00:00Z")
                }
                instant = parsed
            }
            var timeUnit: TimeUnit?
            if let unit {
                guard let parsed = TimeUnit(rawValue: unit) else {
                    throw ValidationError("--unit: working_days, calendar_days or working_hours")
                }
                timeUnit = parsed
            }
            let deadline = try await global.client().calendar.deadline(start: instant, value: value, unit: timeUnit, cutoff: cutoff)
            try Output.single(deadline, columns: Columns.deadline, format: global.format)
        }
    }
}
