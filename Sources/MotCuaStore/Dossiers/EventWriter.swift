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

    /// Inserts the event and its outbox row in one statement.
    func write(dossierID: Int64, code: String, at: Date, on connection: PostgresConnection) async throws {
        _ = try await connection.execute("WITH d AS (SELECT \(dossierID)::bigint AS id), \(inserts(code: code, at: at)) SELECT 1")
    }

    /// The CTEs `e` (the event) and `o` (its outbox row) for the dossier in CTE `d`, to run in the
    /// statement that writes the dossier itself.
    func inserts(code: String, at: Date) -> PostgresQuery {
        """
        e AS (
            INSERT INTO dossier_events (dossier_id, at, type, from_status, to_status, actor_id, step, step_deadline, timeliness, reason, data)
            SELECT d.id, \(at), \(type), \(from?.code), \(to?.code), \(actorID), \(step), \(stepDeadline), \(timeliness?.rawValue),
                   \(reason), \(PostgresJSON(data))::jsonb
            FROM d
            RETURNING id, dossier_id, type, at, to_status),
        o AS (
            INSERT INTO outbox (dossier_id, event_id, topic, payload)
            SELECT e.dossier_id, e.id, 'dossier.' || e.type,
                   jsonb_build_object('code', \(code)::text, 'event', e.type, 'status', e.to_status, 'at', e.at)
            FROM e)
        """
    }
}
