import Foundation

/// One control-slip step as the weekly completion rate sees it.
public struct StepRecord: Sendable, Hashable {
    /// The step's deadline now: moved forward by the office time of a supplement wait once it ended.
    public let deadline: Date
    /// When the step was completed, `nil` while open.
    public let completedAt: Date?
    /// The supplement wait the step was paused for, if any.
    public let pause: StepPause?

    /// Creates a record.
    public init(deadline: Date, completedAt: Date?, pause: StepPause? = nil) {
        self.deadline = deadline
        self.completedAt = completedAt
        self.pause = pause
    }

    /// The deadline as it stood at `instant`: before a wait ended the step still had the deadline it
    /// had before the pause. So a week's figures, computed as of the week's end, never change when a
    /// wait ends later.
    public func deadline(asOf instant: Date) -> Date {
        guard let pause, pause.resumedAt.map({ $0 > instant }) ?? true else { return deadline }
        return pause.deadlineBefore
    }

    /// Whether the step was open and past its deadline at `instant`; a paused step is never overdue.
    public func isOverdue(at instant: Date) -> Bool {
        guard completedAt.map({ $0 > instant }) ?? true, !isPaused(at: instant) else { return false }
        return deadline(asOf: instant) < instant
    }

    /// Whether the step was paused at `instant` (the dossier was waiting for the citizen).
    public func isPaused(at instant: Date) -> Bool {
        guard let pause, pause.pausedAt <= instant else { return false }
        return pause.resumedAt.map { $0 > instant } ?? true
    }
}

/// A step's pause while its dossier waits for a supplement.
public struct StepPause: Sendable, Hashable {
    /// When the supplement was requested.
    public let pausedAt: Date
    /// When the wait ended (supplement received, or the dossier withdrawn or stopped); `nil` while waiting.
    public let resumedAt: Date?
    /// The step's deadline before the pause moved it.
    public let deadlineBefore: Date

    /// Creates a pause.
    public init(pausedAt: Date, resumedAt: Date?, deadlineBefore: Date) {
        self.pausedAt = pausedAt
        self.resumedAt = resumedAt
        self.deadlineBefore = deadlineBefore
    }
}

/// The weekly task-completion rate of an officer or a unit ("mức độ hoàn thành công việc", ≥ 90% is good).
///
/// For ISO week W (Monday 00:00 to the next Monday 00:00, Asia/Ho_Chi_Minh), evaluated at
/// `cutoff = min(end of W, now)`:
/// - **due**: steps whose deadline falls in W and that are decided by `cutoff` (completed, or
///   deadline passed) - a step due later this week and not yet done is not counted yet, so a
///   mid-week figure is not dragged down by work that is not late;
/// - **carried over**: steps whose deadline is before W and that are still open at `cutoff`
///   (overdue and still open);
/// - **completed on time**: the due steps completed at or before their deadline.
///
/// A step paused at `cutoff` (its dossier waits for the citizen) is neither due nor carried over,
/// and every step is judged by its deadline as it stood at `cutoff` (``StepRecord/deadline(asOf:)``).
///
/// `rate = completedOnTime ÷ (due + carriedOver)`, `nil` when that is 0 ("not applicable").
public struct WeeklyCompletion: Sendable, Hashable, Codable {
    /// The week.
    public let week: IsoWeek
    /// Steps due in the week and decided.
    public let due: Int
    /// Steps overdue from earlier weeks and still open.
    public let carriedOver: Int
    /// Due steps completed by their deadline.
    public let completedOnTime: Int

    /// The denominator: `due + carriedOver`.
    public var denominator: Int { due + carriedOver }

    /// Steps counted and not completed on time.
    public var late: Int { denominator - completedOnTime }

    /// `completedOnTime ÷ denominator`, or `nil` when nothing was due.
    public var rate: Double? { denominator == 0 ? nil : Double(completedOnTime) / Double(denominator) }

    /// Computes the figures of `week` from `steps` as of `now`.
    public init(week: IsoWeek, steps: some Sequence<StepRecord>, now: Date) {
        let start = week.monday.startInstant
        let end = week.next.monday.startInstant
        let cutoff = min(end, now)
        var due = 0, carried = 0, onTime = 0
        for step in steps where !step.isPaused(at: cutoff) {
            let deadline = step.deadline(asOf: cutoff)
            if deadline >= start && deadline < end {
                let completedByCutoff = step.completedAt.map { $0 <= cutoff } ?? false
                guard completedByCutoff || deadline <= cutoff else { continue }
                due += 1
                if let done = step.completedAt, done <= deadline { onTime += 1 }
            } else if deadline < start {
                if step.completedAt.map({ $0 > cutoff }) ?? true { carried += 1 }
            }
        }
        self.week = week
        self.due = due
        self.carriedOver = carried
        self.completedOnTime = onTime
    }

    /// Creates the figures directly (e.g. from an SQL aggregate).
    public init(week: IsoWeek, due: Int, carriedOver: Int, completedOnTime: Int) {
        self.week = week
        self.due = due
        self.carriedOver = carriedOver
        self.completedOnTime = completedOnTime
    }
}
