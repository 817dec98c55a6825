import Foundation
import MotCuaDomain
import MotCuaPostgres

/// One officer's control-slip figures for a week (`WeeklyCompletion` of MotCuaDomain, in SQL).
public struct OfficerFigures: Sendable, Hashable {
    public var username: String
    public var fullName: String
    public var completion: WeeklyCompletion
    /// Steps still open past their deadline at the end of the week (or now).
    public var openOverdue: Int
}

extension EvaluationStore {
    /// Per officer of `unit` (every active officer, with zeros when they had nothing), the steps of
    /// `week` judged as of `now`: due in the week and decided, carried over, completed on time, open
    /// and overdue. As `WeeklyCompletion` defines them, each step is judged by its deadline as it
    /// stood at the cut-off, and a step paused at the cut-off (its dossier waited for the citizen)
    /// counts nowhere. The branches (deadline in the week; earlier and still open; earlier and closed
    /// after the cut-off; paused and resumed after the cut-off) each use an index, so old history is
    /// never scanned.
    public func officerFigures(unit: String, week: IsoWeek, now: Date) async throws -> [OfficerFigures] {
        let start = week.monday.startInstant
        let end = week.next.monday.startInstant
        let cutoff = min(end, now)
        let columns = "id, assignee_id, deadline, closed_at, paused_at, resumed_at, deadline_before_pause"
        let rows = try await report("""
            WITH s AS (
                SELECT \(unescaped: columns) FROM dossier_steps
                WHERE handling_unit = \(unit) AND deadline >= \(start) AND deadline < \(end)
                UNION
                SELECT \(unescaped: columns) FROM dossier_steps
                WHERE handling_unit = \(unit) AND closed_at IS NULL AND deadline < \(start)
                UNION
                SELECT \(unescaped: columns) FROM dossier_steps
                WHERE handling_unit = \(unit) AND closed_at > \(cutoff) AND deadline < \(start)
                UNION
                SELECT \(unescaped: columns) FROM dossier_steps
                WHERE handling_unit = \(unit) AND paused_at IS NOT NULL AND resumed_at > \(cutoff) AND deadline_before_pause < \(end)),
            j AS (
                SELECT assignee_id, closed_at,
                       CASE WHEN paused_at IS NOT NULL AND (resumed_at IS NULL OR resumed_at > \(cutoff))
                            THEN deadline_before_pause ELSE deadline END AS deadline
                FROM s WHERE NOT (paused_at IS NOT NULL AND paused_at <= \(cutoff) AND (resumed_at IS NULL OR resumed_at > \(cutoff)))),
            f AS (
                SELECT assignee_id,
                    count(*) FILTER (WHERE deadline >= \(start) AND deadline < \(end) AND (closed_at <= \(cutoff) OR deadline <= \(cutoff))) AS due,
                    count(*) FILTER (WHERE deadline < \(start) AND (closed_at IS NULL OR closed_at > \(cutoff))) AS carried,
                    count(*) FILTER (WHERE deadline >= \(start) AND deadline < \(end) AND (closed_at <= \(cutoff) OR deadline <= \(cutoff))
                                       AND closed_at <= deadline) AS on_time,
                    count(*) FILTER (WHERE (closed_at IS NULL OR closed_at > \(cutoff)) AND deadline < \(cutoff)) AS open_overdue
                FROM j GROUP BY assignee_id)
            SELECT u.username, u.full_name, coalesce(f.due, 0), coalesce(f.carried, 0), coalesce(f.on_time, 0), coalesce(f.open_overdue, 0)
            FROM users u LEFT JOIN f ON f.assignee_id = u.id
            WHERE (u.unit_code = \(unit) AND u.active AND u.roles && ARRAY['reception', 'leader', 'specialist']) OR f.assignee_id IS NOT NULL
            ORDER BY u.username
            """)
        return try rows.map { row in
            let (username, fullName, due, carried, onTime, openOverdue) = try row.decode((String, String, Int, Int, Int, Int).self)
            return OfficerFigures(
                username: username, fullName: fullName,
                completion: WeeklyCompletion(week: week, due: due, carriedOver: carried, completedOnTime: onTime), openOverdue: openOverdue)
        }
    }

    /// One procedure's figures over a period.
    public struct ProcedureFigures: Sendable, Hashable {
        public var code: String
        public var name: String
        public var statutory: ProcessingTime
        public var dossiers: Int
        public var finished: Int
        public var averageTime: Double?
        public var p90Time: Double?
        public var supplementRequested: Int
        public var onTime: Int
    }

    /// Per procedure handled by `unit` in the period: count, time taken (average and 90th percentile,
    /// in the procedure's unit) against the statutory time of its current version, supplement requests.
    public func procedureFigures(unit: String, start: Date, end: Date, asOf: Date) async throws -> [ProcedureFigures] {
        let rows = try await report("""
            WITH p AS (
                SELECT d.procedure_code, d.finished_at, d.elapsed, d.supplement_requests,
                       (d.finished_at IS NOT NULL AND d.finished_at <= \(asOf)) AS done,
                       motcua_timeliness(d.due_date, CASE WHEN d.finished_at <= \(asOf) THEN d.finished_at END,
                                         \(EvaluationStore.judgedAt(asOf)), d.supplement_requests) AS t
                FROM \(EvaluationStore.periodDossiers("d.handling_unit = \(unit)", start: start, end: end)) d)
            SELECT p.procedure_code, v.name, v.processing_value, v.processing_unit, count(*), count(*) FILTER (WHERE p.done),
                   avg(p.elapsed) FILTER (WHERE p.done)::float8,
                   (percentile_cont(0.9) WITHIN GROUP (ORDER BY p.elapsed) FILTER (WHERE p.done))::float8,
                   count(*) FILTER (WHERE p.supplement_requests > 0),
                   count(*) FILTER (WHERE p.t IN ('early', 'on_time', 'within_deadline'))
            FROM p JOIN procedures pr ON pr.code = p.procedure_code
            JOIN procedure_versions v ON v.code = pr.code AND v.version = pr.current_version
            GROUP BY p.procedure_code, v.name, v.processing_value, v.processing_unit
            ORDER BY count(*) DESC, p.procedure_code
            """)
        return try rows.map { row in
            let (code, name, value, unit) = try row.decode((String, String, Int, String).self)
            return ProcedureFigures(
                code: code, name: name,
                statutory: ProcessingTime(value: value, unit: ProcessingTime.Unit(rawValue: unit) ?? .workingDays) ?? .workingDays(0),
                dossiers: try row.decode(Int.self, at: 4), finished: try row.decode(Int.self, at: 5),
                averageTime: try row.decode(Double?.self, at: 6), p90Time: try row.decode(Double?.self, at: 7),
                supplementRequested: try row.decode(Int.self, at: 8), onTime: try row.decode(Int.self, at: 9))
        }
    }
}
