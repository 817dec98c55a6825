import Foundation

/// The built-in days off and make-up days of the Vietnamese civil service, before any admin override.
///
/// For 2025 and 2026 these are the government's official plans (docs/domain.md §3). Every other year is
/// derived from the Labour Code 2019 Art. 112 rules, since the government publishes each plan only
/// in the autumn before:
/// - holidays: 1/1; Tết = the last day of the old lunar year and the first four of the new one;
///   Hùng Kings' day (10/3 lunar); 30/4; 1/5; 2/9 plus one adjacent day;
/// - the adjacent day of 2/9 is 1/9 unless 1/9 is a weekend day or 2/9 is a Thursday, then 3/9
///   (so the break joins a weekend where it can: Thu 2/9 → Fri 3/9 off, Tue 2/9 → Mon 1/9 off);
/// - each holiday falling on a Saturday or Sunday, and each holiday coinciding with another, gives a
///   compensatory day off on the next weekday that is not already off, in date order;
/// - no swaps or make-up Saturdays are invented: those are decided yearly and loaded by admins.
///
/// Only dates that change whether a day is worked are listed: a holiday on a Sunday appears only
/// through its compensatory Monday ("Nghỉ bù Giỗ Tổ Hùng Vương").
public enum VietnameseHolidays {
    /// Years with an official plan built in.
    public static let officialYears: ClosedRange<Int> = 2025...2026

    /// The built-in days of `year`, sorted by date: the official plan when there is one, else the rules.
    public static func days(inYear year: Int) -> [CalendarDay] {
        switch year {
        case 2025: official2025
        case 2026: official2026
        default: ruleBasedDays(inYear: year)
        }
    }

    /// The days of `year` as the Labour Code rules alone derive them (ignoring official plans).
    public static func ruleBasedDays(inYear year: Int) -> [CalendarDay] {
        var holidays: [(date: LocalDate, name: String)] = [(LocalDate(year, 1, 1), Names.newYear)]
        let tet = VietnameseLunarCalendar.newYear(year)
        for offset in -1...3 { holidays.append((tet.adding(days: offset), Names.tet)) }
        if let hung = VietnameseLunarCalendar.solarDate(of: LunarDate(year: year, month: 3, day: 10)) {
            holidays.append((hung, Names.hungKings))
        }
        holidays.append((LocalDate(year, 4, 30), Names.reunification))
        holidays.append((LocalDate(year, 5, 1), Names.labour))
        let national = LocalDate(year, 9, 2)
        let dayBefore = LocalDate(year, 9, 1)
        let adjacent = dayBefore.weekday.isWeekend || national.weekday == .thursday ? LocalDate(year, 9, 3) : dayBefore
        holidays.append((national, Names.national))
        holidays.append((adjacent, Names.national))
        holidays.sort { $0.date < $1.date }

        var result: [LocalDate: CalendarDay] = [:]
        var needsCompensation: [(date: LocalDate, name: String)] = []
        for holiday in holidays {
            if holiday.date.weekday.isWeekend || result[holiday.date] != nil {
                needsCompensation.append(holiday)
            } else {
                result[holiday.date] = CalendarDay(date: holiday.date, type: .holiday, name: holiday.name)
            }
        }
        for holiday in needsCompensation {
            var day = holiday.date.adding(days: 1)
            while day.weekday.isWeekend || result[day] != nil { day = day.adding(days: 1) }
            result[day] = CalendarDay(date: day, type: .compensatoryOff, name: Names.compensatory + holiday.name)
        }
        return result.values.sorted { $0.date < $1.date }
    }

    /// Vietnamese names shown to citizens and officers.
    enum Names {
        static let newYear = "Tết Dương lịch"
        static let tet = "Tết Nguyên đán"
        static let hungKings = "Giỗ Tổ Hùng Vương"
        static let reunification = "Ngày Chiến thắng"
        static let labour = "Ngày Quốc tế Lao động"
        static let national = "Quốc khánh"
        static let compensatory = "Nghỉ bù "
    }

    private static func day(_ y: Int, _ m: Int, _ d: Int, _ type: DayType, _ name: String) -> CalendarDay {
        CalendarDay(date: LocalDate(y, m, d), type: type, name: name)
    }

    /// 2025 civil-service plan: Tết Mon 27/1-Fri 31/1; 30/4-2/5 with Sat 26/4 worked for Fri 2/5.
    static let official2025: [CalendarDay] = [
        day(2025, 1, 1, .holiday, Names.newYear),
        day(2025, 1, 27, .holiday, Names.tet), day(2025, 1, 28, .holiday, Names.tet),
        day(2025, 1, 29, .holiday, Names.tet), day(2025, 1, 30, .holiday, Names.tet),
        day(2025, 1, 31, .holiday, Names.tet),
        day(2025, 4, 7, .holiday, Names.hungKings),
        day(2025, 4, 26, .makeupWorkday, "Làm bù cho thứ Sáu 2/5"),
        day(2025, 4, 30, .holiday, Names.reunification),
        day(2025, 5, 1, .holiday, Names.labour),
        day(2025, 5, 2, .swappedOff, "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)"),
        day(2025, 9, 1, .holiday, Names.national), day(2025, 9, 2, .holiday, Names.national),
    ]

    /// 2026 official plan: Tết Mon 16/2-Fri 20/2; Hùng Kings on Sunday 26/4 → Mon 27/4 off;
    /// 1/9-2/9 plus Mon 31/8 swapped with Sat 22/8.
    static let official2026: [CalendarDay] = [
        day(2026, 1, 1, .holiday, Names.newYear),
        day(2026, 2, 16, .holiday, Names.tet), day(2026, 2, 17, .holiday, Names.tet),
        day(2026, 2, 18, .holiday, Names.tet), day(2026, 2, 19, .holiday, Names.tet),
        day(2026, 2, 20, .holiday, Names.tet),
        day(2026, 4, 27, .compensatoryOff, Names.compensatory + Names.hungKings),
        day(2026, 4, 30, .holiday, Names.reunification),
        day(2026, 5, 1, .holiday, Names.labour),
        day(2026, 8, 22, .makeupWorkday, "Làm bù cho thứ Hai 31/8"),
        day(2026, 8, 31, .swappedOff, "Nghỉ hoán đổi (làm bù thứ Bảy 22/8)"),
        day(2026, 9, 1, .holiday, Names.national), day(2026, 9, 2, .holiday, Names.national),
    ]
}
