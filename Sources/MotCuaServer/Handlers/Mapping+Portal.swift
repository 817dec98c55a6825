import Foundation
import MotCuaAPI
import MotCuaStore

extension Components.Schemas.EventType {
    /// The type of a stored event; every type the writers record is in the contract's enum.
    init(stored type: String) throws {
        guard let known = Self(rawValue: type) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown event type \(type)"))
        }
        self = known
    }
}

extension Components.Schemas.Event {
    /// The feed event as the API sends it; the dossier snapshot is the JSON stored with it.
    init(_ event: FeedEvent, decoder: JSONDecoder) throws {
        let type = try Components.Schemas.EventType(stored: event.type)
        self.init(
            id: event.id, _type: type, occurredAt: event.occurredAt, dossierCode: event.dossierCode,
            dossier: try decoder.decode(Components.Schemas.PortalDossier.self, from: Data(event.dossierJSON.utf8)))
    }
}

/// The body of a webhook request: the event as `GET /v1/events` lists it, with the dossier's stored
/// JSON spliced in as it is (no decode and re-encode per delivery).
enum WebhookPayload {
    static func encode(_ event: FeedEvent) throws -> Data {
        let encoder = JSONEncoder()
        func text(_ value: String) throws -> Data { try encoder.encode(value) }
        var body = Data(#"{"id":\#(event.id),"type":"#.utf8) + (try text(event.type))
        body += Data(#","occurredAt":"#.utf8) + (try text(try RFC3339DateTranscoder().encode(event.occurredAt)))
        body += Data(#","dossierCode":"#.utf8) + (try text(event.dossierCode))
        body += Data(#","dossier":"#.utf8) + Data(event.dossierJSON.utf8) + Data("}".utf8)
        return body
    }
}

extension Components.Schemas.Webhook {
    init(_ webhook: WebhookRecord) {
        self.init(
            id: webhook.id, url: webhook.url, eventTypes: webhook.eventTypes.compactMap(Components.Schemas.EventType.init(rawValue:)),
            description: webhook.description, province: webhook.province, createdAt: webhook.createdAt, pending: webhook.pending,
            delivered: webhook.delivered, dead: webhook.dead)
    }
}

extension Components.Schemas.WebhookDelivery {
    init(_ delivery: DeliveryRecord) throws {
        self.init(
            id: delivery.id, eventId: delivery.eventID, eventType: try Components.Schemas.EventType(stored: delivery.eventType),
            dossierCode: delivery.dossierCode, state: Components.Schemas.DeliveryState(delivery.state),
            attempts: delivery.attempts, nextAttemptAt: delivery.nextAttemptAt, lastAttemptAt: delivery.lastAttemptAt,
            lastStatus: delivery.lastStatus, lastError: delivery.lastError, deliveredAt: delivery.deliveredAt, createdAt: delivery.createdAt)
    }
}

extension Components.Schemas.APIKey {
    init(_ key: APIKeyRecord) {
        self.init(
            id: key.id, name: key.name, prefix: key.prefix, createdAt: key.createdAt, expiresAt: key.expiresAt,
            lastUsedAt: key.lastUsedAt, revokedAt: key.revokedAt)
    }
}
