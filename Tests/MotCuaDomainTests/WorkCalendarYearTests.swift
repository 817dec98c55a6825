import Foundation
import Testing
@testable import MotCuaDomain

/// Every day off and make-up day of 2025-2030: official plans for 2025-2026, rules for 2027-2030.
@Suite("Work calendar: built-in years")
struct WorkCalendarYearTests {
    @Test("2025 follows the official civil-service plan, with Saturday 26/4 worked for Friday 2/5")
    func year2025() {
        #expect(summary(calendar.days(inYear: 2025)) == [
            "01-01 holiday",
            "01-27 holiday", "01-28 holiday", "01-29 holiday", "01-30 holiday", "01-31 holiday",
            "04-07 holiday", "04-26 makeup_workday", "04-30 holiday", "05-01 holiday", "05-02 swapped_off",
            "09-01 holiday", "09-02 holiday",
        ])
        #expect(calendar.isWorkingDay(day(2025, 4, 26)))
        #expect(!calendar.isWorkingDay(day(2025, 5, 2)))
    }

    @Test("2026 follows the official plan: Hùng Kings on Sunday gives Monday 27/4; 31/8 swapped with Saturday 22/8")
    func year2026() {
        #expect(summary(calendar.days(inYear: 2026)) == [
            "01-01 holiday",
            "02-16 holiday", "02-17 holiday", "02-18 holiday", "02-19 holiday", "02-20 holiday",
            "04-27 compensatory_off", "04-30 holiday", "05-01 holiday",
            "08-22 makeup_workday", "08-31 swapped_off", "09-01 holiday", "09-02 holiday",
        ])
        #expect(calendar.isWorkingDay(day(2026, 8, 22)))
        #expect(!calendar.isWorkingDay(day(2026, 4, 26)))
        #expect(calendar.dayType(day(2026, 4, 26)) == nil)
    }

    @Test("2026's official Tết matches the rule: last day of the old lunar year plus the first four")
    func ruleAgreesWithOfficialTet2026() {
        let tet = VietnameseHolidays.ruleBasedDays(inYear: 2026).filter { $0.name == "Tết Nguyên đán" }
        #expect(tet.map(\.date) == (16...20).map { day(2026, 2, $0) })
    }

    @Test("2027: Tết from Fri 5/2 with Sat-Sun 6-7/2 compensated on Wed-Thu 10-11/2; 1/5 Saturday → Mon 3/5; 2/9 Thursday → Fri 3/9")
    func year2027() {
        #expect(summary(calendar.days(inYear: 2027)) == [
            "01-01 holiday",
            "02-05 holiday", "02-08 holiday", "02-09 holiday", "02-10 compensatory_off", "02-11 compensatory_off",
            "04-16 holiday", "04-30 holiday", "05-03 compensatory_off",
            "09-02 holiday", "09-03 holiday",
        ])
    }

    @Test("2028: 1/1 Saturday → Mon 3/1; Tết 25-29/1 with Saturday compensated Mon 31/1; 30/4 Sunday → Tue 2/5; 2/9 Saturday → 1/9 and Mon 4/9")
    func year2028() {
        #expect(summary(calendar.days(inYear: 2028)) == [
            "01-03 compensatory_off",
            "01-25 holiday", "01-26 holiday", "01-27 holiday", "01-28 holiday", "01-31 compensatory_off",
            "04-04 holiday", "05-01 holiday", "05-02 compensatory_off",
            "09-01 holiday", "09-04 compensatory_off",
        ])
    }

    @Test("2029: Tết Mon 12/2 - Fri 16/2; 2/9 Sunday → Mon 3/9 adjacent and Tue 4/9 compensatory")
    func year2029() {
        #expect(summary(calendar.days(inYear: 2029)) == [
            "01-01 holiday",
            "02-12 holiday", "02-13 holiday", "02-14 holiday", "02-15 holiday", "02-16 holiday",
            "04-23 holiday", "04-30 holiday", "05-01 holiday",
            "09-03 holiday", "09-04 compensatory_off",
        ])
    }

    @Test("2030: Tết from Fri 1/2 (new year Sat 2/2, not 3/2), weekend compensated Wed-Thu 6-7/2")
    func year2030() {
        #expect(summary(calendar.days(inYear: 2030)) == [
            "01-01 holiday",
            "02-01 holiday", "02-04 holiday", "02-05 holiday", "02-06 compensatory_off", "02-07 compensatory_off",
            "04-12 holiday", "04-30 holiday", "05-01 holiday",
            "09-02 holiday", "09-03 holiday",
        ])
    }

    @Test("every built-in year 1990-2100 has 11 days off on weekdays and no weekend day off")
    func ruleYearsHaveElevenDaysOff() {
        for year in 1990...2100 where !VietnameseHolidays.officialYears.contains(year) {
            let days = calendar.days(inYear: year)
            #expect(days.count == 11, "\(year): \(summary(days))")
            #expect(days.allSatisfy { !$0.date.weekday.isWeekend && $0.type.isDayOff }, "\(year)")
        }
    }

    @Test("weekends are days off and ordinary weekdays are working days")
    func ordinaryWeek() {
        #expect(calendar.isWorkingDay(day(2026, 3, 9)))
        #expect(!calendar.isWorkingDay(day(2026, 3, 14)))
        #expect(!calendar.isWorkingDay(day(2026, 3, 15)))
    }
}
