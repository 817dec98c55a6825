import Foundation

/// How a dossier stands against its due date (docs/domain.md §4 "On time").
public enum Timeliness: String, Sendable, Hashable, Codable, CaseIterable {
    /// Finished before the due date.
    case early
    /// Finished on the due date.
    case onTime = "on_time"
    /// Finished after the due date, or with more than one supplement request.
    case late
    /// Not finished, due date not passed.
    case withinDeadline = "within_deadline"
    /// Not finished and past the due date, or with more than one supplement request.
    case overdue

    /// Judges a dossier by its original due date, day by day in Asia/Ho_Chi_Minh.
    ///
    /// - Parameters:
    ///   - dueDate: the due date including supplement-pause extensions but *not* an apology's new
    ///     appointment: scoring uses the original date (docs/domain.md §2.4).
    ///   - finishedAt: when handling ended (result ready, stopped, withdrawn), `nil` while open.
    ///   - now: the evaluation instant, used for open dossiers.
    ///   - supplementRequests: Form 02 requests sent for the dossier.
    ///
    /// More than one supplement request counts against the unit "regardless": a finished dossier is
    /// then `late`, an open one `overdue`, whatever the dates say.
    public static func of(dueDate: LocalDate, finishedAt: Date?, now: Date, supplementRequests: Int) -> Timeliness {
        if let finishedAt {
            if supplementRequests > 1 { return .late }
            let day = LocalDate(vietnam: finishedAt)
            return day < dueDate ? .early : day == dueDate ? .onTime : .late
        }
        if supplementRequests > 1 { return .overdue }
        return LocalDate(vietnam: now) <= dueDate ? .withinDeadline : .overdue
    }

    /// Whether this counts as on time for the 766 on-time rate (early, on time, within deadline).
    public var isOnTime: Bool {
        switch self {
        case .early, .onTime, .withinDeadline: true
        case .late, .overdue: false
        }
    }

    /// Whether the dossier is finished (early, on time, late).
    public var isFinished: Bool {
        switch self {
        case .early, .onTime, .late: true
        case .withinDeadline, .overdue: false
        }
    }

    /// 0 for early, 1 on time, 2 late (and 1 within deadline, 2 overdue): later finishing never scores better.
    public var severity: Int {
        switch self {
        case .early: 0
        case .onTime, .withinDeadline: 1
        case .late, .overdue: 2
        }
    }
}

/// How one step of the control slip (Form 06) was completed against its step deadline.
///
/// The rule mirrors the dossier's: by local day, with the deadline instant deciding the last day.
/// Completed on an earlier local date than the deadline's → `early`; on the deadline's date at or
/// before the deadline instant → `onTime`; after the deadline instant → `late`.
/// (So a step due at 10:00 and done at 09:00 the same day is on time, done the day before is early.)
public enum StepTimeliness: String, Sendable, Hashable, Codable, CaseIterable {
    /// Completed on a day before the deadline's day.
    case early
    /// Completed on the deadline's day, not after the deadline.
    case onTime = "on_time"
    /// Completed after the deadline.
    case late

    /// Judges a step completed at `completedAt` against `deadline`.
    public static func of(deadline: Date, completedAt: Date) -> StepTimeliness {
        if completedAt > deadline { return .late }
        return LocalDate(vietnam: completedAt) < LocalDate(vietnam: deadline) ? .early : .onTime
    }

    /// Whether the step met its deadline (early or on time).
    public var metDeadline: Bool { self != .late }
}
