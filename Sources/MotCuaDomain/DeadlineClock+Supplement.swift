import Foundation

extension DeadlineClock {
    /// The due date after a supplement pause: `original` moved forward by the working days that
    /// passed while the dossier waited (DOMAIN.md §2.2).
    ///
    /// The days counted are the working days after the local date of `pausedAt` up to and including
    /// the local date of `resumedAt`: a pause and resumption on the same day costs nothing, paused on
    /// Monday and resumed on Wednesday moves the due date by 2 working days. The result is never
    /// earlier than `original` (a resumption recorded before the pause changes nothing).
    public func resumedDueDate(original: LocalDate, pausedAt: Date, resumedAt: Date) -> LocalDate {
        let waited = calendar.workingDays(from: LocalDate(vietnam: pausedAt), to: LocalDate(vietnam: resumedAt))
        guard waited > 0 else { return original }
        return calendar.addingWorkingDays(waited, to: original)
    }

    /// When an online dossier left incomplete is closed: the close of office hours on the
    /// `workingDays`-th (default 15) working day after the local date of the submission or of the
    /// completion request.
    public func onlineIncompleteExpiry(submittedOrRequestedAt instant: Date, workingDays: Int = 15) -> Deadline {
        closing(calendar.addingWorkingDays(workingDays, to: LocalDate(vietnam: instant)))
    }
}
