import Foundation

/// Conversions between instants (`Date`, stored in UTC) and local dates and times in Asia/Ho_Chi_Minh.
///
/// Vietnam has used UTC+7 without daylight saving since 1975, so the offset is a constant and the
/// conversion is plain arithmetic: no `TimeZone` or `Calendar` lookups on per-request paths.
/// Instants are handled at one-second resolution (fractions are dropped towards the past).
public enum VietnamTime {
    /// The offset of Asia/Ho_Chi_Minh from UTC, in seconds.
    public static let offsetSeconds = 7 * 3600

    /// The offset in hours, as the lunar calendar's formulas take it.
    public static let offsetHours = 7.0

    /// Splits an instant into its local date and the seconds elapsed since local midnight.
    public static func split(_ instant: Date) -> (date: LocalDate, secondOfDay: Int) {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + offsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (LocalDate(daysSinceEpoch: days), local - days * 86_400)
    }

    /// The instant at `secondOfDay` seconds after local midnight of `date`.
    /// `secondOfDay` may exceed a day (86 400 is next midnight).
    public static func instant(_ date: LocalDate, secondOfDay: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch * 86_400 + secondOfDay - offsetSeconds))
    }
}

extension LocalDate {
    /// The local date in Asia/Ho_Chi_Minh at `instant`.
    public init(vietnam instant: Date) {
        self = VietnamTime.split(instant).date
    }

    /// The instant of local midnight at the start of this date in Asia/Ho_Chi_Minh.
    public var startInstant: Date { VietnamTime.instant(self, secondOfDay: 0) }

    /// The instant of `time` on this date in Asia/Ho_Chi_Minh.
    public func instant(at time: LocalTime) -> Date {
        VietnamTime.instant(self, secondOfDay: time.secondOfDay)
    }
}

extension LocalTime {
    /// The local wall-clock time in Asia/Ho_Chi_Minh at `instant`, truncated to the minute.
    public init(vietnam instant: Date) {
        let second = VietnamTime.split(instant).secondOfDay
        self.init(second / 3600, (second % 3600) / 60)
    }
}
