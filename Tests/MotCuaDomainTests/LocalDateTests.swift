import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Local dates, times and ISO weeks")
struct LocalDateTests {
    @Test("ISO dates parse and print; impossible dates are rejected")
    func isoDates() {
        #expect(LocalDate(iso: "2026-02-17") == day(2026, 2, 17))
        #expect(day(2026, 2, 17).description == "2026-02-17")
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2024-02-29") == day(2024, 2, 29))
        #expect(LocalDate(iso: "2026-2-17") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
    }

    @Test("dates encode as YYYY-MM-DD strings")
    func coding() throws {
        let data = try JSONEncoder().encode([day(2030, 2, 2)])
        #expect(String(decoding: data, as: UTF8.self) == #"["2030-02-02"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [day(2030, 2, 2)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LocalDate].self, from: Data(#"["2030-02-30"]"#.utf8)) }
    }

    @Test("day arithmetic crosses months, leap days and years")
    func arithmetic() {
        #expect(day(2024, 2, 28).adding(days: 1) == day(2024, 2, 29))
        #expect(day(2025, 12, 31).adding(days: 1) == day(2026, 1, 1))
        #expect(day(2026, 1, 1).adding(days: -1) == day(2025, 12, 31))
        #expect(day(1970, 1, 1).daysSinceEpoch == 0)
        #expect(day(1969, 12, 31).daysSinceEpoch == -1)
        #expect(day(2026, 1, 1).days(to: day(2027, 1, 1)) == 365)
        #expect(day(2026, 2, 17) < day(2026, 3, 1))
    }

    @Test("weekdays are right", arguments: [(day(2026, 2, 17), Weekday.tuesday), (day(2026, 4, 26), .sunday),
                                            (day(2025, 4, 26), .saturday), (day(2000, 1, 1), .saturday),
                                            (day(1969, 12, 29), .monday)])
    func weekdays(date: LocalDate, weekday: Weekday) {
        #expect(date.weekday == weekday)
    }

    @Test("ISO weeks: 2026-W27 starts Monday 29 June; weeks straddle year ends")
    func isoWeeks() {
        let week = IsoWeek(iso: "2026-W27")!
        #expect(week.monday == day(2026, 6, 29))
        #expect(week.days.last == day(2026, 7, 5))
        #expect(week.description == "2026-W27")
        #expect(day(2027, 1, 1).isoWeek.description == "2026-W53")
        #expect(day(2024, 12, 30).isoWeek.description == "2025-W01")
        #expect(IsoWeek.weeksIn(year: 2026) == 53 && IsoWeek.weeksIn(year: 2025) == 52)
        #expect(IsoWeek(iso: "2025-W53") == nil && IsoWeek(iso: "2026-27") == nil)
        #expect(IsoWeek(iso: "2026-W53")!.next.description == "2027-W01")
    }

    @Test("local times parse HH:mm and order within the day")
    func times() {
        #expect(LocalTime(iso: "15:00") == LocalTime(15, 0))
        #expect(LocalTime(iso: "07:30:00") == LocalTime(7, 30))
        #expect(LocalTime(iso: "24:00") == nil && LocalTime(iso: "7:30") == nil)
        #expect(LocalTime(7, 5).description == "07:05")
        #expect(LocalTime(11, 30) < LocalTime(13, 0))
    }

    @Test("instants convert to Vietnam's UTC+7 local date and time")
    func vietnamTime() {
        let lateUTC = Date(timeIntervalSince1970: 1_767_225_600 - 3600) // 2025-12-31T23:00:00Z
        #expect(LocalDate(vietnam: lateUTC) == day(2026, 1, 1))
        #expect(LocalTime(vietnam: lateUTC) == LocalTime(6, 0))
        #expect(day(2026, 1, 1).startInstant == Date(timeIntervalSince1970: 1_767_225_600 - 7 * 3600))
        #expect(day(2026, 3, 9).instant(at: LocalTime(17, 0)) == vn(2026, 3, 9, 17, 0))
        #expect(LocalDate(vietnam: Date(timeIntervalSince1970: -1)) == day(1970, 1, 1))
    }
}
