import Foundation
import MotCuaDomain
import MotCuaFoundation
import MotCuaStore

/// The working calendar every deadline is computed with: built-in plans merged with the admin's
/// corrections. Reloaded after a correction on this instance and at least every `refreshInterval`
/// so corrections made on another instance are picked up.
final class CalendarProvider: Sendable {
    let store: any CalendarStoring
    let officeHours: OfficeHours
    let refreshInterval: TimeInterval
    let clock: ServerClock
    private let state = LockedValue<(calendar: WorkCalendar, loadedAt: Date)?>(nil)

    init(store: any CalendarStoring, clock: ServerClock, officeHours: OfficeHours = .standard, refreshInterval: TimeInterval = 30) {
        self.store = store
        self.clock = clock
        self.officeHours = officeHours
        self.refreshInterval = refreshInterval
    }

    func calendar() async throws -> WorkCalendar {
        if let current = state.withLock({ $0 }), clock.now.timeIntervalSince(current.loadedAt) < refreshInterval {
            return current.calendar
        }
        return try await reload()
    }

    @discardableResult
    func reload() async throws -> WorkCalendar {
        let calendar = WorkCalendar(overrides: try await store.overrides(), officeHours: officeHours)
        state.withLock { $0 = (calendar, clock.now) }
        return calendar
    }

    func clock() async throws -> DeadlineClock { DeadlineClock(calendar: try await calendar()) }
}
