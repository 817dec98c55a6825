import MotCuaFoundation
import Testing

@Suite struct CivilDateTests {
    @Test func knownDays() {
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilDate.days(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilDate.days(year: 2026, month: 2, day: 17) == 20_501)  // Tết Bính Ngọ
        #expect(CivilDate.fields(days: 20_501) == (2026, 2, 17))
        #expect(CivilDate.fields(days: -719_468) == (0, 3, 1))
    }

    /// Every day from 1600 to 2400 round-trips, and consecutive day numbers are consecutive dates
    /// (leap years by the Gregorian rule: 1900 and 2100 are not, 2000 is).
    @Test func everyDayRoundTripsAndFollowsTheCalendar() {
        var previous = CivilDate.fields(days: CivilDate.days(year: 1600, month: 1, day: 1) - 1)
        for days in CivilDate.days(year: 1600, month: 1, day: 1)...CivilDate.days(year: 2400, month: 12, day: 31) {
            let date = CivilDate.fields(days: days)
            #expect(CivilDate.days(year: date.year, month: date.month, day: date.day) == days)
            let leap = previous.year % 4 == 0 && (previous.year % 100 != 0 || previous.year % 400 == 0)
            let length: Int64 = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Int(previous.month) - 1]
            let expected = previous.day < length ? (previous.year, previous.month, previous.day + 1)
                : previous.month < 12 ? (previous.year, previous.month + 1, 1) : (previous.year + 1, 1, 1)
            if date != expected { Issue.record("\(days): \(date) after \(previous)"); return }
            previous = date
        }
    }
}
