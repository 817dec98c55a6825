import Foundation
import MotCuaAPI

/// A new webhook and its signing secret, from `webhooks.create`.
public struct WebhookCreated: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.WebhookCreated

    init(schema: Components.Schemas.WebhookCreated) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// The webhook as `webhooks.get` returns it.
    public var webhook: Webhook { Webhook(schema: schema.value1) }

    /// The HMAC key that signs every delivery; shown only in this answer.
    public var secret: String { schema.value2.secret }
}

/// A new API key of an integration account, from `users.createAPIKey`.
public struct APIKeyCreated: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.APIKeyCreated

    init(schema: Components.Schemas.APIKeyCreated) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// The key as `users.apiKeys` lists it.
    public var apiKey: APIKey { APIKey(schema: schema.value1) }

    /// The key (`mck_...`), to send as a bearer token; shown only in this answer.
    public var key: String { schema.value2.key }
}
