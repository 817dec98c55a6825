import Foundation
import MotCuaDomain
import MotCuaPostgres

extension DossierStore {
    /// Runs the recomputations that migrations queued in `pending_backfills` because they need the
    /// working calendar. Each runs in one transaction with the removal of its row, under a lock on
    /// it, so instances starting together do it once. Returns the names run.
    public func runPendingBackfills(calendar: WorkCalendar) async throws -> [String] {
        var done: [String] = []
        while let name = try await runOneBackfill(clock: DeadlineClock(calendar: calendar)) { done.append(name) }
        return done
    }

    private func runOneBackfill(clock: DeadlineClock) async throws -> String? {
        try await pool.withTransaction { tx in
            // A recomputation over every finished dossier may outlast a request's statement_timeout.
            try await tx.simpleQuery("SET LOCAL statement_timeout = 0")
            let rows = try await tx.query("SELECT name FROM pending_backfills ORDER BY name LIMIT 1 FOR UPDATE SKIP LOCKED")
            guard let name = try rows.first?.decode(String.self, at: 0) else { return nil }
            switch name {
            case "elapsed-excludes-waits": try await recomputeWorkingHourElapsed(clock: clock, tx)
            default: break  // a name this version does not know: a newer server's; leave it to that one
            }
            _ = try await tx.execute("DELETE FROM pending_backfills WHERE name = \(name)")
            return name
        }
    }

    /// Finished working-hour dossiers with a supplement wait: their time taken counted the wait
    /// before the rule that excludes every wait; recompute it without.
    private func recomputeWorkingHourElapsed(clock: DeadlineClock, _ tx: PostgresConnection) async throws {
        let rows = try await tx.query("""
            SELECT d.id, d.start_date::text, d.received_at, d.finished_at, pv.processing_value,
                   array_agg(extract(epoch FROM r.requested_at)::float8 ORDER BY r.id),
                   array_agg(extract(epoch FROM coalesce(r.supplied_at, d.finished_at))::float8 ORDER BY r.id)
            FROM dossiers d
            JOIN procedure_versions pv ON pv.code = d.procedure_code AND pv.version = d.procedure_version
            JOIN supplement_requests r ON r.dossier_id = d.id AND r.phase = 'processing'
            WHERE pv.processing_unit = 'working_hours' AND d.finished_at IS NOT NULL AND d.received_at IS NOT NULL
              AND d.start_date IS NOT NULL
            GROUP BY d.id, pv.processing_value
            """)
        for row in rows {
            let (id, start, receivedAt, finishedAt, statutory) = try row.decode((Int64, String, Date, Date, Int).self)
            guard let startDate = LocalDate(iso: start) else { continue }
            let froms = try row.decode([Double].self, at: 5), untils = try row.decode([Double].self, at: 6)
            let waits = zip(froms, untils).map {
                SupplementWait(from: Date(timeIntervalSince1970: $0), until: Date(timeIntervalSince1970: $1))
            }
            let elapsed = clock.elapsed(unit: .workingHours, startDate: startDate, receivedAt: receivedAt, end: finishedAt, waits: waits)
            _ = try await tx.execute("""
                UPDATE dossiers SET elapsed = \(elapsed), elapsed_ratio = \(elapsed / Double(max(statutory, 1))) WHERE id = \(id)
                """)
        }
    }
}
