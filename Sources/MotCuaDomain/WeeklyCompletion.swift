import Foundation

/// One control-slip step as the weekly completion rate sees it.
public struct StepRecord: Sendable, Hashable {
    /// The step deadline.
    public let deadline: Date
    /// When the step was completed, `nil` while open.
    public let completedAt: Date?

    /// Creates a record.
    public init(deadline: Date, completedAt: Date?) {
        self.deadline = deadline
        self.completedAt = completedAt
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
        for step in steps {
            if step.deadline >= start && step.deadline < end {
                let completedByCutoff = step.completedAt.map { $0 <= cutoff } ?? false
                guard completedByCutoff || step.deadline <= cutoff else { continue }
                due += 1
                if let done = step.completedAt, done <= step.deadline { onTime += 1 }
            } else if step.deadline < start {
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
