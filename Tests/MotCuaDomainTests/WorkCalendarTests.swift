import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Work calendar: overrides and working-day arithmetic")
struct WorkCalendarTests {
    @Test("an override replaces the built-in entry for its date")
    func overrideReplacesBuiltIn() {
        let custom = WorkCalendar(overrides: [CalendarDay(date: day(2027, 9, 3), type: .makeupWorkday, name: "Đi làm"),
                                              CalendarDay(date: day(2027, 9, 1), type: .holiday, name: "Quốc khánh")])
        #expect(custom.isWorkingDay(day(2027, 9, 3)))
        #expect(!custom.isWorkingDay(day(2027, 9, 1)))
        #expect(custom.dayType(day(2027, 9, 3)) == .makeupWorkday)
        #expect(custom.days(inYear: 2027).contains { $0.date == day(2027, 9, 1) && $0.type == .holiday })
        #expect(calendar.isWorkingDay(day(2027, 9, 1)), "the standard calendar is unchanged")
    }

    @Test("an admin make-up Saturday becomes a working day and is listed in the year")
    func makeupSaturdayOverride() {
        let custom = WorkCalendar(overrides: [CalendarDay(date: day(2027, 2, 20), type: .makeupWorkday, name: "Làm bù")])
        #expect(custom.isWorkingDay(day(2027, 2, 20)))
        #expect(custom.days(inYear: 2027).count == 12)
    }

    @Test("the later of two overrides for the same date wins")
    func lastOverrideWins() {
        let custom = WorkCalendar(overrides: [CalendarDay(date: day(2027, 3, 1), type: .holiday, name: "a"),
                                              CalendarDay(date: day(2027, 3, 1), type: .makeupWorkday, name: "b")])
        #expect(custom.calendarDay(day(2027, 3, 1))?.name == "b")
    }

    @Test("the next working day skips Tết and the weekend after it")
    func nextWorkingDayAcrossTet() {
        #expect(calendar.nextWorkingDay(after: day(2026, 2, 13)) == day(2026, 2, 23))
        #expect(calendar.previousWorkingDay(before: day(2026, 2, 23)) == day(2026, 2, 13))
    }

    @Test("adding working days counts the first working day after the date as day 1")
    func addingWorkingDays() {
        #expect(calendar.addingWorkingDays(0, to: day(2026, 3, 14)) == day(2026, 3, 14))
        #expect(calendar.addingWorkingDays(1, to: day(2026, 3, 13)) == day(2026, 3, 16))
        #expect(calendar.addingWorkingDays(5, to: day(2026, 3, 9)) == day(2026, 3, 16))
        #expect(calendar.addingWorkingDays(-1, to: day(2026, 3, 16)) == day(2026, 3, 13))
    }

    @Test("working days between dates count (start, end] and are negative backwards")
    func workingDaysBetween() {
        #expect(calendar.workingDays(from: day(2026, 3, 9), to: day(2026, 3, 16)) == 5)
        #expect(calendar.workingDays(from: day(2026, 3, 16), to: day(2026, 3, 9)) == -5)
        #expect(calendar.workingDays(from: day(2026, 2, 13), to: day(2026, 2, 23)) == 1)
        #expect(calendar.workingDays(from: day(2026, 3, 9), to: day(2026, 3, 9)) == 0)
    }

    @Test("configurable office hours change the ordinary working week")
    func sixDayWeek() {
        let hours = OfficeHours(periods: OfficeHours.standard.periods,
                                workingWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday])!
        let custom = WorkCalendar(officeHours: hours)
        #expect(custom.isWorkingDay(day(2026, 3, 14)))
        #expect(!custom.isWorkingDay(day(2026, 3, 15)))
    }

    @Test("office hours reject overlapping periods and an empty week")
    func officeHoursValidation() {
        let morning = OfficeHours.Period(start: LocalTime(8, 0), end: LocalTime(12, 0))!
        let overlapping = OfficeHours.Period(start: LocalTime(11, 0), end: LocalTime(17, 0))!
        #expect(OfficeHours(periods: [morning, overlapping]) == nil)
        #expect(OfficeHours(periods: [morning], workingWeekdays: []) == nil)
        #expect(OfficeHours.Period(start: LocalTime(12, 0), end: LocalTime(8, 0)) == nil)
        #expect(OfficeHours.standard.secondsPerDay == 8 * 3600)
    }

    @Test("a calendar day encodes its type with the API's raw values")
    func calendarDayCoding() throws {
        let data = try JSONEncoder().encode(CalendarDay(date: day(2026, 4, 27), type: .compensatoryOff, name: "x"))
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"compensatory_off\"") && json.contains("\"2026-04-27\""))
        #expect(DayType.allCases.map(\.rawValue) == ["holiday", "compensatory_off", "swapped_off", "makeup_workday"])
    }

    @Test("a year of lookups is fast: 100,000 working-day checks")
    func lookupsAreFast() {
        let start = Date()
        var count = 0
        for offset in 0..<100_000 where calendar.isWorkingDay(day(2020, 1, 1).adding(days: offset % 3650)) { count += 1 }
        #expect(count > 60_000)
        #expect(Date().timeIntervalSince(start) < 2)
    }
}
