import Foundation
@testable import MotCuaDomain

/// The instant of a local wall-clock time in Asia/Ho_Chi_Minh, for readable tests.
func vn(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 9, _ min: Int = 0, _ s: Int = 0) -> Date {
    VietnamTime.instant(LocalDate(y, m, d), secondOfDay: h * 3600 + min * 60 + s)
}

/// A date from literal components.
func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(y, m, d) }

/// A year's built-in days as `"MM-DD type"` strings, easy to compare with a table.
func summary(_ days: [CalendarDay]) -> [String] {
    days.map { "\($0.date.description.dropFirst(5)) \($0.type.rawValue)" }
}

let calendar = WorkCalendar.standard
let clock = DeadlineClock(calendar: calendar)
