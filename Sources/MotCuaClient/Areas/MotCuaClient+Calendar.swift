import Foundation
import MotCuaAPI

extension MotCuaClient {
    /// Working days and the deadlines the server computes.
    ///
    /// ```swift
    /// let year = try await client.calendar.year(2026)
    /// try await client.calendar.setDay("2026-09-04", type: .swappedOff, name: "Nghỉ bù Quốc khánh")
    /// let deadline = try await client.calendar.deadline(
    ///     start: ISO8601DateFormatter().date(from: "2026-02-13T09:00:00Z")!, value: 3)
    /// print(deadline.dueDate)   // "2026-02-26" (after the Tết holiday)
    /// ```
    public struct Calendar: Sendable {
        let client: MotCuaClient

        /// The days of `year` that differ from plain Monday-Friday weeks.
        public func year(_ year: Int) async throws -> CalendarYear {
            try await client.call { try await $0.getCalendarYear(path: .init(year: year)).ok.body.json }
        }

        /// Sets a special day (admin only), overriding the built-in plan for that date.
        ///
        /// - Parameter date: `YYYY-MM-DD`.
        @discardableResult
        public func setDay(_ date: String, type: DayType, name: String) async throws -> CalendarDay {
            try await client.call {
                try await $0.putCalendarDay(path: .init(date: date), body: .json(.init(_type: type.schema, name: name))).ok.body.json
            }
        }

        /// Restores the built-in plan for `date` (admin only); fine when there was no override.
        public func deleteDay(_ date: String) async throws {
            _ = try await client.call { try await $0.deleteCalendarDay(path: .init(date: date)).noContent }
        }

        /// The start day and due date the server would compute for a dossier accepted at `start`.
        ///
        /// - Parameters:
        ///   - value: the processing time, in `unit`.
        ///   - unit: working days (default), calendar days or working hours.
        ///   - cutoff: the cut-off time `HH:MM`; acceptance after it starts on the next working day.
        public func deadline(start: Date, value: Int, unit: TimeUnit? = nil, cutoff: String? = nil) async throws -> Deadline {
            try await client.call {
                try await $0.getDeadline(query: .init(start: start, value: value, unit: unit?.schema, cutoff: cutoff)).ok.body.json
            }
        }
    }

    /// What citizens use without an account.
    ///
    /// ```swift
    /// let anonymous = MotCuaClient(serverURL: url)
    /// let status = try await anonymous.public.lookup("H15.50.05.13-261008-0975", lookupKey: "K7P2QX")
    /// print(status.status, status.appointmentDate ?? "")
    /// ```
    public struct Public: Sendable {
        let client: MotCuaClient

        /// The public view of a dossier: status, dates, timeliness, masked applicant name.
        ///
        /// - Throws: `MotCuaClientError.problem` with code `not-found` for an unknown code or a
        ///   wrong key (the two are indistinguishable on purpose).
        public func lookup(_ code: String, lookupKey: String) async throws -> PublicDossier {
            try await client.call {
                try await $0.lookupDossier(path: .init(code: code), query: .init(lookupKey: lookupKey)).ok.body.json
            }
        }

        /// Records the citizen's rating of a finished dossier, once.
        ///
        /// - Throws: `MotCuaClientError.problem` with code `already-rated` or `not-finished` (409).
        @discardableResult
        public func rate(_ code: String, lookupKey: String, _ rating: RatingInput) async throws -> Rating {
            try await client.call {
                try await $0.rateDossier(path: .init(code: code), query: .init(lookupKey: lookupKey), body: .json(rating.schema))
                    .created.body.json
            }
        }
    }
}
