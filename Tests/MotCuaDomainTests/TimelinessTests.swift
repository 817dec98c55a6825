import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Timeliness")
struct TimelinessTests {
    let due = day(2026, 3, 25)
    let now = vn(2026, 4, 1, 9, 0)

    @Test("finished before the due date is early, on it is on time, after it is late (local days)")
    func finished() {
        #expect(Timeliness.of(dueDate: due, finishedAt: vn(2026, 3, 24, 23, 59), now: now, supplementRequests: 0) == .early)
        #expect(Timeliness.of(dueDate: due, finishedAt: vn(2026, 3, 25, 0, 0), now: now, supplementRequests: 0) == .onTime)
        #expect(Timeliness.of(dueDate: due, finishedAt: vn(2026, 3, 25, 23, 59), now: now, supplementRequests: 1) == .onTime)
        #expect(Timeliness.of(dueDate: due, finishedAt: vn(2026, 3, 26, 0, 0), now: now, supplementRequests: 0) == .late)
    }

    @Test("the local date decides: 23:30 UTC on the 24th is already the 25th in Vietnam")
    func localDate() {
        let finished = Date(timeIntervalSince1970: 1_774_395_000) // 2026-03-24T23:30:00Z = 25th 06:30 +07
        #expect(Timeliness.of(dueDate: due, finishedAt: finished, now: now, supplementRequests: 0) == .onTime)
    }

    @Test("an open dossier is within deadline through its due date and overdue the day after")
    func open() {
        #expect(Timeliness.of(dueDate: due, finishedAt: nil, now: vn(2026, 3, 25, 23, 59), supplementRequests: 0) == .withinDeadline)
        #expect(Timeliness.of(dueDate: due, finishedAt: nil, now: vn(2026, 3, 26, 0, 0), supplementRequests: 0) == .overdue)
    }

    @Test("more than one supplement request makes a dossier late, or overdue while open, regardless of dates")
    func secondSupplement() {
        #expect(Timeliness.of(dueDate: due, finishedAt: vn(2026, 3, 20), now: now, supplementRequests: 2) == .late)
        #expect(Timeliness.of(dueDate: due, finishedAt: nil, now: vn(2026, 3, 20), supplementRequests: 2) == .overdue)
    }

    @Test("on-time counting for 766 includes early, on time and within deadline")
    func onTimeFlag() {
        #expect(Timeliness.allCases.filter(\.isOnTime) == [.early, .onTime, .withinDeadline])
        #expect(Timeliness.allCases.filter(\.isFinished) == [.early, .onTime, .late])
        #expect(Timeliness.allCases.map(\.rawValue) == ["early", "on_time", "late", "within_deadline", "overdue"])
    }

    @Test("a step done on an earlier day than its deadline is early, the same day on time, after it late")
    func steps() {
        let deadline = vn(2026, 3, 10, 10, 30)
        #expect(StepTimeliness.of(deadline: deadline, completedAt: vn(2026, 3, 9, 16, 0)) == .early)
        #expect(StepTimeliness.of(deadline: deadline, completedAt: vn(2026, 3, 10, 7, 45)) == .onTime)
        #expect(StepTimeliness.of(deadline: deadline, completedAt: deadline) == .onTime)
        #expect(StepTimeliness.of(deadline: deadline, completedAt: vn(2026, 3, 10, 10, 30, 1)) == .late)
        #expect(StepTimeliness.late.metDeadline == false && StepTimeliness.early.metDeadline)
    }
}
