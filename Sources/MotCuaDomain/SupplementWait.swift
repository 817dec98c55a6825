import Foundation

/// A time the dossier waited for the citizen during processing: from a Form 02 supplement request
/// to the supplement, or to the withdrawal or stop that ended the wait. The processing clock is
/// paused for all of it, so it never counts against the unit or its officers.
public struct SupplementWait: Sendable, Hashable {
    /// When the request was sent (the clock paused).
    public let from: Date
    /// When the wait ended (the clock resumed); never before `from`.
    public let until: Date

    /// Creates a wait; an end recorded before the start is read as a wait of no length.
    public init(from: Date, until: Date) {
        self.from = from
        self.until = max(from, until)
    }

    /// Working days the wait cost: the working days after the local date of `from` up to and
    /// including that of `until`. A wait begun and ended on the same day costs none; requested on
    /// Monday and supplied on Wednesday costs 2.
    public func workingDays(on calendar: WorkCalendar) -> Int {
        max(0, calendar.workingDays(from: LocalDate(vietnam: from), to: LocalDate(vietnam: until)))
    }

    /// Seconds of office time inside the wait.
    public func workingSeconds(on calendar: WorkCalendar) -> Int {
        calendar.workingSeconds(from: from, to: until)
    }

    /// Calendar days between the local dates of `from` and `until`.
    public var calendarDays: Int {
        LocalDate(vietnam: from).days(to: LocalDate(vietnam: until))
    }
}
