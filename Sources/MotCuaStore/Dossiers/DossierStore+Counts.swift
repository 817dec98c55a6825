import Foundation
import MotCuaDomain
import MotCuaPostgres

/// A dashboard's figures: dossiers per status, and the open ones overdue or due soon.
public struct DossierCounts: Sendable, Equatable {
    public var byStatus: [DossierStatus: Int]
    public var overdue: Int
    public var dueSoon: Int

    public var total: Int { byStatus.values.reduce(0, +) }
    public var open: Int { byStatus.filter { !$0.key.isFinished }.values.reduce(0, +) }
}

extension DossierStore {
    /// Counts of the dossiers `principal` sees (those `unit` receives or handles, when given) on
    /// `today`; due soon means running (a waiting dossier's due date moves when the wait ends), due by
    /// `dueSoonBy` (the next working day) and not overdue.
    public func counts(unit: String?, for principal: Principal, today: LocalDate, dueSoonBy: LocalDate) async throws -> DossierCounts {
        let query = countsQuery(unit: unit, for: principal, today: today, dueSoonBy: dueSoonBy)
        var counts = DossierCounts(byStatus: Dictionary(uniqueKeysWithValues: DossierStatus.allCases.map { ($0, 0) }), overdue: 0, dueSoon: 0)
        for row in try await pool.query(query) {
            guard let status = DossierStatus(code: try row.decode(Int.self, at: 0)) else { continue }
            counts.byStatus[status] = try row.decode(Int.self, at: 1)
            counts.overdue += try row.decode(Int.self, at: 2)
            counts.dueSoon += try row.decode(Int.self, at: 3)
        }
        return counts
    }

    /// The SQL of `counts` without running it (the EXPLAIN test checks its plans).
    func countsQuery(unit: String?, for principal: Principal, today: LocalDate, dueSoonBy: LocalDate) -> PostgresQuery {
        let overdue = Self.overdue(today: today)
        var query: PostgresQuery = """
            SELECT d.status, count(*), count(*) FILTER (WHERE \(overdue)),
                   count(*) FILTER (WHERE d.status IN (2, 4, 6) AND d.due_date <= \(dueSoonBy.description)::date
                                    AND NOT coalesce(\(overdue), false))
            FROM dossiers d WHERE \(principal.dossierScope)
            """
        if let unit { query += " AND \(Principal.receivedOrHandled(by: unit))" }
        query += " GROUP BY d.status"
        return query
    }
}
