import Foundation
import MotCuaDomain
import MotCuaPostgres

/// The evaluation aggregates, computed in SQL over indexed columns: nothing is loaded into Swift to
/// be counted. The SQL mirrors MotCuaDomain's definitions (`motcua_timeliness` is `Timeliness.of`),
/// which the tests check on generated data.
public struct EvaluationStore: Sendable {
    let pool: PostgresPool
    /// `statement_timeout` of a report's transaction, in milliseconds.
    let timeoutMilliseconds: Int

    public init(pool: PostgresPool, timeoutMilliseconds: Int = 60_000) {
        self.pool = pool
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// Which units to report on.
    public enum Units: Sendable {
        case one(String)
        case province(String)
    }

    /// Figures per handling unit for the period [start, end), judged as of `asOf`; units without
    /// dossiers are included with zeros.
    public func unitFigures(_ units: Units, start: Date, end: Date, asOf: Date) async throws -> [UnitFigures] {
        let unitFilter: PostgresQuery = switch units {
        case .one(let code): "un.code = \(code)"
        case .province(let code): "un.province = \(code) AND un.kind = 'commune'"
        }
        let dossierFilter: PostgresQuery = switch units {
        case .one(let code): "d.handling_unit = \(code)"
        case .province(let code): "d.province = \(code)"
        }
        let statusColumns = DossierStatus.allCases.map { "count(*) FILTER (WHERE p.status = \($0.code))" }.joined(separator: ", ")
        let rows = try await report("""
            WITH p AS NOT MATERIALIZED (
                SELECT d.id, d.handling_unit, d.status, d.channel, d.received_at, d.finished_at, d.supplement_requests, d.apologized,
                       d.digitized, d.paid_online, d.elapsed, d.elapsed_ratio, pv.processing_unit,
                       (pv.fee_amount > 0 OR d.fee_requested > 0) AS fee_bearing,
                       (d.finished_at IS NOT NULL AND d.finished_at <= \(asOf)) AS done,
                       motcua_timeliness(d.due_date, CASE WHEN d.finished_at <= \(asOf) THEN d.finished_at END,
                                         \(EvaluationStore.judgedAt(asOf)), d.supplement_requests) AS t
                FROM \(Self.periodDossiers(dossierFilter, start: start, end: end)) d
                JOIN procedure_versions pv ON pv.code = d.procedure_code AND pv.version = d.procedure_version),
            f AS (
                SELECT p.handling_unit AS unit,
                    count(*) AS dossiers,
                    count(*) FILTER (WHERE p.received_at >= \(start)) AS received,
                    count(*) FILTER (WHERE p.done) AS finished,
                    count(*) FILTER (WHERE NOT p.done) AS open,
                    count(*) FILTER (WHERE p.t = 'early'), count(*) FILTER (WHERE p.t = 'on_time'),
                    count(*) FILTER (WHERE p.t = 'late'), count(*) FILTER (WHERE p.t = 'within_deadline'),
                    count(*) FILTER (WHERE p.t = 'overdue'),
                    avg(p.elapsed_ratio) FILTER (WHERE p.done)::float8,
                    avg(\(unescaped: Self.days)) FILTER (WHERE p.done)::float8,
                    coalesce(sum(p.supplement_requests), 0)::int8, count(*) FILTER (WHERE p.supplement_requests > 1),
                    count(*) FILTER (WHERE p.apologized), count(*) FILTER (WHERE p.channel = 'online'),
                    count(*) FILTER (WHERE p.fee_bearing), count(*) FILTER (WHERE p.fee_bearing AND p.paid_online),
                    count(*) FILTER (WHERE p.digitized),
                    count(o.dossier_id),
                    count(r.dossier_id), avg(r.total)::float8,
                    count(*) FILTER (WHERE r.band = 'excellent'), count(*) FILTER (WHERE r.band = 'good'),
                    count(*) FILTER (WHERE r.band = 'fair'), count(*) FILTER (WHERE r.band = 'average'),
                    count(*) FILTER (WHERE r.band = 'weak'),
                    count(*) FILTER (WHERE r.satisfaction = 'very_satisfied'), count(*) FILTER (WHERE r.satisfaction = 'satisfied'),
                    count(*) FILTER (WHERE r.satisfaction = 'dissatisfied'),
                    \(unescaped: statusColumns)
                FROM p LEFT JOIN dossier_ratings r ON r.dossier_id = p.id
                LEFT JOIN (SELECT DISTINCT dossier_id FROM outbox WHERE delivered_at IS NOT NULL) o ON o.dossier_id = p.id
                GROUP BY p.handling_unit),
            q AS (
                SELECT p.handling_unit AS unit, percentile_cont(0.9) WITHIN GROUP (ORDER BY \(unescaped: Self.days))::float8 AS p90
                FROM p WHERE p.finished_at >= \(start) AND p.finished_at <= \(asOf) GROUP BY p.handling_unit)
            SELECT un.code, un.name, q.p90, f.* FROM units un LEFT JOIN f ON f.unit = un.code LEFT JOIN q ON q.unit = un.code
            WHERE \(unitFilter) ORDER BY un.code
            """)
        return try rows.map(Self.decode)
    }

    /// Runs a report query with a plan made for its parameters, under the reports' statement timeout.
    /// A prepared statement's generic plan cannot tell a month from ten years and chose a sequential
    /// scan of every dossier for the province ranking; planning anew costs a millisecond, which
    /// reports can afford.
    func report(_ query: PostgresQuery) async throws -> PostgresRows {
        try await pool.withTransaction { tx in
            try await tx.simpleQuery(
                "SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL statement_timeout = \(timeoutMilliseconds)")
            return try await tx.query(query)
        }
    }

    /// The dossiers of a period, as a subquery to alias: received before its end and not finished before
    /// its start. Two branches, so that each is one index range scan (`dossiers_*_finished` and
    /// `dossiers_*_open`) instead of a walk through every dossier the unit ever received.
    static func periodDossiers(_ filter: PostgresQuery, start: Date, end: Date) -> PostgresQuery {
        """
        (SELECT * FROM dossiers d WHERE \(filter) AND d.finished_at >= \(start) AND d.received_at < \(end)
         UNION ALL
         SELECT * FROM dossiers d WHERE \(filter) AND d.finished_at IS NULL AND d.received_at < \(end))
        """
    }

    /// The instant an open dossier is judged at, as `DossierRecord.timeliness(now:)` does: `asOf`, except
    /// that a dossier waiting for a supplement (status 5) stands as it did when the wait began, since
    /// its clock is paused (supplement waiting time is excluded from 766 indicator 2.1).
    static func judgedAt(_ asOf: Date) -> PostgresQuery {
        "(CASE WHEN d.status = 5 AND d.supplement_pending_at IS NOT NULL THEN least(d.supplement_pending_at, \(asOf)::timestamptz) ELSE \(asOf)::timestamptz END)"
    }

    /// Time taken in working days: hours count as an eighth of a day.
    static let days = "CASE WHEN p.processing_unit = 'working_hours' THEN p.elapsed / 8 ELSE p.elapsed END"

    static func decode(_ row: PostgresRow) throws -> UnitFigures {
        var figures = UnitFigures(unit: try row.decode(String.self, at: 0), unitName: try row.decode(String.self, at: 1))
        guard try row.decode(String?.self, at: 3) != nil else { return figures }  // no dossiers
        figures.p90Days = try row.decode(Double?.self, at: 2)
        var column = 4
        func int() throws -> Int { defer { column += 1 }; return try row.decode(Int?.self, at: column) ?? 0 }
        func double() throws -> Double? { defer { column += 1 }; return try row.decode(Double?.self, at: column) }
        figures.dossiers = try int()
        figures.received = try int()
        figures.finished = try int()
        figures.open = try int()
        for kind in [Timeliness.early, .onTime, .late, .withinDeadline, .overdue] { figures.timeliness[kind] = try int() }
        figures.averageRatio = try double()
        figures.averageDays = try double()
        figures.supplementRequests = try int()
        figures.severalSupplements = try int()
        figures.apologies = try int()
        figures.onlineSubmitted = try int()
        figures.feeBearing = try int()
        figures.paidOnline = try int()
        figures.digitized = try int()
        figures.synced = try int()
        figures.ratings = try int()
        figures.ratingAverage = try double()
        for band in [RatingBand.excellent, .good, .fair, .average, .weak] { figures.bands[band] = try int() }
        for level in [Satisfaction.verySatisfied, .satisfied, .dissatisfied] { figures.satisfaction[level] = try int() }
        for status in DossierStatus.allCases { figures.byStatus[status] = try int() }
        return figures
    }
}
