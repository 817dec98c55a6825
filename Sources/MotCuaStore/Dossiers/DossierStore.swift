import Foundation
import MotCuaDomain
import MotCuaPostgres

/// Dossiers: intake, actions (see `DossierStore+Actions.swift`), reads and history. Every read is
/// scoped to what the caller may see, in SQL.
public struct DossierStore: Sendable {
    let pool: PostgresPool
    /// Working days an online dossier may stay incomplete after a completion request before it is closed.
    let onlineIncompleteWorkingDays: Int
    /// The procedure versions dossiers pin (immutable once published).
    let procedureVersions = ProcedureVersionCache()

    public init(pool: PostgresPool, onlineIncompleteWorkingDays: Int = 15) {
        self.pool = pool
        self.onlineIncompleteWorkingDays = onlineIncompleteWorkingDays
    }

    /// The dossier, or nil when it does not exist or the caller may not see it (no leak of existence).
    public func get(code: String, for principal: Principal) async throws -> DossierRecord? {
        try await pool.query("""
            SELECT \(unescaped: DossierRecord.selectList) \(unescaped: DossierRecord.fromClause)
            WHERE d.code = \(code) AND \(principal.dossierScope)
            """).first.map(DossierRecord.init(row:))
    }

    /// The dossier for the public lookup: found by code only; the caller checks the lookup key.
    public func getPublic(code: String) async throws -> DossierRecord? {
        try await pool.query("""
            SELECT \(unescaped: DossierRecord.selectList) \(unescaped: DossierRecord.fromClause) WHERE d.code = \(code)
            """).first.map(DossierRecord.init(row:))
    }

    /// One event of a dossier's history.
    public struct Event: Sendable, Hashable {
        public var at: Date
        public var type: String
        public var fromStatus: DossierStatus?
        public var toStatus: DossierStatus?
        public var actor: String?
        public var step: String?
        public var stepDeadline: Date?
        public var timeliness: String?
        public var reason: String?
        /// The event's details as JSON object text.
        public var data: String
    }

    /// Every event in order, or nil when the caller may not see the dossier.
    public func history(code: String, for principal: Principal) async throws -> [Event]? {
        let rows = try await pool.query("""
            SELECT e.at, e.type, e.from_status, e.to_status, u.username, e.step, e.step_deadline, e.timeliness, e.reason, e.data::text
            FROM dossiers d
            LEFT JOIN dossier_events e ON e.dossier_id = d.id
            LEFT JOIN users u ON u.id = e.actor_id
            WHERE d.code = \(code) AND \(principal.dossierScope)
            ORDER BY e.id
            """)
        guard !rows.isEmpty else { return nil }
        return try rows.compactMap { row in
            guard let at = try row.decode(Date?.self, at: 0) else { return nil }
            return Event(
                at: at, type: try row.decode(String.self, at: 1),
                fromStatus: try row.decode(Int?.self, at: 2).flatMap(DossierStatus.init(code:)),
                toStatus: try row.decode(Int?.self, at: 3).flatMap(DossierStatus.init(code:)),
                actor: try row.decode(String?.self, at: 4), step: try row.decode(String?.self, at: 5),
                stepDeadline: try row.decode(Date?.self, at: 6), timeliness: try row.decode(String?.self, at: 7),
                reason: try row.decode(String?.self, at: 8), data: try row.decode(String.self, at: 9))
        }
    }
}
