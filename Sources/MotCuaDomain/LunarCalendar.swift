import Foundation

/// A date of the Vietnamese lunisolar calendar (âm lịch).
public struct LunarDate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The lunar year, named by the solar year in which most of it falls (Tết of 2026 opens lunar year 2026).
    public let year: Int
    /// The lunar month, 1...12.
    public let month: Int
    /// The day of the lunar month, 1...30.
    public let day: Int
    /// Whether the month is the intercalary (leap, "nhuận") repetition of `month`.
    public let isLeapMonth: Bool

    /// Creates a lunar date from its components (not checked against the calendar; see ``VietnameseLunarCalendar``).
    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// `"day/month/year"`, with `"+"` after the month when it is a leap month (e.g. `"1/2+/2033"`).
    public var description: String { "\(day)/\(month)\(isLeapMonth ? "+" : "")/\(year)" }
}

/// The Vietnamese lunisolar calendar, computed astronomically at UTC+7.
///
/// This is Hồ Ngọc Đức's published algorithm: new moons from Meeus' series (Astronomical Algorithms,
/// ch. 49, truncated) and the sun's apparent longitude for the 24 solar terms, both evaluated at the
/// Vietnamese meridian (UTC+7). Month 11 contains the winter solstice; a year with 13 months repeats
/// the first month that contains no major solar term. Using UTC+7 rather than China's UTC+8 is what
/// makes, for example, Tết 2030 fall on 2 February in Vietnam but 3 February in China.
/// Accurate for roughly 1800-2199; results for a year are cheap (a few dozen trigonometric series).
public enum VietnameseLunarCalendar {
    /// The time zone, in hours east of UTC, at which new moons and solar terms are dated.
    public static let timeZone = VietnamTime.offsetHours

    /// The solar date of the lunar new year (mùng 1 Tết) of lunar year `year`.
    public static func newYear(_ year: Int) -> LocalDate {
        solarDate(of: LunarDate(year: year, month: 1, day: 1))!
    }

    /// The solar date of a lunar date, or `nil` when it does not exist (e.g. a leap month that year lacks).
    public static func solarDate(of lunar: LunarDate, timeZone: Double = timeZone) -> LocalDate? {
        let a11: Int, b11: Int
        if lunar.month < 11 {
            a11 = lunarMonth11(lunar.year - 1, timeZone)
            b11 = lunarMonth11(lunar.year, timeZone)
        } else {
            a11 = lunarMonth11(lunar.year, timeZone)
            b11 = lunarMonth11(lunar.year + 1, timeZone)
        }
        let k = Int((0.5 + (Double(a11) - 2_415_021.076998695) / 29.530588853).rounded(.down))
        var offset = lunar.month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(a11, timeZone)
            var leapMonth = leapOffset - 2
            if leapMonth < 0 { leapMonth += 12 }
            if lunar.isLeapMonth && lunar.month != leapMonth { return nil }
            if lunar.isLeapMonth || offset >= leapOffset { offset += 1 }
        } else if lunar.isLeapMonth {
            return nil
        }
        let monthStart = newMoonDay(k + offset, timeZone)
        return fromJulianDay(monthStart + lunar.day - 1)
    }

    /// The lunar date of a solar date.
    public static func lunarDate(of date: LocalDate, timeZone: Double = timeZone) -> LunarDate {
        let dayNumber = julianDay(date)
        let k = Int(((Double(dayNumber) - 2_415_021.076998695) / 29.530588853).rounded(.down))
        var monthStart = newMoonDay(k + 1, timeZone)
        if monthStart > dayNumber { monthStart = newMoonDay(k, timeZone) }
        var a11 = lunarMonth11(date.year, timeZone)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = date.year
            a11 = lunarMonth11(date.year - 1, timeZone)
        } else {
            lunarYear = date.year + 1
            b11 = lunarMonth11(date.year + 1, timeZone)
        }
        let day = dayNumber - monthStart + 1
        let diff = (monthStart - a11) / 29
        var isLeap = false
        var month = diff + 11
        if b11 - a11 > 365 {
            let leapDiff = leapMonthOffset(a11, timeZone)
            if diff >= leapDiff {
                month = diff + 10
                if diff == leapDiff { isLeap = true }
            }
        }
        if month > 12 { month -= 12 }
        if month >= 11 && diff < 4 { lunarYear -= 1 }
        return LunarDate(year: lunarYear, month: month, day: day, isLeapMonth: isLeap)
    }

    // MARK: - Astronomy (Julian day numbers are integers at local noon)

    static func julianDay(_ date: LocalDate) -> Int { date.daysSinceEpoch + 2_440_588 }

    static func fromJulianDay(_ jd: Int) -> LocalDate { LocalDate(daysSinceEpoch: jd - 2_440_588) }

    /// The Julian day of the k-th new moon after 1900-01-01 (Meeus' truncated series).
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85, t2 = t * t, t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        // Written term by term (not `c1 -= a + b`): the published series alternates signs.
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd1 + c1 - deltaT
    }

    /// The local day (Julian day number) on which the k-th new moon falls.
    static func newMoonDay(_ k: Int, _ timeZone: Double) -> Int {
        Int((newMoon(k) + 0.5 + timeZone / 24).rounded(.down))
    }

    /// The sun's apparent longitude in radians, 0..<2π, at Julian day `jdn` (UT).
    static func sunLongitude(_ jdn: Double) -> Double {
        let t = (jdn - 2_451_545.0) / 36525, t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * (l / (Double.pi * 2)).rounded(.down)
        return l
    }

    /// The major solar term (0...11, 30° sectors) at the start of local day `dayNumber`.
    static func solarTerm(_ dayNumber: Int, _ timeZone: Double) -> Int {
        Int((sunLongitude(Double(dayNumber) - 0.5 - timeZone / 24) / Double.pi * 6).rounded(.down))
    }

    /// The first day of the lunar month 11 (the month holding the winter solstice) of solar year `year`.
    static func lunarMonth11(_ year: Int, _ timeZone: Double) -> Int {
        let offset = Double(julianDay(LocalDate(year, 12, 31)) - 2_415_021)
        let k = Int((offset / 29.530588853).rounded(.down))
        var start = newMoonDay(k, timeZone)
        if solarTerm(start, timeZone) >= 9 { start = newMoonDay(k - 1, timeZone) }
        return start
    }

    /// How many months after month 11 (starting at `a11`) the leap month comes, in a 13-month year.
    static func leapMonthOffset(_ a11: Int, _ timeZone: Double) -> Int {
        let k = Int(((Double(a11) - 2_415_021.076998695) / 29.530588853 + 0.5).rounded(.down))
        var i = 1
        var arc = solarTerm(newMoonDay(k + i, timeZone), timeZone)
        var last = 0
        repeat {
            last = arc
            i += 1
            arc = solarTerm(newMoonDay(k + i, timeZone), timeZone)
        } while arc != last && i < 14
        return i - 1
    }
}
