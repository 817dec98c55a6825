import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Waits for the citizen: due dates, step deadlines and elapsed time")
struct SupplementWaitTests {
    @Test("a wait's cost: working days after the start day up to the end day, office seconds, calendar days")
    func waitMeasures() {
        let wait = SupplementWait(from: vn(2026, 3, 9, 10, 0), until: vn(2026, 3, 11, 9, 0))  // Mon 10:00 → Wed 09:00
        #expect(wait.workingDays(on: calendar) == 2)
        #expect(wait.workingSeconds(on: calendar) == (1 * 3600 + 1800 + 4 * 3600) + 8 * 3600 + 3600 + 1800)
        #expect(wait.calendarDays == 2)
        #expect(SupplementWait(from: vn(2026, 3, 9, 10, 0), until: vn(2026, 3, 9, 8, 0)).workingSeconds(on: calendar) == 0)
    }

    @Test("a wait over Tết 2026 costs only the working days in it")
    func waitOverTet() {
        let wait = SupplementWait(from: vn(2026, 2, 13, 10, 0), until: vn(2026, 2, 23, 9, 0))  // Fri before Tết → Mon after
        #expect(wait.workingDays(on: calendar) == 1)
        #expect(wait.calendarDays == 10)
        #expect(wait.workingSeconds(on: calendar) == (1 * 3600 + 1800 + 4 * 3600) + 3600 + 1800)
    }

    @Test("a wait over a make-up Saturday counts the Saturday (Sat 22/8/2026 is a working day)")
    func waitOverMakeupSaturday() {
        let wait = SupplementWait(from: vn(2026, 8, 21, 10, 0), until: vn(2026, 8, 24, 9, 0))
        #expect(wait.workingDays(on: calendar) == 2)
        let moved = clock.resumed(Deadline(dueDate: day(2026, 8, 27), dueAt: vn(2026, 8, 27, 17, 0)), unit: .workingDays, after: wait)
        // Fri 28/8, then Mon 31/8 is the swapped day off and 1-2/9 the National Day: Thu 3/9.
        #expect(moved == Deadline(dueDate: day(2026, 9, 3), dueAt: vn(2026, 9, 3, 17, 0)))
    }

    @Test("a wait across the year end: 31/12 to the first Monday of the year costs one working day")
    func waitAcrossYearEnd() {
        let wait = SupplementWait(from: vn(2026, 12, 31, 10, 0), until: vn(2027, 1, 4, 9, 0))
        #expect(wait.workingDays(on: calendar) == 1 && wait.calendarDays == 4)
        let moved = clock.resumed(Deadline(dueDate: day(2027, 1, 5), dueAt: vn(2027, 1, 5, 17, 0)), unit: .calendarDays, after: wait)
        #expect(moved.dueDate == day(2027, 1, 6))
    }

    @Test("working-hour procedures: the due instant moves by the office time waited and the date follows it")
    func workingHoursStayConsistent() {
        let due = Deadline(dueDate: day(2026, 3, 10), dueAt: vn(2026, 3, 10, 16, 0))
        // Waited 10:00 → 16:00 on Monday: 4.5 office hours, no working day. Due Tuesday 16:00 + 4.5 h
        // = Wednesday 11:00, and the date is Wednesday (it used to stay Tuesday).
        let moved = clock.resumed(due, unit: .workingHours, after: SupplementWait(from: vn(2026, 3, 9, 10, 0), until: vn(2026, 3, 9, 16, 0)))
        #expect(moved == Deadline(dueDate: day(2026, 3, 11), dueAt: vn(2026, 3, 11, 11, 0)))
        #expect(LocalDate(vietnam: moved.dueAt) == moved.dueDate)
    }

    @Test("working-hour deadline moved over Tết lands after it, date and instant together")
    func workingHoursOverTet() {
        let due = Deadline(dueDate: day(2026, 2, 13), dueAt: vn(2026, 2, 13, 16, 0))
        let moved = clock.resumed(due, unit: .workingHours, after: SupplementWait(from: vn(2026, 2, 12, 9, 0), until: vn(2026, 2, 12, 11, 0)))
        #expect(moved == Deadline(dueDate: day(2026, 2, 23), dueAt: vn(2026, 2, 23, 8, 30)))
    }

    @Test("day procedures: the instant is the close of office hours on the moved date")
    func dayUnitsCloseAt17() {
        let due = Deadline(dueDate: day(2026, 3, 20), dueAt: vn(2026, 3, 20, 17, 0))
        let wait = SupplementWait(from: vn(2026, 3, 9, 10, 0), until: vn(2026, 3, 11, 9, 0))
        #expect(clock.resumed(due, unit: .workingDays, after: wait) == Deadline(dueDate: day(2026, 3, 24), dueAt: vn(2026, 3, 24, 17, 0)))
        let sameDay = SupplementWait(from: vn(2026, 3, 9, 8, 0), until: vn(2026, 3, 9, 16, 0))
        #expect(clock.resumed(due, unit: .workingDays, after: sameDay) == due)
    }

    @Test("a step's deadline moves by the office time waited, over a weekend and a holiday")
    func stepDeadline() {
        // Paused Thu 16:00, supplied Mon 08:30 (2 h of office time); the step was due Fri 10:00.
        let wait = SupplementWait(from: vn(2026, 4, 23, 16, 0), until: vn(2026, 4, 27, 8, 30))
        // Mon 27/4/2026 is the Hùng Kings day off: the supplement arrived on a day off, so only
        // Thursday 16:00-17:00 and Friday's full 8 hours were waited.
        #expect(wait.workingSeconds(on: calendar) == 9 * 3600)
        // Friday 10:00 + 9 h: 5.5 h on Friday, Monday off, 3.5 h on Tuesday.
        #expect(clock.resumedStepDeadline(vn(2026, 4, 24, 10, 0), after: wait) == vn(2026, 4, 28, 11, 0))
    }

    @Test("elapsed time in working hours excludes the wait (it used to count it)")
    func elapsedHours() {
        let wait = SupplementWait(from: vn(2026, 3, 9, 10, 0), until: vn(2026, 3, 10, 10, 0))  // 8 office hours
        let elapsed = clock.elapsed(unit: .workingHours, startDate: day(2026, 3, 9), receivedAt: vn(2026, 3, 9, 8, 0),
                                    end: vn(2026, 3, 10, 12, 0), waits: [wait])
        #expect(elapsed == 3.5)
        #expect(clock.elapsed(unit: .workingHours, startDate: day(2026, 3, 9), receivedAt: vn(2026, 3, 9, 8, 0),
                              end: vn(2026, 3, 10, 12, 0), waits: []) == 11.5)
    }

    @Test("elapsed working days and calendar days exclude the wait in their own unit, across Tết")
    func elapsedDays() {
        let wait = SupplementWait(from: vn(2026, 2, 13, 10, 0), until: vn(2026, 2, 23, 9, 0))
        let start = day(2026, 2, 11)
        let end = vn(2026, 2, 25, 15, 0)
        // Working days after 11/2 up to 25/2: 12, 13, 23, 24, 25 = 5, minus 1 waited.
        #expect(clock.elapsed(unit: .workingDays, startDate: start, receivedAt: vn(2026, 2, 11, 9, 0), end: end, waits: [wait]) == 4)
        // 14 calendar days minus 10 waited.
        #expect(clock.elapsed(unit: .calendarDays, startDate: start, receivedAt: vn(2026, 2, 11, 9, 0), end: end, waits: [wait]) == 4)
    }

    @Test("a dossier finished during its wait counts the wait up to the finish only, and never less than zero")
    func elapsedFinishedDuringWait() {
        let wait = SupplementWait(from: vn(2026, 3, 9, 10, 0), until: vn(2026, 3, 20, 10, 0))
        let end = vn(2026, 3, 12, 10, 0)
        #expect(clock.elapsed(unit: .workingHours, startDate: day(2026, 3, 9), receivedAt: vn(2026, 3, 9, 8, 0), end: end, waits: [wait]) == 2)
        #expect(clock.elapsed(unit: .workingDays, startDate: day(2026, 3, 9), receivedAt: vn(2026, 3, 9, 8, 0), end: end, waits: [wait]) == 0)
        let early = SupplementWait(from: vn(2026, 3, 9, 7, 0), until: vn(2026, 3, 9, 12, 0))
        #expect(clock.elapsed(unit: .workingHours, startDate: day(2026, 3, 9), receivedAt: vn(2026, 3, 9, 8, 0),
                              end: vn(2026, 3, 9, 9, 0), waits: [early]) == 0)
    }
}
