import Foundation

/// Why an apology letter (Form 04, new appointment date) cannot be issued.
public enum ApologyRefusal: Error, Sendable, Hashable {
    /// Issued later than the last working day before the due date.
    case tooLate(latestDay: LocalDate)
    /// The dossier already had its one apology.
    case alreadyApologized
    /// The new appointment is not after the due date.
    case newDateNotAfterDueDate
    /// The new appointment falls on a day off.
    case newDateNotWorkingDay

    /// Stable machine code, as in the contract's problem responses (openapi.yaml).
    public var code: String {
        switch self {
        case .tooLate: "apology-too-late"
        case .alreadyApologized: "apology-limit"
        case .newDateNotAfterDueDate, .newDateNotWorkingDay: "invalid-appointment-date"
        }
    }

    /// A sentence for officers.
    public var message: String {
        switch self {
        case .tooLate(let latest):
            "An apology must be issued at least one working day before the due date (by \(latest))."
        case .alreadyApologized: "This dossier has already been apologised for once."
        case .newDateNotAfterDueDate: "The new appointment date must be after the due date."
        case .newDateNotWorkingDay: "The new appointment date must be a working day."
        }
    }

    /// The same refusal as a ``DossierRefusal``.
    public var dossierRefusal: DossierRefusal {
        let code: DossierRefusal.Code = switch self {
        case .tooLate: .apologyTooLate
        case .alreadyApologized: .apologyLimit
        case .newDateNotAfterDueDate, .newDateNotWorkingDay: .invalidAppointmentDate
        }
        return DossierRefusal(code, message)
    }
}

extension DeadlineClock {
    /// Checks the apology rule (docs/domain.md §2.4); `nil` means the apology may be issued.
    ///
    /// It may be issued once per dossier, at the latest on the last working day before `dueDate`
    /// (so an apology on the due date itself, or on the weekend just before a Monday due date, is too
    /// late), and the new appointment must be a working day after `dueDate`.
    /// Checked in that order, so the most fundamental refusal is reported.
    public func checkApology(now: Date, dueDate: LocalDate, newDate: LocalDate, alreadyApologized: Bool) -> ApologyRefusal? {
        if alreadyApologized { return .alreadyApologized }
        let latest = calendar.previousWorkingDay(before: dueDate)
        if LocalDate(vietnam: now) > latest { return .tooLate(latestDay: latest) }
        if newDate <= dueDate { return .newDateNotAfterDueDate }
        if !calendar.isWorkingDay(newDate) { return .newDateNotWorkingDay }
        return nil
    }
}
