import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Vietnamese lunar calendar (UTC+7)")
struct LunarCalendarTests {
    @Test("lunar new year matches the Vietnamese calendar", arguments: [
        (2020, LocalDate(2020, 1, 25)), (2021, LocalDate(2021, 2, 12)), (2022, LocalDate(2022, 2, 1)),
        (2023, LocalDate(2023, 1, 22)), (2024, LocalDate(2024, 2, 10)), (2025, LocalDate(2025, 1, 29)),
        (2026, LocalDate(2026, 2, 17)), (2027, LocalDate(2027, 2, 6)), (2028, LocalDate(2028, 1, 26)),
        (2029, LocalDate(2029, 2, 13)), (2030, LocalDate(2030, 2, 2)), (2031, LocalDate(2031, 1, 23)),
        (1985, LocalDate(1985, 1, 21)), (2007, LocalDate(2007, 2, 17)),
    ])
    func lunarNewYear(year: Int, expected: LocalDate) {
        #expect(VietnameseLunarCalendar.newYear(year) == expected)
    }

    @Test("Tết 2030 is 2 February in Vietnam, not China's 3 February (UTC+8)")
    func tet2030DiffersFromChina() {
        #expect(VietnameseLunarCalendar.newYear(2030) == LocalDate(2030, 2, 2))
        let atUTC8 = VietnameseLunarCalendar.solarDate(of: LunarDate(year: 2030, month: 1, day: 1), timeZone: 8)
        #expect(atUTC8 == LocalDate(2030, 2, 3))
    }

    @Test("Hùng Kings' day is the 10th day of the 3rd lunar month", arguments: [
        (2024, LocalDate(2024, 4, 18)), (2025, LocalDate(2025, 4, 7)), (2026, LocalDate(2026, 4, 26)),
        (2027, LocalDate(2027, 4, 16)), (2028, LocalDate(2028, 4, 4)), (2029, LocalDate(2029, 4, 23)),
        (2030, LocalDate(2030, 4, 12)), (2023, LocalDate(2023, 4, 29)),
    ])
    func hungKings(year: Int, expected: LocalDate) {
        #expect(VietnameseLunarCalendar.solarDate(of: LunarDate(year: year, month: 3, day: 10)) == expected)
    }

    @Test("2023 has a leap second month; 2025 a leap sixth month")
    func leapMonths() {
        #expect(VietnameseLunarCalendar.solarDate(of: LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true))
            == LocalDate(2023, 3, 22))
        #expect(VietnameseLunarCalendar.solarDate(of: LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true))
            == LocalDate(2025, 7, 25))
        #expect(VietnameseLunarCalendar.solarDate(of: LunarDate(year: 2026, month: 6, day: 1, isLeapMonth: true)) == nil)
    }

    @Test("2033 has a leap eleventh month (the '2033 problem' the Chinese rule gets wrong)")
    func leapMonth2033() {
        let leap = LunarDate(year: 2033, month: 11, day: 1, isLeapMonth: true)
        let start = VietnameseLunarCalendar.solarDate(of: leap)
        #expect(start == LocalDate(2033, 12, 22))
        #expect(VietnameseLunarCalendar.lunarDate(of: LocalDate(2033, 12, 22)) == leap)
        #expect(VietnameseLunarCalendar.newYear(2034) == LocalDate(2034, 2, 19))
    }

    @Test("converting solar → lunar → solar returns the same day for every day of 2024-2031")
    func roundTrip() {
        var date = LocalDate(2024, 1, 1)
        while date < LocalDate(2032, 1, 1) {
            let lunar = VietnameseLunarCalendar.lunarDate(of: date)
            #expect(VietnameseLunarCalendar.solarDate(of: lunar) == date, "\(date) → \(lunar)")
            date = date.adding(days: 1)
        }
    }

    @Test("known lunar dates: mid-autumn 2025 and the last day of lunar 2025")
    func knownLunarDates() {
        #expect(VietnameseLunarCalendar.lunarDate(of: LocalDate(2025, 10, 6)) == LunarDate(year: 2025, month: 8, day: 15))
        #expect(VietnameseLunarCalendar.lunarDate(of: LocalDate(2026, 2, 16)) == LunarDate(year: 2025, month: 12, day: 29))
    }
}
