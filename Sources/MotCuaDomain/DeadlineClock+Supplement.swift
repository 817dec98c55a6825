import Foundation

extension DeadlineClock {
    /// The due date after a supplement pause: `original` moved forward by the working days that
    /// passed while the dossier waited (see ``SupplementWait/workingDays(on:)``). The result is
    /// never earlier than `original` (a resumption recorded before the pause changes nothing).
    public func resumedDueDate(original: LocalDate, pausedAt: Date, resumedAt: Date) -> LocalDate {
        let waited = SupplementWait(from: pausedAt, until: resumedAt).workingDays(on: calendar)
        guard waited > 0 else { return original }
        return calendar.addingWorkingDays(waited, to: original)
    }

    /// A dossier's deadline once a wait is over (the supplement arrived, or the dossier was withdrawn
    /// or stopped while waiting), keeping the date and the instant consistent:
    /// - day units: the date moves by the working days waited; the instant is the close of office
    ///   hours on the new date;
    /// - working hours: the instant moves by the office time waited; the date is the instant's local date.
    public func resumed(_ deadline: Deadline, unit: ProcessingTime.Unit, after wait: SupplementWait) -> Deadline {
        switch unit {
        case .workingDays, .calendarDays:
            closing(resumedDueDate(original: deadline.dueDate, pausedAt: wait.from, resumedAt: wait.until))
        case .workingHours:
            exact(calendar.addingWorkingSeconds(wait.workingSeconds(on: calendar), to: deadline.dueAt))
        }
    }

    /// A control-slip step's deadline once a wait is over: moved by the office time waited, so the
    /// officer holding the dossier keeps the working time the step had left.
    public func resumedStepDeadline(_ deadline: Date, after wait: SupplementWait) -> Date {
        calendar.addingWorkingSeconds(wait.workingSeconds(on: calendar), to: deadline)
    }

    /// When an online dossier left incomplete is closed: the close of office hours on the
    /// `workingDays`-th (default 15) working day after the local date of the submission or of the
    /// completion request.
    public func onlineIncompleteExpiry(submittedOrRequestedAt instant: Date, workingDays: Int = 15) -> Deadline {
        closing(calendar.addingWorkingDays(workingDays, to: LocalDate(vietnam: instant)))
    }
}
