import Foundation

/// How a date differs from the ordinary Monday-Friday week.
public enum DayType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A public holiday (ngày lễ, Tết) on a day that would otherwise be worked.
    case holiday
    /// A day off given because a holiday fell on a weekly rest day (nghỉ bù).
    case compensatoryOff = "compensatory_off"
    /// A working day given off in exchange for a make-up working day (hoán đổi ngày làm việc).
    case swappedOff = "swapped_off"
    /// A Saturday or Sunday worked although it would otherwise be off (làm bù). Corrections of the
    /// calendar take it on weekends only (`CalendarDay.typeViolation`).
    case makeupWorkday = "makeup_workday"

    /// Whether a date of this type is a day off.
    public var isDayOff: Bool { self != .makeupWorkday }
}

/// One date that differs from the ordinary week, with its type and a human name
/// (e.g. `2026-02-17 holiday "Tết Nguyên đán"`).
public struct CalendarDay: Sendable, Hashable, Codable {
    /// The local date in Asia/Ho_Chi_Minh.
    public let date: LocalDate
    /// How the date differs.
    public let type: DayType
    /// A name to show, e.g. "Giỗ Tổ Hùng Vương" or "Làm bù cho thứ Hai 31/8".
    public let name: String

    /// Creates a calendar day.
    public init(date: LocalDate, type: DayType, name: String) {
        self.date = date
        self.type = type
        self.name = name
    }

    /// Why `type` cannot be given to `date` as a correction of the calendar, or nil: a make-up working
    /// day is a Saturday or Sunday worked, and every other type is a weekday off (weekends are off already).
    public static func typeViolation(_ type: DayType, on date: LocalDate) -> String? {
        switch (type == .makeupWorkday, date.weekday.isWeekend) {
        case (true, false): "a makeup_workday must be a Saturday or Sunday"
        case (false, true): "\(type.rawValue) must be a weekday (weekends are already off)"
        default: nil
        }
    }
}
