import Foundation

/// The hours a commune office is open, used for working-hour arithmetic (online acceptance windows,
/// step deadlines, procedures measured in working hours).
///
/// Default: 07:30-11:30 and 13:00-17:00, Monday to Friday (8 hours a day). Provinces may configure
/// other periods. The weekdays listed here are the ordinary working days of the ``WorkCalendar``;
/// holidays and make-up days then adjust individual dates.
public struct OfficeHours: Sendable, Hashable, Codable {
    /// One continuous opening period within a day.
    public struct Period: Sendable, Hashable, Codable {
        /// Opening time.
        public let start: LocalTime
        /// Closing time (exclusive), after `start`.
        public let end: LocalTime

        /// Creates a period; `end` must be after `start`.
        public init?(start: LocalTime, end: LocalTime) {
            guard start < end else { return nil }
            self.start = start
            self.end = end
        }

        /// Length in seconds.
        public var seconds: Int { end.secondOfDay - start.secondOfDay }
    }

    /// Opening periods in chronological order, non-overlapping.
    public let periods: [Period]
    /// Ordinary working weekdays.
    public let workingWeekdays: Set<Weekday>

    /// Creates office hours, or `nil` when there is no period, periods overlap or are out of order,
    /// or no weekday is worked.
    public init?(periods: [Period], workingWeekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]) {
        guard !periods.isEmpty, !workingWeekdays.isEmpty else { return nil }
        for (a, b) in zip(periods, periods.dropFirst()) where b.start < a.end { return nil }
        self.periods = periods
        self.workingWeekdays = workingWeekdays
    }

    /// 07:30-11:30 and 13:00-17:00, Monday to Friday.
    public static let standard = OfficeHours(
        periods: [Period(start: LocalTime(7, 30), end: LocalTime(11, 30))!,
                  Period(start: LocalTime(13, 0), end: LocalTime(17, 0))!]
    )!

    /// Seconds of office time in one working day (28 800 for the standard hours).
    public var secondsPerDay: Int { periods.reduce(0) { $0 + $1.seconds } }

    /// Opening time of the first period.
    public var opening: LocalTime { periods[0].start }

    /// Closing time of the last period: the instant on a due date by which work must be done.
    public var closing: LocalTime { periods[periods.count - 1].end }
}
