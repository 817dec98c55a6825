import Foundation
import PropertyBased
import Testing
@testable import MotCuaDomain

/// Invariants over random dates 2024-2031 (official and rule-based years, Tết and year ends included).
@Suite("Properties")
struct PropertyTests {
    static let firstDay = day(2024, 1, 1).daysSinceEpoch
    static let lastDay = day(2031, 12, 31).daysSinceEpoch
    static let dates = Gen.int(in: firstDay...lastDay).map { LocalDate(daysSinceEpoch: $0) }
    /// Instants in those years at any second.
    static let instants = Gen.int(in: (firstDay * 86_400)...(lastDay * 86_400)).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    static let units = Gen.element(of: ProcessingTime.Unit.allCases).map { $0! }

    @Test("a due date is always a working day")
    func dueDateIsWorkingDay() async {
        await propertyCheck(count: 300, input: Self.instants, Gen.int(in: 0...40), Self.units) { accepted, value, unit in
            let deadline = clock.deadline(acceptedAt: accepted, processingTime: ProcessingTime(value: value, unit: unit)!)
            #expect(calendar.isWorkingDay(deadline.dueDate), "\(accepted) + \(value) \(unit) → \(deadline.dueDate)")
            #expect(deadline.dueAt >= accepted)
        }
    }

    @Test("adding N then M working days equals adding N + M")
    func workingDaysCompose() async {
        await propertyCheck(count: 300, input: Self.dates, Gen.int(in: 0...30), Gen.int(in: 0...30)) { date, n, m in
            let start = calendar.workingDayOnOrAfter(date)
            #expect(calendar.addingWorkingDays(m, to: calendar.addingWorkingDays(n, to: start))
                == calendar.addingWorkingDays(n + m, to: start))
            #expect(calendar.workingDays(from: start, to: calendar.addingWorkingDays(n, to: start)) == n)
        }
    }

    @Test("working hours compose too: adding h1 then h2 hours equals adding h1 + h2")
    func workingHoursCompose() async {
        await propertyCheck(count: 200, input: Self.instants, Gen.int(in: 1...40), Gen.int(in: 1...40)) { instant, h1, h2 in
            #expect(calendar.addingWorkingHours(h2, to: calendar.addingWorkingHours(h1, to: instant))
                == calendar.addingWorkingHours(h1 + h2, to: instant))
            let end = calendar.addingWorkingHours(h1, to: instant)
            #expect(calendar.workingSeconds(from: instant, to: end) == h1 * 3600)
        }
    }

    @Test("the due date never moves backwards when a pause is added")
    func pauseNeverBackwards() async {
        await propertyCheck(count: 300, input: Self.dates, Self.instants, Gen.int(in: -86_400 * 3...86_400 * 40)) { due, paused, length in
            let original = calendar.workingDayOnOrAfter(due)
            let resumed = clock.resumedDueDate(original: original, pausedAt: paused,
                                               resumedAt: paused.addingTimeInterval(TimeInterval(length)))
            #expect(resumed >= original)
            #expect(calendar.isWorkingDay(resumed))
        }
    }

    @Test("timeliness is monotonic in the finish time: finishing later never scores better")
    func timelinessMonotonic() async {
        await propertyCheck(count: 300, input: Self.dates, Self.instants, Gen.int(in: 0...86_400 * 20), Gen.int(in: 0...2)) { due, first, gap, supplements in
            let second = first.addingTimeInterval(TimeInterval(gap))
            let a = Timeliness.of(dueDate: due, finishedAt: first, now: second, supplementRequests: supplements)
            let b = Timeliness.of(dueDate: due, finishedAt: second, now: second, supplementRequests: supplements)
            #expect(a.severity <= b.severity, "\(first) → \(a), \(second) → \(b)")
            let openA = Timeliness.of(dueDate: due, finishedAt: nil, now: first, supplementRequests: supplements)
            let openB = Timeliness.of(dueDate: due, finishedAt: nil, now: second, supplementRequests: supplements)
            #expect(openA.severity <= openB.severity)
        }
    }

    @Test("LocalDate and Date round-trip through UTC+7, and ISO text round-trips")
    func dateRoundTrip() async {
        await propertyCheck(count: 300, input: Self.dates, Gen.int(in: 0...86_399)) { date, second in
            let instant = VietnamTime.instant(date, secondOfDay: second)
            #expect(LocalDate(vietnam: instant) == date)
            #expect(VietnamTime.split(instant).secondOfDay == second)
            #expect(LocalDate(iso: date.description) == date)
            #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
            #expect(IsoWeek(iso: date.isoWeek.description)!.days.contains(date))
        }
    }

    @Test("solar → lunar → solar round-trips")
    func lunarRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.int(in: day(1900, 3, 1).daysSinceEpoch...day(2199, 10, 1).daysSinceEpoch)) { n in
            let date = LocalDate(daysSinceEpoch: n)
            #expect(VietnameseLunarCalendar.solarDate(of: VietnameseLunarCalendar.lunarDate(of: date)) == date)
        }
    }

    @Test("a dossier code round-trips through its text")
    func dossierCodeRoundTrip() async {
        await propertyCheck(count: 200, input: Self.dates, Gen.int(in: 1...999_999)) { date, sequence in
            let code = DossierCode(agency: AgencyCode("H15.50.05.13")!, date: date, sequence: sequence)
            #expect(DossierCode(parsing: code.description) == code)
        }
    }
}
