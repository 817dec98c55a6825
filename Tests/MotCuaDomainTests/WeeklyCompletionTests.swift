import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Weekly completion rate")
struct WeeklyCompletionTests {
    let week = IsoWeek(iso: "2026-W11")! // Mon 9 - Sun 15 March 2026
    let afterWeek = vn(2026, 3, 20, 9, 0)

    @Test("steps done by their deadline over steps due in the week")
    func basicRate() {
        let steps = [
            StepRecord(deadline: vn(2026, 3, 9, 11, 0), completedAt: vn(2026, 3, 9, 10, 0)),
            StepRecord(deadline: vn(2026, 3, 10, 11, 0), completedAt: vn(2026, 3, 10, 11, 0)),
            StepRecord(deadline: vn(2026, 3, 11, 11, 0), completedAt: vn(2026, 3, 11, 14, 0)),
            StepRecord(deadline: vn(2026, 3, 12, 11, 0), completedAt: nil),
        ]
        let result = WeeklyCompletion(week: week, steps: steps, now: afterWeek)
        #expect(result.due == 4 && result.completedOnTime == 2 && result.late == 2)
        #expect(result.rate == 0.5)
    }

    @Test("steps overdue from earlier weeks and still open count against the week")
    func carriedOver() {
        let steps = [
            StepRecord(deadline: vn(2026, 3, 9, 11, 0), completedAt: vn(2026, 3, 9, 10, 0)),
            StepRecord(deadline: vn(2026, 3, 5, 11, 0), completedAt: nil),
            StepRecord(deadline: vn(2026, 3, 5, 11, 0), completedAt: vn(2026, 3, 18, 9, 0)),
            StepRecord(deadline: vn(2026, 3, 5, 11, 0), completedAt: vn(2026, 3, 10, 9, 0)),
        ]
        let result = WeeklyCompletion(week: week, steps: steps, now: afterWeek)
        #expect(result.due == 1 && result.carriedOver == 2)
        #expect(result.rate == 1.0 / 3.0)
    }

    @Test("mid-week, steps not yet due and not done are not counted; next week's steps never are")
    func midWeek() {
        let steps = [
            StepRecord(deadline: vn(2026, 3, 9, 11, 0), completedAt: vn(2026, 3, 9, 10, 0)),
            StepRecord(deadline: vn(2026, 3, 13, 11, 0), completedAt: nil),
            StepRecord(deadline: vn(2026, 3, 13, 11, 0), completedAt: vn(2026, 3, 10, 8, 0)),
            StepRecord(deadline: vn(2026, 3, 16, 8, 0), completedAt: vn(2026, 3, 10, 8, 0)),
        ]
        let result = WeeklyCompletion(week: week, steps: steps, now: vn(2026, 3, 10, 12, 0))
        #expect(result.due == 2 && result.completedOnTime == 2 && result.rate == 1)
    }

    @Test("a week with nothing due has no rate (not applicable, never 0% or 100%)")
    func emptyWeek() {
        let result = WeeklyCompletion(week: week, steps: [], now: afterWeek)
        #expect(result.denominator == 0 && result.rate == nil)
    }
}
