import Foundation
import MotCuaDomain
import MotCuaPostgres

/// Admin corrections of the built-in working-day plan, and the `WorkCalendar` they make.
public struct CalendarStore: Sendable {
    let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// Every stored correction.
    public func overrides() async throws -> [CalendarDay] {
        try await pool.query("SELECT day::text, type, name FROM calendar_days ORDER BY day").map { row in
            let (day, type, name) = try row.decode((String, String, String).self)
            guard let date = LocalDate(iso: day), let type = DayType(rawValue: type) else {
                throw StoreError.invalid(field: "calendar_days", reason: "unreadable row for \(day)")
            }
            return CalendarDay(date: date, type: type, name: name)
        }
    }

    public func put(_ day: CalendarDay, by userID: Int64) async throws {
        try await pool.query("""
            INSERT INTO calendar_days (day, type, name, updated_by) VALUES (\(day.date.description)::date, \(day.type.rawValue), \(day.name), \(userID))
            ON CONFLICT (day) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, updated_at = now(), updated_by = EXCLUDED.updated_by
            """)
    }

    public func delete(_ date: LocalDate) async throws {
        try await pool.query("DELETE FROM calendar_days WHERE day = \(date.description)::date")
    }
}
