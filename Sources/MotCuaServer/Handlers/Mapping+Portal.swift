import Foundation
import MotCuaAPI
import MotCuaStore

extension Components.Schemas.Event {
    /// The feed event as the API and webhooks send it; the dossier snapshot is the JSON stored with it.
    init(_ event: FeedEvent, decoder: JSONDecoder = APIHandler.responseDecoder) throws {
        guard let type = Components.Schemas.EventType(rawValue: event.type) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown event type \(event.type)"))
        }
        self.init(
            id: event.id, _type: type, occurredAt: event.occurredAt, dossierCode: event.dossierCode,
            dossier: try decoder.decode(Components.Schemas.PortalDossier.self, from: Data(event.dossierJSON.utf8)))
    }
}

/// The body of a webhook request: the event as `GET /v1/events` lists it.
enum WebhookPayload {
    static func encode(_ event: FeedEvent) throws -> Data {
        try APIHandler.responseEncoder.encode(Components.Schemas.Event(event))
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
    init(_ delivery: DeliveryRecord) {
        self.init(
            id: delivery.id, eventId: delivery.eventID, eventType: Components.Schemas.EventType(rawValue: delivery.eventType) ?? .dossier_intake,
            dossierCode: delivery.dossierCode, state: Components.Schemas.DeliveryState(rawValue: delivery.state.rawValue) ?? .pending,
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
