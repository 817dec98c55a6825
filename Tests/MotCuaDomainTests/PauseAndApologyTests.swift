import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Supplement pause, online expiry and the apology rule")
struct PauseAndApologyTests {
    @Test("a pause from Monday to Wednesday moves the due date forward by 2 working days")
    func pauseTwoDays() {
        #expect(clock.resumedDueDate(original: day(2026, 3, 20), pausedAt: vn(2026, 3, 9, 10, 0),
                                     resumedAt: vn(2026, 3, 11, 9, 0)) == day(2026, 3, 24))
    }

    @Test("a pause resumed the same day costs nothing")
    func sameDayPause() {
        #expect(clock.resumedDueDate(original: day(2026, 3, 20), pausedAt: vn(2026, 3, 9, 8, 0),
                                     resumedAt: vn(2026, 3, 9, 16, 0)) == day(2026, 3, 20))
    }

    @Test("days off during the pause do not count: paused over Tết 2026 costs 1 working day")
    func pauseOverTet() {
        #expect(clock.resumedDueDate(original: day(2026, 2, 24), pausedAt: vn(2026, 2, 13, 10, 0),
                                     resumedAt: vn(2026, 2, 23, 9, 0)) == day(2026, 2, 25))
    }

    @Test("a resumption recorded before the pause never moves the due date backwards")
    func neverBackwards() {
        #expect(clock.resumedDueDate(original: day(2026, 3, 20), pausedAt: vn(2026, 3, 11, 10, 0),
                                     resumedAt: vn(2026, 3, 9, 9, 0)) == day(2026, 3, 20))
    }

    @Test("an online dossier left incomplete closes at 17:00 of the 15th working day")
    func onlineExpiry() {
        let expiry = clock.onlineIncompleteExpiry(submittedOrRequestedAt: vn(2026, 3, 2, 10, 0))
        #expect(expiry.dueDate == day(2026, 3, 23))
        #expect(expiry.dueAt == vn(2026, 3, 23, 17, 0))
        #expect(clock.onlineIncompleteExpiry(submittedOrRequestedAt: vn(2026, 3, 2, 10, 0), workingDays: 5).dueDate == day(2026, 3, 9))
    }

    @Test("an apology on the last working day before the due date is accepted, even at 23:59")
    func apologyLastDay() {
        #expect(clock.checkApology(now: vn(2026, 3, 24, 23, 59), dueDate: day(2026, 3, 25),
                                   newDate: day(2026, 3, 27), alreadyApologized: false) == nil)
    }

    @Test("an apology on the due date itself is too late")
    func apologyOnDueDate() {
        let refusal = clock.checkApology(now: vn(2026, 3, 25, 7, 0), dueDate: day(2026, 3, 25),
                                         newDate: day(2026, 3, 27), alreadyApologized: false)
        #expect(refusal == .tooLate(latestDay: day(2026, 3, 24)))
        #expect(refusal?.code == "apology-too-late")
        #expect(refusal?.dossierRefusal.code == .apologyTooLate)
    }

    @Test("an apology on the weekend before a Monday due date is too late (the last working day was Friday)")
    func apologyWeekendBeforeMonday() {
        #expect(clock.checkApology(now: vn(2026, 3, 28, 9, 0), dueDate: day(2026, 3, 30),
                                   newDate: day(2026, 4, 2), alreadyApologized: false) == .tooLate(latestDay: day(2026, 3, 27)))
        #expect(clock.checkApology(now: vn(2026, 3, 27, 16, 0), dueDate: day(2026, 3, 30),
                                   newDate: day(2026, 4, 2), alreadyApologized: false) == nil)
    }

    @Test("a compensatory day before the due date does not count as the working day before it")
    func apologyAcrossCompensatoryDay() {
        #expect(clock.checkApology(now: vn(2026, 4, 27, 9, 0), dueDate: day(2026, 4, 28),
                                   newDate: day(2026, 5, 4), alreadyApologized: false) == .tooLate(latestDay: day(2026, 4, 24)))
    }

    @Test("only one apology per dossier")
    func apologyOnce() {
        let refusal = clock.checkApology(now: vn(2026, 3, 20, 9, 0), dueDate: day(2026, 3, 25),
                                         newDate: day(2026, 3, 27), alreadyApologized: true)
        #expect(refusal == .alreadyApologized)
        #expect(refusal?.code == "apology-limit")
    }

    @Test("the new appointment must be a working day after the due date")
    func apologyNewDate() {
        #expect(clock.checkApology(now: vn(2026, 3, 20, 9, 0), dueDate: day(2026, 3, 25),
                                   newDate: day(2026, 3, 25), alreadyApologized: false) == .newDateNotAfterDueDate)
        #expect(clock.checkApology(now: vn(2026, 3, 20, 9, 0), dueDate: day(2026, 3, 25),
                                   newDate: day(2026, 3, 28), alreadyApologized: false) == .newDateNotWorkingDay)
        #expect(clock.checkApology(now: vn(2026, 3, 20, 9, 0), dueDate: day(2026, 3, 25),
                                   newDate: day(2026, 3, 26), alreadyApologized: false) == nil)
    }
}
