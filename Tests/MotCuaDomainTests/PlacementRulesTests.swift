import MotCuaDomain
import Testing

/// Where accounts belong and which corrections the working calendar accepts.
@Suite struct PlacementRulesTests {
    @Test(arguments: Role.allCases)
    func provinceWideAccountsBelongToAProvinceUnit(role: Role) {
        let provinceWide = [.admin, .nationalAdmin, .portal, .auditor].contains(role)
        #expect((Role.placementViolation(of: [role], inCommune: true) != nil) == provinceWide)
        #expect(Role.placementViolation(of: [role], inCommune: false) == nil)
        // One province-wide role among others is enough to keep the account out of a commune.
        #expect((Role.placementViolation(of: [.reception, role], inCommune: true) != nil) == provinceWide)
    }

    @Test(arguments: DayType.allCases)
    func makeUpDaysAreWeekendsAndDaysOffAreWeekdays(type: DayType) {
        let saturday = LocalDate(2026, 9, 5), sunday = LocalDate(2026, 9, 6), wednesday = LocalDate(2026, 9, 2)
        let makeUp = type == .makeupWorkday
        #expect((CalendarDay.typeViolation(type, on: saturday) == nil) == makeUp)
        #expect((CalendarDay.typeViolation(type, on: sunday) == nil) == makeUp)
        #expect((CalendarDay.typeViolation(type, on: wednesday) == nil) == !makeUp)
    }
}
