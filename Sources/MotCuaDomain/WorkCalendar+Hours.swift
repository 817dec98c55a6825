import Foundation

extension WorkCalendar {
    /// The instant reached after `seconds` of office time counted from `instant`.
    ///
    /// Time only runs inside the office periods of working days: from 16:00 on a Friday, 2 working
    /// hours end at 08:30 on the next working day (Monday, or later after a holiday). A count that
    /// ends exactly at a period's close gives that close (17:00), not the next opening.
    /// Zero returns `instant` unchanged.
    public func addingWorkingSeconds(_ seconds: Int, to instant: Date) -> Date {
        precondition(seconds >= 0, "working time is counted forwards")
        if seconds == 0 { return instant }
        var (day, second) = VietnamTime.split(instant)
        var remaining = seconds
        while true {
            if isWorkingDay(day) {
                for period in officeHours.periods where second < period.end.secondOfDay {
                    let from = max(second, period.start.secondOfDay)
                    let available = period.end.secondOfDay - from
                    if remaining <= available { return VietnamTime.instant(day, secondOfDay: from + remaining) }
                    remaining -= available
                    second = period.end.secondOfDay
                }
            }
            day = day.adding(days: 1)
            second = 0
        }
    }

    /// The instant reached after `hours` working hours counted from `instant` (see ``addingWorkingSeconds(_:to:)``).
    public func addingWorkingHours(_ hours: Int, to instant: Date) -> Date {
        addingWorkingSeconds(hours * 3600, to: instant)
    }

    /// Seconds of office time between two instants (negative when `end` is before `start`).
    public func workingSeconds(from start: Date, to end: Date) -> Int {
        if end < start { return -workingSeconds(from: end, to: start) }
        let (startDay, startSecond) = VietnamTime.split(start)
        let (endDay, endSecond) = VietnamTime.split(end)
        var total = 0
        var day = startDay
        while day <= endDay {
            if isWorkingDay(day) {
                let lower = day == startDay ? startSecond : 0
                let upper = day == endDay ? endSecond : 86_400
                for period in officeHours.periods {
                    let from = max(lower, period.start.secondOfDay)
                    let to = min(upper, period.end.secondOfDay)
                    if to > from { total += to - from }
                }
            }
            day = day.adding(days: 1)
        }
        return total
    }

    /// The instant office hours end on `date` (17:00 by default): when a task due that day is due.
    public func closingInstant(on date: LocalDate) -> Date {
        date.instant(at: officeHours.closing)
    }
}
