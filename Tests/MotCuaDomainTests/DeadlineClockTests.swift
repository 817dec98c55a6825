import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Deadline clock: start day and due dates")
struct DeadlineClockTests {
    @Test("accepted before the cut-off on a working day, the clock starts that day")
    func beforeCutoff() {
        #expect(clock.startDate(acceptedAt: vn(2026, 3, 10, 14, 59)) == day(2026, 3, 10))
    }

    @Test("accepted exactly at the cut-off still starts that day; one second later starts the next working day")
    func exactlyAtCutoff() {
        #expect(clock.startDate(acceptedAt: vn(2026, 3, 10, 15, 0, 0)) == day(2026, 3, 10))
        #expect(clock.startDate(acceptedAt: vn(2026, 3, 10, 15, 0, 1)) == day(2026, 3, 11))
        #expect(clock.deadline(acceptedAt: vn(2026, 3, 10, 15, 0), processingTime: .workingDays(3)).dueDate == day(2026, 3, 13))
    }

    @Test("accepted after the cut-off, a 3-working-day dossier is due one working day later")
    func afterCutoff() {
        #expect(clock.deadline(acceptedAt: vn(2026, 3, 10, 15, 1), processingTime: .workingDays(3)).dueDate == day(2026, 3, 16))
    }

    @Test("a procedure's own cut-off is honoured")
    func customCutoff() {
        #expect(clock.startDate(acceptedAt: vn(2026, 3, 10, 11, 0), cutoff: LocalTime(10, 30)) == day(2026, 3, 11))
    }

    @Test("after the cut-off on Friday the clock starts on Monday")
    func fridayAfterCutoff() {
        #expect(clock.startDate(acceptedAt: vn(2026, 3, 13, 16, 0)) == day(2026, 3, 16))
    }

    @Test("a Saturday intake starts on Monday and a same-day procedure is due Monday")
    func saturdayIntake() {
        let deadline = clock.deadline(acceptedAt: vn(2026, 3, 14, 9, 0), processingTime: .workingDays(0))
        #expect(deadline.dueDate == day(2026, 3, 16))
        #expect(deadline.dueAt == vn(2026, 3, 16, 17, 0))
    }

    @Test("a make-up Saturday is a working day: the clock starts on it")
    func makeupSaturdayIntake() {
        #expect(clock.startDate(acceptedAt: vn(2026, 8, 22, 9, 0)) == day(2026, 8, 22))
        #expect(clock.deadline(acceptedAt: vn(2026, 8, 22, 9, 0), processingTime: .workingDays(1)).dueDate == day(2026, 8, 24))
        #expect(clock.deadline(acceptedAt: vn(2025, 4, 26, 9, 0), processingTime: .workingDays(3)).dueDate == day(2025, 5, 5))
    }

    @Test("a dossier accepted before Tết is due after it (2026: Tết 16-20/2)")
    func acrossTet() {
        #expect(clock.deadline(acceptedAt: vn(2026, 2, 13, 10, 0), processingTime: .workingDays(3)).dueDate == day(2026, 2, 25))
        #expect(clock.deadline(acceptedAt: vn(2027, 2, 4, 10, 0), processingTime: .workingDays(2)).dueDate == day(2027, 2, 15))
    }

    @Test("a dossier accepted on New Year's Eve skips 1 January")
    func acrossYearEnd() {
        #expect(clock.deadline(acceptedAt: vn(2025, 12, 31, 9, 0), processingTime: .workingDays(3)).dueDate == day(2026, 1, 6))
        #expect(clock.deadline(acceptedAt: vn(2027, 12, 31, 16, 0), processingTime: .workingDays(1)).dueDate == day(2028, 1, 5))
    }

    @Test("a weekend holiday's compensatory Monday is skipped (Hùng Kings 2026 → Mon 27/4)")
    func acrossCompensatoryDay() {
        #expect(clock.deadline(acceptedAt: vn(2026, 4, 24, 9, 0), processingTime: .workingDays(2)).dueDate == day(2026, 4, 29))
        #expect(clock.deadline(acceptedAt: vn(2026, 4, 29, 9, 0), processingTime: .workingDays(1)).dueDate == day(2026, 5, 4))
    }

    @Test("a swapped day off and 2/9 are skipped (2026: 31/8-2/9)")
    func acrossSwappedDay() {
        #expect(clock.deadline(acceptedAt: vn(2026, 8, 28, 9, 0), processingTime: .workingDays(3)).dueDate == day(2026, 9, 7))
    }

    @Test("a 7-working-day residence registration is due 7 working days later with dueAt at 17:00 local")
    func dueAtIsCloseOfOffice() {
        let deadline = clock.deadline(acceptedAt: vn(2026, 3, 9, 8, 0), processingTime: .workingDays(7))
        #expect(deadline.dueDate == day(2026, 3, 18))
        #expect(deadline.dueAt == Date(timeIntervalSince1970: 1_773_828_000)) // 2026-03-18T10:00:00Z
    }

    @Test("calendar days count every day and move a due date on a day off to the next working day")
    func calendarDays() {
        #expect(clock.dueDate(start: day(2026, 3, 16), processingTime: .calendarDays(30)).dueDate == day(2026, 4, 15))
        #expect(clock.dueDate(start: day(2026, 4, 1), processingTime: .calendarDays(25)).dueDate == day(2026, 4, 28))
        #expect(clock.dueDate(start: day(2026, 3, 16), processingTime: .calendarDays(0)).dueDate == day(2026, 3, 16))
    }

    @Test("working hours count in office hours from the acceptance instant, ignoring the cut-off")
    func workingHoursProcessing() {
        let deadline = clock.deadline(acceptedAt: vn(2026, 3, 9, 16, 0), processingTime: .workingHours(4))
        #expect(deadline.dueAt == vn(2026, 3, 10, 10, 30))
        #expect(deadline.dueDate == day(2026, 3, 10))
        #expect(clock.dueDate(start: day(2026, 3, 9), processingTime: .workingHours(8)).dueAt == vn(2026, 3, 9, 17, 0))
    }

    @Test("processing times encode with the API's unit names and reject negatives")
    func processingTimeCoding() throws {
        let json = String(decoding: try JSONEncoder().encode(ProcessingTime.workingDays(3)), as: UTF8.self)
        #expect(json.contains("\"working_days\""))
        #expect(ProcessingTime(value: -1, unit: .calendarDays) == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ProcessingTime.self, from: Data(#"{"value":-2,"unit":"working_hours"}"#.utf8))
        }
    }
}
