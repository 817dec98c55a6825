import Foundation
import MotCuaDomain
import MotCuaPostgres

/// What the official forms print about a dossier beyond the dossier itself: the units' and officers'
/// names, the procedure as the dossier pinned it, every control-slip step, the supplement requests
/// and the written decisions (refusal, apology).
public struct DossierPaperwork: Sendable {
    /// One handover of the control slip (Form 06).
    public struct Step: Sendable, Hashable, Decodable {
        public var name: String
        public var unitName: String
        /// Who handed the dossier over (nil for the first step, opened by the intake itself).
        public var handedOverBy: String?
        public var receivedBy: String
        public var openedAt: Date
        public var deadline: Date
        public var closedAt: Date?
        public var timeliness: Timeliness?
        /// While a supplement wait paused the step.
        public var pausedAt: Date?
        public var resumedAt: Date?
    }

    /// A Form 02 request.
    public struct SupplementRequest: Sendable, Hashable, Decodable {
        public struct Item: Sendable, Hashable, Decodable {
            public var documentCode: String
            public var note: String
        }
        /// At intake (the clock had not started) or during processing.
        public var atIntake: Bool
        public var requestedAt: Date
        public var requestedBy: String?
        public var unitName: String
        public var reason: String
        public var items: [Item]
        public var suppliedAt: Date?
    }

    /// A written decision (refusal, apology): when, by whom, why.
    public struct Decision: Sendable, Hashable, Decodable {
        public var at: Date
        public var by: String?
        public var reason: String?
        /// The apology's new appointment.
        public var newAppointmentDate: String?
    }

    public var record: DossierRecord
    public var procedure: ProcedureDefinition
    public var provinceName: String
    public var receivingUnitName: String
    public var handlingUnitName: String
    /// The officer who received it at the desk (counter intake, or acceptance of an online dossier).
    public var receivedBy: String?
    public var steps: [Step]
    public var supplementRequests: [SupplementRequest]
    /// The refusal at the desk, or the system's closing of an online dossier left incomplete.
    public var refusal: Decision?
    public var apology: Decision?
}

extension DossierStore {
    /// The dossier with everything its forms print, or nil when the caller may not see it.
    public func paperwork(code: String, for principal: Principal) async throws -> DossierPaperwork? {
        try await pool.withConnection { connection in
            guard let row = try await connection.query("""
                SELECT \(unescaped: DossierRecord.selectList), prov.name, ru.name, hu.name,
                  (SELECT r.full_name FROM dossier_events e JOIN users r ON r.id = e.actor_id
                    WHERE e.dossier_id = d.id AND e.type IN ('intake', 'accept') AND e.to_status = 2 ORDER BY e.id LIMIT 1),
                  (SELECT jsonb_agg(jsonb_build_object(
                      'name', s.step_name, 'unitName', su.name, 'handedOverBy', b.full_name, 'receivedBy', a.full_name,
                      'openedAt', extract(epoch FROM s.opened_at), 'deadline', extract(epoch FROM s.deadline),
                      'closedAt', extract(epoch FROM s.closed_at), 'timeliness', s.timeliness,
                      'pausedAt', extract(epoch FROM s.paused_at), 'resumedAt', extract(epoch FROM s.resumed_at)) ORDER BY s.id)
                    FROM dossier_steps s JOIN units su ON su.code = s.handling_unit JOIN users a ON a.id = s.assignee_id
                    LEFT JOIN users b ON b.id = s.assigned_by WHERE s.dossier_id = d.id),
                  (SELECT jsonb_agg(jsonb_build_object(
                      'atIntake', q.phase = 'intake', 'requestedAt', extract(epoch FROM q.requested_at), 'requestedBy', qb.full_name,
                      'unitName', qu.name, 'reason', q.reason, 'items', q.items, 'suppliedAt', extract(epoch FROM q.supplied_at))
                      ORDER BY q.id)
                    FROM supplement_requests q JOIN units qu ON qu.code = q.handling_unit LEFT JOIN users qb ON qb.id = q.requested_by
                    WHERE q.dossier_id = d.id),
                  \(unescaped: Self.decision(types: "'refuse', 'closed-incomplete'")),
                  \(unescaped: Self.decision(types: "'apologize'"))
                \(unescaped: DossierRecord.fromClause)
                JOIN units prov ON prov.code = d.province
                JOIN units ru ON ru.code = d.receiving_unit
                JOIN units hu ON hu.code = d.handling_unit
                WHERE d.code = \(code) AND \(principal.dossierScope)
                """).first
            else { return nil }
            let record = try DossierRecord(row: row)
            guard let procedure = try await procedureVersions.record(
                code: record.procedureCode, version: record.procedureVersion, on: connection)
            else { throw StoreError.notFound("Procedure \(record.procedureCode) version \(record.procedureVersion) is missing.") }
            let base = DossierRecord.columnCount
            return DossierPaperwork(
                record: record, procedure: procedure.definition,
                provinceName: try row.decode(String.self, at: base), receivingUnitName: try row.decode(String.self, at: base + 1),
                handlingUnitName: try row.decode(String.self, at: base + 2), receivedBy: try row.decode(String?.self, at: base + 3),
                steps: try Self.decodeJSON(row, at: base + 4) ?? [],
                supplementRequests: try Self.decodeJSON(row, at: base + 5) ?? [],
                refusal: try Self.decodeJSON(row, at: base + 6), apology: try Self.decodeJSON(row, at: base + 7))
        }
    }

    /// The latest event of `types` as a decision object: when, by whom (full name), the reason and an
    /// apology's new date.
    private static func decision(types: String) -> String {
        """
        (SELECT jsonb_build_object('at', extract(epoch FROM e.at), 'by', r.full_name, 'reason', e.reason,
                                   'newAppointmentDate', e.data->>'newAppointmentDate')
           FROM dossier_events e LEFT JOIN users r ON r.id = e.actor_id
          WHERE e.dossier_id = d.id AND e.type IN (\(types)) ORDER BY e.id DESC LIMIT 1)
        """
    }

    /// A jsonb column whose instants are Unix seconds (as `extract(epoch …)` gives them).
    private static func decodeJSON<T: Decodable>(_ row: PostgresRow, at index: Int) throws -> T? {
        guard let text = try row.decode(String?.self, at: index) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(T.self, from: Data(text.utf8))
    }
}
