import Foundation
import PropertyBased
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

    // MARK: - Steps paused while the dossier waits for the citizen

    @Test("a step paused at the week's end is neither due nor carried over, whatever its deadline")
    func pausedStepCountsNowhere() {
        let pausedBeforeDeadline = StepRecord(deadline: vn(2026, 3, 11, 11, 0), completedAt: nil,
            pause: StepPause(pausedAt: vn(2026, 3, 10, 9, 0), resumedAt: nil, deadlineBefore: vn(2026, 3, 11, 11, 0)))
        let overdueThenPaused = StepRecord(deadline: vn(2026, 3, 5, 11, 0), completedAt: nil,
            pause: StepPause(pausedAt: vn(2026, 3, 12, 9, 0), resumedAt: nil, deadlineBefore: vn(2026, 3, 5, 11, 0)))
        let result = WeeklyCompletion(week: week, steps: [pausedBeforeDeadline, overdueThenPaused], now: afterWeek)
        #expect(result.denominator == 0 && result.rate == nil)
        #expect(!pausedBeforeDeadline.isOverdue(at: afterWeek) && !overdueThenPaused.isOverdue(at: afterWeek))
        // The week before, the second step was overdue and not paused yet: it counts there.
        let previous = WeeklyCompletion(week: IsoWeek(iso: "2026-W10")!, steps: [overdueThenPaused], now: afterWeek)
        #expect(previous.due == 1 && previous.completedOnTime == 0)
    }

    @Test("a step resumed within the week with its deadline moved to next week is due next week, not this one")
    func resumedIntoNextWeek() {
        let step = StepRecord(deadline: vn(2026, 3, 17, 10, 0), completedAt: vn(2026, 3, 17, 9, 0),
            pause: StepPause(pausedAt: vn(2026, 3, 10, 9, 0), resumedAt: vn(2026, 3, 13, 15, 0), deadlineBefore: vn(2026, 3, 11, 11, 0)))
        #expect(WeeklyCompletion(week: week, steps: [step], now: afterWeek).denominator == 0)
        let next = WeeklyCompletion(week: week.next, steps: [step], now: vn(2026, 3, 30))
        #expect(next.due == 1 && next.completedOnTime == 1)
    }

    @Test("a wait over Tết and one across the year end: the step is judged by its deadline as it stood each week")
    func waitsAcrossTetAndYearEnd() {
        // Due Friday 13/2/2026, paused Thursday 12/2, resumed Monday 23/2 after Tết: 2026-W07 sees it
        // paused; 2026-W09 sees the moved deadline.
        let tetWait = SupplementWait(from: vn(2026, 2, 12, 9, 0), until: vn(2026, 2, 23, 9, 0))
        let tet = StepRecord(deadline: clock.resumedStepDeadline(vn(2026, 2, 13, 10, 0), after: tetWait), completedAt: nil,
            pause: StepPause(pausedAt: tetWait.from, resumedAt: tetWait.until, deadlineBefore: vn(2026, 2, 13, 10, 0)))
        #expect(tet.deadline == vn(2026, 2, 24, 10, 0))
        #expect(WeeklyCompletion(week: IsoWeek(iso: "2026-W07")!, steps: [tet], now: vn(2026, 4, 1)).denominator == 0)
        #expect(WeeklyCompletion(week: IsoWeek(iso: "2026-W08")!, steps: [tet], now: vn(2026, 4, 1)).denominator == 0)
        #expect(WeeklyCompletion(week: IsoWeek(iso: "2026-W09")!, steps: [tet], now: vn(2026, 4, 1)).due == 1)
        // Paused on Wednesday 30/12/2026 (week 2026-W53), still waiting in 2027-W01.
        let yearEnd = StepRecord(deadline: vn(2026, 12, 31, 10, 0), completedAt: nil,
            pause: StepPause(pausedAt: vn(2026, 12, 30, 9, 0), resumedAt: nil, deadlineBefore: vn(2026, 12, 31, 10, 0)))
        #expect(WeeklyCompletion(week: IsoWeek(iso: "2026-W53")!, steps: [yearEnd], now: vn(2027, 1, 20)).denominator == 0)
        #expect(WeeklyCompletion(week: IsoWeek(iso: "2027-W01")!, steps: [yearEnd], now: vn(2027, 1, 20)).denominator == 0)
    }

    /// One step's whole life: deadline, an optional wait and an optional completion, as stored at `instant`.
    struct StepLife {
        var deadline: Date
        var wait: SupplementWait?
        var waitEnded: Bool
        var completedAt: Date?

        func stored(at instant: Date) -> StepRecord {
            var pause: StepPause?
            var current = deadline
            if let wait, wait.from <= instant {
                let resumed = waitEnded && wait.until <= instant
                pause = StepPause(pausedAt: wait.from, resumedAt: resumed ? wait.until : nil, deadlineBefore: deadline)
                if resumed { current = clock.resumedStepDeadline(deadline, after: wait) }
            }
            return StepRecord(deadline: current, completedAt: completedAt.flatMap { $0 <= instant ? $0 : nil }, pause: pause)
        }
    }

    @Test("a past week's figures never change: computed at its end or any time later, they are the same")
    func pastWeeksAreStable() async {
        let instants = PropertyTests.instants
        await propertyCheck(count: 300, input: instants, Gen.int(in: -5 * 86_400...3 * 86_400), Gen.int(in: 0...14 * 86_400),
                            Gen.int(in: -3 * 86_400...20 * 86_400)) { deadline, pauseOffset, waitLength, doneOffset in
            let wait = pauseOffset % 3 == 0 ? nil : SupplementWait(
                from: deadline.addingTimeInterval(TimeInterval(pauseOffset)),
                until: deadline.addingTimeInterval(TimeInterval(pauseOffset + waitLength)))
            var done = doneOffset % 4 == 0 ? nil : deadline.addingTimeInterval(TimeInterval(doneOffset))
            let ended = waitLength % 5 != 0
            // No step is completed while it is paused: after the wait, or never when the wait goes on.
            if let wait, let finished = done, finished >= wait.from { done = ended ? max(finished, wait.until) : nil }
            let life = StepLife(deadline: deadline, wait: wait, waitEnded: ended, completedAt: done)
            let home = IsoWeek(containing: LocalDate(vietnam: deadline))
            for week in [IsoWeek(containing: home.monday.adding(days: -7)), home, home.next, home.next.next] {
                let end = week.next.monday.startInstant
                let atEnd = WeeklyCompletion(week: week, steps: [life.stored(at: end)], now: end)
                for later in [end.addingTimeInterval(3600), end.addingTimeInterval(9 * 86_400), end.addingTimeInterval(40 * 86_400)] {
                    #expect(WeeklyCompletion(week: week, steps: [life.stored(at: later)], now: later) == atEnd, "\(week) at \(later)")
                }
            }
        }
    }
}
