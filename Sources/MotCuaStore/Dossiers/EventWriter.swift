import Foundation
import MotCuaDomain
import MotCuaPostgres

/// A value in an event's `data` object.
public enum EventValue: Sendable, Hashable, Encodable {
    case string(String)
    case int(Int64)
    case objects([[String: String]])

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .objects(let value): try container.encode(value)
        }
    }
}

/// One history event, written together with its outbox row for the portal feed.
struct DossierEvent {
    var type: String
    var from: DossierStatus?
    var to: DossierStatus?
    var actorID: Int64?
    var step: String?
    var stepDeadline: Date?
    var timeliness: StepTimeliness?
    var reason: String?
    var data: [String: EventValue] = [:]

    /// Records a change kept in another table (a rating): bumps the dossier's version, which also
    /// orders it with concurrent actions on the dossier, and writes the event and its outbox row.
    func write(dossierID: Int64, at: Date, on connection: PostgresConnection) async throws {
        _ = try await connection.execute("""
            WITH d AS (UPDATE dossiers SET version = version + 1, updated_at = \(at) WHERE id = \(dossierID) \(Self.returning(at: at))),
            \(inserts(at: at)) SELECT 1
            """)
    }

    /// The end of a statement writing `dossiers` whose rows feed `inserts`: every column, and the
    /// portal's snapshot of the row as written (`motcua_portal_dossier`).
    static func returning(at: Date) -> PostgresQuery {
        "RETURNING dossiers.*, motcua_portal_dossier(dossiers, \(at)) AS portal_payload"
    }

    /// The CTEs `e` (the event) and `o` (its outbox row, the portal feed's event) for the dossier in
    /// CTE `d` (written with `returning`), to run in the statement that writes the dossier itself.
    func inserts(at: Date) -> PostgresQuery {
        """
        e AS (
            INSERT INTO dossier_events (dossier_id, at, type, from_status, to_status, actor_id, step, step_deadline, timeliness, reason, data)
            SELECT d.id, \(at), \(type), \(from?.code), \(to?.code), \(actorID), \(step), \(stepDeadline), \(timeliness?.rawValue),
                   \(reason), \(PostgresJSON(data))::jsonb
            FROM d
            RETURNING id, dossier_id, type, at),
        o AS (
            INSERT INTO outbox (dossier_id, event_id, topic, payload, province, occurred_at)
            SELECT e.dossier_id, e.id, 'dossier.' || e.type, d.portal_payload, d.province, e.at
            FROM e JOIN d ON d.id = e.dossier_id)
        """
    }
}
