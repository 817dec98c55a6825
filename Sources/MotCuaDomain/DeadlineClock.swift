import Foundation

/// Computes when a dossier's processing starts and when it is due, per Decree 118/2025/NĐ-CP.
///
/// All inputs, including "now", are parameters: the clock never reads the system time.
public struct DeadlineClock: Sendable {
    /// The calendar deciding working days and office hours.
    public let calendar: WorkCalendar

    /// Creates a clock over `calendar`.
    public init(calendar: WorkCalendar = .standard) {
        self.calendar = calendar
    }

    /// The day the clock starts for a dossier accepted at `acceptedAt`.
    ///
    /// The acceptance day itself when it is a working day and the local time is at or before
    /// `cutoff` (15:00:00 sharp still counts as that day); otherwise the next working day.
    public func startDate(acceptedAt: Date, cutoff: LocalTime = .defaultCutoff) -> LocalDate {
        let (day, second) = VietnamTime.split(acceptedAt)
        if calendar.isWorkingDay(day) && second <= cutoff.secondOfDay { return day }
        return calendar.nextWorkingDay(after: day)
    }

    /// The deadline for a processing time counted from the start day.
    ///
    /// - Working days: the N-th working day after `start` (day 1 is the working day after it);
    ///   N = 0 is a same-day procedure, due on `start`.
    /// - Calendar days: `start` + N days; when that lands on a day off, the next working day, since
    ///   a result cannot be handed over while the office is closed.
    /// - Working hours: N hours of office time from the opening of `start` (use
    ///   ``deadline(acceptedAt:cutoff:processingTime:)`` to count from the acceptance instant).
    ///
    /// For day units `dueAt` is the close of office hours on the due date.
    public func dueDate(start: LocalDate, processingTime: ProcessingTime) -> Deadline {
        switch processingTime.unit {
        case .workingDays:
            return closing(calendar.addingWorkingDays(processingTime.value, to: start))
        case .calendarDays:
            return closing(calendar.workingDayOnOrAfter(start.adding(days: processingTime.value)))
        case .workingHours:
            // Zero hours would end where it starts, possibly on a day off: treat it as same-day.
            guard processingTime.value > 0 else { return closing(start) }
            let opening = start.instant(at: calendar.officeHours.opening)
            return exact(calendar.addingWorkingHours(processingTime.value, to: opening))
        }
    }

    /// The deadline of a dossier accepted at `acceptedAt`: the start day by ``startDate(acceptedAt:cutoff:)``,
    /// then ``dueDate(start:processingTime:)``; except that working hours count in office hours from
    /// the acceptance instant itself (the cut-off does not apply to them).
    public func deadline(acceptedAt: Date, cutoff: LocalTime = .defaultCutoff, processingTime: ProcessingTime) -> Deadline {
        if processingTime.unit == .workingHours && processingTime.value > 0 {
            return exact(calendar.addingWorkingHours(processingTime.value, to: acceptedAt))
        }
        return dueDate(start: startDate(acceptedAt: acceptedAt, cutoff: cutoff), processingTime: processingTime)
    }

    /// The instant by which an online dossier submitted at `submittedAt` must be accepted or sent a
    /// completion request: `workingHours` (default 8) of office time later.
    public func acceptBy(submittedAt: Date, workingHours: Int = 8) -> Date {
        calendar.addingWorkingHours(workingHours, to: submittedAt)
    }

    /// The deadline of one step of a procedure's internal process (control slip, Form 06), `workingHours`
    /// of office time after the step was handed over at `from`.
    public func stepDeadline(from: Date, workingHours: Int) -> Date {
        calendar.addingWorkingHours(workingHours, to: from)
    }

    func closing(_ date: LocalDate) -> Deadline {
        Deadline(dueDate: date, dueAt: calendar.closingInstant(on: date))
    }

    func exact(_ instant: Date) -> Deadline {
        Deadline(dueDate: LocalDate(vietnam: instant), dueAt: instant)
    }
}
