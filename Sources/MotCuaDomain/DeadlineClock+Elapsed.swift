import Foundation

extension DeadlineClock {
    /// The time a dossier took, in the unit of its procedure's processing time, with every wait for
    /// the citizen excluded (766 indicator 2.2 and the per-procedure figures):
    /// - working days: working days after `startDate` up to and including the local date of `end`,
    ///   minus the working days waited;
    /// - calendar days: days from `startDate` to the local date of `end`, minus the calendar days waited;
    /// - working hours: office hours from `receivedAt` to `end`, minus the office hours waited.
    ///
    /// Never negative. `waits` are the dossier's supplement waits during processing (ended by `end`
    /// at the latest: a dossier finished while waiting has its wait end when it finished).
    public func elapsed(unit: ProcessingTime.Unit, startDate: LocalDate, receivedAt: Date, end: Date,
                        waits: [SupplementWait]) -> Double {
        let waits = waits.map { SupplementWait(from: $0.from, until: min($0.until, end)) }
        switch unit {
        case .workingDays:
            let waited = waits.reduce(0) { $0 + $1.workingDays(on: calendar) }
            return Double(max(calendar.workingDays(from: startDate, to: LocalDate(vietnam: end)) - waited, 0))
        case .calendarDays:
            let waited = waits.reduce(0) { $0 + $1.calendarDays }
            return Double(max(startDate.days(to: LocalDate(vietnam: end)) - waited, 0))
        case .workingHours:
            let waited = waits.reduce(0) { $0 + $1.workingSeconds(on: calendar) }
            return Double(max(calendar.workingSeconds(from: receivedAt, to: end) - waited, 0)) / 3600
        }
    }
}
