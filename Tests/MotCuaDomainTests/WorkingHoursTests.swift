import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Working-hour arithmetic")
struct WorkingHoursTests {
    @Test("time stops over lunch: 11:00 + 1 working hour is 13:30")
    func acrossLunch() {
        #expect(calendar.addingWorkingHours(1, to: vn(2026, 3, 9, 11, 0)) == vn(2026, 3, 9, 13, 30))
    }

    @Test("a count ending exactly at closing time gives 17:00, not the next morning")
    func endsAtClosing() {
        #expect(calendar.addingWorkingHours(4, to: vn(2026, 3, 9, 13, 0)) == vn(2026, 3, 9, 17, 0))
    }

    @Test("time stops overnight: 16:00 + 4 working hours is 10:30 the next day")
    func acrossNight() {
        #expect(calendar.addingWorkingHours(4, to: vn(2026, 3, 9, 16, 0)) == vn(2026, 3, 10, 10, 30))
    }

    @Test("time stops over the weekend: Friday 16:30 + 8 hours is Monday 16:30")
    func acrossWeekend() {
        #expect(calendar.addingWorkingHours(8, to: vn(2026, 3, 13, 16, 30)) == vn(2026, 3, 16, 16, 30))
    }

    @Test("an online dossier submitted on Saturday must be accepted by Monday 17:00")
    func acceptBySaturday() {
        #expect(clock.acceptBy(submittedAt: vn(2026, 3, 14, 20, 0)) == vn(2026, 3, 16, 17, 0))
    }

    @Test("an online dossier submitted at night is counted from the next opening")
    func acceptByNight() {
        #expect(clock.acceptBy(submittedAt: vn(2026, 3, 10, 22, 0)) == vn(2026, 3, 11, 17, 0))
        #expect(clock.acceptBy(submittedAt: vn(2026, 3, 10, 5, 0)) == vn(2026, 3, 10, 17, 0))
        #expect(clock.acceptBy(submittedAt: vn(2026, 3, 10, 10, 0), workingHours: 16) == vn(2026, 3, 12, 10, 0))
    }

    @Test("an online dossier submitted before Tết must be accepted after it")
    func acceptByAcrossTet() {
        #expect(clock.acceptBy(submittedAt: vn(2026, 2, 13, 15, 0)) == vn(2026, 2, 23, 15, 0))
    }

    @Test("a step deadline counts the step's working hours from the handover")
    func stepDeadline() {
        #expect(clock.stepDeadline(from: vn(2026, 3, 9, 9, 15), workingHours: 4) == vn(2026, 3, 9, 14, 45))
        #expect(clock.stepDeadline(from: vn(2026, 3, 9, 9, 15), workingHours: 0) == vn(2026, 3, 9, 9, 15))
    }

    @Test("working seconds between two instants count only office time")
    func workingSecondsBetween() {
        #expect(calendar.workingSeconds(from: vn(2026, 3, 9, 10, 30), to: vn(2026, 3, 10, 10, 30)) == 8 * 3600)
        #expect(calendar.workingSeconds(from: vn(2026, 3, 13, 12, 0), to: vn(2026, 3, 16, 7, 0)) == 4 * 3600)
        #expect(calendar.workingSeconds(from: vn(2026, 3, 10, 10, 30), to: vn(2026, 3, 9, 10, 30)) == -8 * 3600)
    }

    @Test("custom office hours are used for the arithmetic")
    func customHours() {
        let hours = OfficeHours(periods: [OfficeHours.Period(start: LocalTime(8, 0), end: LocalTime(12, 0))!])!
        let custom = WorkCalendar(officeHours: hours)
        #expect(custom.addingWorkingHours(6, to: vn(2026, 3, 9, 9, 0)) == vn(2026, 3, 10, 11, 0))
        #expect(custom.closingInstant(on: day(2026, 3, 9)) == vn(2026, 3, 9, 12, 0))
    }

    @Test("zero working hours accepted on a day off are due at the close of the next working day")
    func zeroHoursOnHoliday() {
        let deadline = clock.deadline(acceptedAt: vn(2024, 1, 1, 9, 0), processingTime: .workingHours(0))
        #expect(deadline.dueDate == day(2024, 1, 2))
        #expect(deadline.dueAt == vn(2024, 1, 2, 17, 0))
        #expect(clock.deadline(acceptedAt: vn(2026, 3, 9, 9, 0), processingTime: .workingHours(0)).dueDate == day(2026, 3, 9))
    }
}
