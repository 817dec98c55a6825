import Foundation

/// A day of the week, numbered as ISO 8601 does (Monday = 1 ... Sunday = 7).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Monday (Thứ Hai).
    case monday = 1
    /// Tuesday (Thứ Ba).
    case tuesday
    /// Wednesday (Thứ Tư).
    case wednesday
    /// Thursday (Thứ Năm).
    case thursday
    /// Friday (Thứ Sáu).
    case friday
    /// Saturday (Thứ Bảy).
    case saturday
    /// Sunday (Chủ Nhật).
    case sunday

    /// Orders Monday first, as ISO weeks do.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether this is Saturday or Sunday, the weekly rest days of civil servants.
    public var isWeekend: Bool { self == .saturday || self == .sunday }
}

extension LocalDate {
    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        days == 0 ? self : LocalDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The number of days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: LocalDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let index = ((daysSinceEpoch + 3) % 7 + 7) % 7
        return Weekday(rawValue: index + 1)!
    }

    /// The ISO 8601 week that contains this date.
    public var isoWeek: IsoWeek { IsoWeek(containing: self) }
}
