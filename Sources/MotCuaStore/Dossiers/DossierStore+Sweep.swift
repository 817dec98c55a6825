import Foundation
import MotCuaDomain
import MotCuaPostgres

extension DossierStore {
    /// What one sweep did.
    public struct SweepResult: Sendable, Equatable {
        public var acceptBreaches = 0
        public var closedIncomplete = 0
        public var dueSoon = 0
        public init() {}
    }

    /// The deadline sweep: online dossiers past their acceptance window are marked breached, online
    /// dossiers left incomplete past their window are closed (refused), and open dossiers due within
    /// one working day without an apology are flagged. Each is one statement over rows locked with
    /// `SKIP LOCKED`, so several server instances can sweep at once without doing anything twice.
    /// `province` limits the sweep to one province (nil: all of them).
    public func sweep(now: Date, calendar: WorkCalendar, batch: Int = 500, province: String? = nil) async throws -> SweepResult {
        var result = SweepResult()
        let scope: PostgresQuery = if let province { "province = \(province) AND " } else { "" }
        result.acceptBreaches = try await mark(
            select: "\(scope)status = 1 AND NOT accept_breached AND accept_by < \(now)", order: "accept_by",
            set: "accept_breached = true", type: "accept-deadline-breached", reason: nil, now: now, batch: batch)
        result.closedIncomplete = try await mark(
            select: "\(scope)status = 1 AND incomplete_expires_at IS NOT NULL AND incomplete_expires_at < \(now)", order: "incomplete_expires_at",
            set: "status = \(DossierStatus.refused.code), finished_at = \(now), incomplete_expires_at = NULL", type: "closed-incomplete",
            reason: "The dossier was not completed within the allowed working days after the completion request.", now: now, batch: batch)
        let horizon = calendar.nextWorkingDay(after: LocalDate(vietnam: now))
        result.dueSoon = try await mark(
            select: "\(scope)status IN (2, 4, 5, 6) AND NOT apologized AND NOT due_soon_flagged AND due_date <= \(horizon.description)::date",
            order: "due_date", set: "due_soon_flagged = true", type: "due-soon", reason: nil, now: now, batch: batch)
        return result
    }

    private func mark(select: PostgresQuery, order: String, set: PostgresQuery, type: String, reason: String?, now: Date, batch: Int)
        async throws -> Int
    {
        try await pool.query("""
            WITH due AS (
                SELECT id, status AS from_status FROM dossiers WHERE \(select)
                ORDER BY \(unescaped: order) LIMIT \(batch) FOR UPDATE SKIP LOCKED),
            changed AS (
                UPDATE dossiers d SET \(set), version = d.version + 1, updated_at = \(now)
                FROM due WHERE d.id = due.id
                RETURNING d.id, d.status, d.province, due.from_status, motcua_portal_dossier(d, \(now)) AS portal_payload),
            events AS (
                INSERT INTO dossier_events (dossier_id, at, type, from_status, to_status, reason)
                SELECT id, \(now)::timestamptz, \(type)::text, from_status, status, \(reason)::text FROM changed
                RETURNING id, dossier_id)
            INSERT INTO outbox (dossier_id, event_id, topic, payload, province, occurred_at)
            SELECT e.dossier_id, e.id, \("dossier." + type), c.portal_payload, c.province, \(now)::timestamptz
            FROM events e JOIN changed c ON c.id = e.dossier_id
            """).affectedRows
    }
}
