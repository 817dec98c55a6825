import Foundation
import MotCuaDomain
import MotCuaPostgres

/// The filters of `GET /v1/dossiers`.
public struct DossierFilter: Sendable, Hashable {
    public var status: DossierStatus?
    public var procedure: String?
    public var unit: String?
    public var assignee: String?
    public var overdue: Bool?
    public var dueBefore: LocalDate?
    public var receivedFrom: LocalDate?
    public var receivedTo: LocalDate?
    public var search: String?
    /// The filing system's own id (exact).
    public var externalReference: String?
    /// Changed at or after this instant (reconciliation).
    public var updatedSince: Date?

    /// No filter: every dossier the caller sees.
    public init() {}
}

extension DossierStore {
    /// A page of dossiers newest first (`listed_at`, then code), keyset-paginated.
    ///
    /// A unit condition ("received or handled by U", from the filter or an officer's scope) is an OR
    /// over two columns, which no single index can serve in list order. The query therefore runs one
    /// branch per column, each an index range scan in list order with its own LIMIT, and merges them.
    public func list(_ filter: DossierFilter, for principal: Principal, today: LocalDate, limit: Int, cursor: String?) async throws
        -> Page<DossierRecord>
    {
        let query = try listQuery(filter, for: principal, today: today, limit: limit, cursor: cursor)
        let records = try await pool.query(query).map(DossierRecord.init(row:))
        return Page(fetched: records, limit: limit) { [$0.listedAt.postgresText() ?? "", $0.code] }
    }

    /// The SQL of `list` without running it (the EXPLAIN test checks the plans of exactly this query).
    func listQuery(_ filter: DossierFilter, for principal: Principal, today: LocalDate, limit: Int, cursor: String?) throws
        -> PostgresQuery
    {
        let after = try cursor.map { try PageCursor(decoding: $0, count: 2) }
        var common: [PostgresQuery] = []
        if let status = filter.status { common.append("d.status = \(status.code)") }
        if let procedure = filter.procedure { common.append("d.procedure_code = \(procedure)") }
        if let assignee = filter.assignee { common.append("d.assignee_id = (SELECT id FROM users WHERE username = \(assignee))") }
        if let overdue = filter.overdue {
            // A dossier waiting for a supplement is judged as of the start of the wait (its clock is paused).
            let late = Self.overdue(today: today)
            common.append(overdue ? late : "NOT coalesce(\(late), false)")
        }
        if let dueBefore = filter.dueBefore { common.append("d.status IN (2, 4, 5, 6) AND d.due_date <= \(dueBefore.description)::date") }
        if let from = filter.receivedFrom { common.append("d.listed_at >= \(from.startInstant)") }
        if let to = filter.receivedTo { common.append("d.listed_at < \(to.adding(days: 1).startInstant)") }
        if let reference = filter.externalReference { common.append("d.external_reference = \(reference)") }
        if let since = filter.updatedSince { common.append("d.updated_at >= \(since)") }
        let words = ProcedureStore.searchWords(filter.search)
        if !words.isEmpty {
            // The text lives in its own table (migration 0012), written once at intake.
            let matches = words.map { word -> PostgresQuery in
                "s.search_text LIKE '%' || motcua_fold(\(ProcedureStore.escapeLike(word))) || '%'"
            }
            common.append("EXISTS (SELECT 1 FROM dossier_search s WHERE s.dossier_id = d.id AND \(PostgresQuery.joined(matches, separator: " AND ")))")
        }
        if let after {
            guard let instant = try? Date(postgresText: after.values[0]) else { throw StoreError.invalidCursor }
            common.append("(d.listed_at, d.code) < (\(instant), \(after.values[1]))")
        }
        let branches = principal.dossierListBranches(unit: filter.unit).map { branch in
            var query: PostgresQuery = """
                (SELECT d.id, d.listed_at, d.code FROM dossiers d WHERE \(branch)
                """
            for condition in common { query += " AND \(condition)" }
            query += " ORDER BY d.listed_at DESC, d.code DESC LIMIT \(limit + 1))"
            return query
        }
        let query: PostgresQuery = """
            WITH page AS (SELECT DISTINCT id, listed_at, code FROM (\(PostgresQuery.joined(branches, separator: " UNION ALL "))) b
                          ORDER BY listed_at DESC, code DESC LIMIT \(limit + 1))
            SELECT \(unescaped: DossierRecord.selectList) \(unescaped: DossierRecord.fromClause)
            JOIN page ON page.id = d.id
            ORDER BY d.listed_at DESC, d.code DESC
            """
        return query
    }

    /// An open dossier of `d` past its due date on `today`; one waiting for a supplement is judged as
    /// of the start of the wait (its clock is paused).
    static func overdue(today: LocalDate) -> PostgresQuery {
        """
        d.status IN (2, 4, 5, 6) AND d.due_date < \(today.description)::date
        AND (d.status <> 5 OR d.due_date < ((d.supplement_pending_at AT TIME ZONE 'UTC') + interval '7 hours')::date)
        """
    }
}
