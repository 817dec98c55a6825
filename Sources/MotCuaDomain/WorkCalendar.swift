import Foundation

/// Which dates are working days at a commune office: the ordinary week, the built-in Vietnamese
/// holidays (``VietnameseHolidays``) and the days an admin loaded or corrected.
///
/// **Overrides.** An admin-loaded ``CalendarDay`` replaces the built-in entry for its date, whatever
/// that entry was. To cancel a built-in day off on a weekday (say the government moved a holiday),
/// load that date as ``DayType/makeupWorkday``: it then is a working day. Deleting the override
/// (building the calendar without it) restores the built-in default.
///
/// **Speed.** Built-in days for 1900-2199 are computed once per process into a table keyed by day
/// number, so a lookup is two dictionary probes; build one calendar when the overrides change and
/// share it (it is an immutable value and `Sendable`).
public struct WorkCalendar: Sendable {
    /// Office hours for working-hour arithmetic; their weekdays are the ordinary working days.
    public let officeHours: OfficeHours
    /// Admin-loaded days by date; each replaces the built-in entry of that date.
    public let overrides: [LocalDate: CalendarDay]

    /// Creates a calendar from admin overrides (later entries win for a repeated date) and office hours.
    public init(overrides: [CalendarDay] = [], officeHours: OfficeHours = .standard) {
        var byDate: [LocalDate: CalendarDay] = [:]
        for day in overrides { byDate[day.date] = day }
        self.overrides = byDate
        self.officeHours = officeHours
    }

    /// The built-in calendar with standard office hours and no overrides.
    public static let standard = WorkCalendar()

    /// The entry deciding `date`: its override, else its built-in day, else `nil` for an ordinary date.
    public func calendarDay(_ date: LocalDate) -> CalendarDay? {
        if let day = overrides[date] { return day }
        return BuiltInTable.day(date)
    }

    /// The type of `date`, or `nil` when it is an ordinary day of the week.
    public func dayType(_ date: LocalDate) -> DayType? {
        calendarDay(date)?.type
    }

    /// Whether the office works on `date`.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if let type = dayType(date) { return !type.isDayOff }
        return officeHours.workingWeekdays.contains(date.weekday)
    }

    /// The days of `year` that differ from the ordinary week (days off on weekdays, make-up days),
    /// built-in entries not replaced by an override plus every override of the year, sorted by date.
    public func days(inYear year: Int) -> [CalendarDay] {
        var byDate: [LocalDate: CalendarDay] = [:]
        for day in BuiltInTable.days(inYear: year) { byDate[day.date] = day }
        for (date, day) in overrides where date.year == year { byDate[date] = day }
        return byDate.values.sorted { $0.date < $1.date }
    }

    /// The first working day strictly after `date`.
    public func nextWorkingDay(after date: LocalDate) -> LocalDate {
        var day = date.adding(days: 1)
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The last working day strictly before `date`.
    public func previousWorkingDay(before date: LocalDate) -> LocalDate {
        var day = date.adding(days: -1)
        while !isWorkingDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// `date` itself when it is a working day, else the next working day.
    public func workingDayOnOrAfter(_ date: LocalDate) -> LocalDate {
        isWorkingDay(date) ? date : nextWorkingDay(after: date)
    }

    /// The `count`-th working day after `date` (day 1 is the first working day after it); `date`
    /// itself for 0; counts backwards for a negative `count`.
    public func addingWorkingDays(_ count: Int, to date: LocalDate) -> LocalDate {
        var day = date
        if count >= 0 {
            for _ in 0..<count { day = nextWorkingDay(after: day) }
        } else {
            for _ in 0..<(-count) { day = previousWorkingDay(before: day) }
        }
        return day
    }

    /// The number of working days `d` with `start < d <= end`; negative (the count of `end < d <= start`)
    /// when `end` is before `start`. For a working day `end`, `addingWorkingDays(workingDays(from: s, to: end), to: s) == end`.
    public func workingDays(from start: LocalDate, to end: LocalDate) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        var count = 0
        var day = start
        while day < end {
            day = day.adding(days: 1)
            if isWorkingDay(day) { count += 1 }
        }
        return count
    }
}

/// Built-in days by day number, computed once per process (a `static let` is initialised lazily and
/// thread-safely). Years outside the table are computed on demand, uncached.
enum BuiltInTable {
    static let years = 1900...2199

    static let table: [Int: CalendarDay] = {
        var table: [Int: CalendarDay] = [:]
        table.reserveCapacity(years.count * 14)
        for year in years {
            for day in VietnameseHolidays.days(inYear: year) { table[day.date.daysSinceEpoch] = day }
        }
        return table
    }()

    static func day(_ date: LocalDate) -> CalendarDay? {
        if years.contains(date.year) { return table[date.daysSinceEpoch] }
        return VietnameseHolidays.days(inYear: date.year).first { $0.date == date }
    }

    static func days(inYear year: Int) -> [CalendarDay] {
        VietnameseHolidays.days(inYear: year)
    }
}
