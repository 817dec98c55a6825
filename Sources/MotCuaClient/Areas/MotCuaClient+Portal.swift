import Foundation
import MotCuaAPI

extension MotCuaClient {
    /// The change feed (`portal`, `admin`, `auditor`): every change of the province's dossiers, in
    /// commit order, with the dossier as the national portal synchronises it.
    ///
    /// ```swift
    /// var last = loadCheckpoint()                        // the id of the last event you processed
    /// for try await event in client.events.follow(after: last) {
    ///     try apply(event.dossier)                       // e.g. upsert by event.dossier.code
    ///     last = event.id
    ///     saveCheckpoint(last)
    /// }
    /// ```
    public var events: Events { Events(client: self) }

    /// Webhooks of the admin's province and their deliveries.
    public var webhooks: Webhooks { Webhooks(client: self) }

    public struct Events: Sendable {
        let client: MotCuaClient

        /// The events after `after` (0: from the beginning), at most `limit`. With `wait` seconds
        /// (at most 60, and below the transport's timeout), an empty answer is held until an event
        /// arrives. A portal account asking for the events after N acknowledges those up to N.
        public func page(after: Int64 = 0, limit: Int? = nil, wait: Int? = nil) async throws -> EventPage {
            try await client.call {
                try await $0.listEvents(query: .init(after: after, limit: limit, wait: wait)).ok.body.json
            }
        }

        /// Every event after `after`, then each new one as it commits, without end: long-polls with
        /// `wait` seconds when caught up. Breaking out of the loop (or cancelling the task) stops it.
        public func follow(after: Int64 = 0, pageSize: Int = 500, wait: Int = 25) -> EventStream {
            EventStream(events: self, after: after, pageSize: pageSize, wait: wait, follow: true)
        }

        /// Every event after `after` up to the current end of the feed, then the sequence ends.
        public func all(after: Int64 = 0, pageSize: Int = 500) -> EventStream {
            EventStream(events: self, after: after, pageSize: pageSize, wait: 0, follow: false)
        }
    }

    /// The events of the feed, one at a time, fetching a page when the previous one is used up.
    public struct EventStream: AsyncSequence, Sendable {
        let events: Events
        let after: Int64
        let pageSize: Int
        let wait: Int
        let follow: Bool

        public func makeAsyncIterator() -> Iterator {
            Iterator(stream: self, cursor: after)
        }

        public struct Iterator: AsyncIteratorProtocol {
            let stream: EventStream
            var cursor: Int64
            var buffer: [Event] = []
            var index = 0
            var finished = false

            init(stream: EventStream, cursor: Int64) {
                self.stream = stream
                self.cursor = cursor
            }

            public mutating func next() async throws -> Event? {
                while index == buffer.count {
                    guard !finished else { return nil }
                    try Task.checkCancellation()
                    let page = try await stream.events.page(
                        after: cursor, limit: stream.pageSize, wait: stream.follow ? stream.wait : 0)
                    buffer = page.items
                    index = 0
                    cursor = page.nextAfter
                    // Without following, the end of the feed as it is now ends the sequence.
                    if !stream.follow { finished = !page.hasMore }
                }
                defer { index += 1 }
                return buffer[index]
            }
        }
    }

    public struct Webhooks: Sendable {
        let client: MotCuaClient

        /// Registers a webhook; the answer carries the signing secret, shown only this once.
        public func create(_ webhook: WebhookInput) async throws -> WebhookCreated {
            try await client.call { try await $0.createWebhook(body: .json(webhook.schema)).created.body.json }
        }

        /// The province's webhooks, with their delivery counts.
        public func list() async throws -> [Webhook] {
            try await client.call { try await $0.listWebhooks().ok.body.json.items }
        }

        /// One webhook.
        public func get(_ id: Int64) async throws -> Webhook {
            try await client.call { try await $0.getWebhook(path: .init(webhookId: id)).ok.body.json }
        }

        /// Deletes a webhook; its pending deliveries are dropped.
        public func delete(_ id: Int64) async throws {
            _ = try await client.call { try await $0.deleteWebhook(path: .init(webhookId: id)).noContent }
        }

        /// One page of a webhook's deliveries, newest first, optionally only those in `state`.
        public func deliveries(_ id: Int64, state: DeliveryState? = nil, limit: Int? = nil, cursor: String? = nil) async throws
            -> Page<WebhookDelivery>
        {
            let page = try await client.call {
                try await $0.listWebhookDeliveries(
                    path: .init(webhookId: id), query: .init(state: state?.schema, limit: limit, cursor: cursor)
                ).ok.body.json
            }
            return Page(page.items, nextCursor: page.nextCursor)
        }

        /// Every delivery of a webhook (in `state`, when given), page after page.
        public func allDeliveries(_ id: Int64, state: DeliveryState? = nil, pageSize: Int = 500) -> Paginated<WebhookDelivery> {
            Paginated { cursor in
                let page = try await deliveries(id, state: state, limit: pageSize, cursor: cursor)
                return (page.items, page.nextCursor)
            }
        }

        /// Sends a delivery again (a dead letter gets a fresh set of attempts).
        @discardableResult
        public func redeliver(_ id: Int64, delivery: Int64) async throws -> WebhookDelivery {
            try await client.call {
                try await $0.redeliverWebhookDelivery(path: .init(webhookId: id, deliveryId: delivery)).accepted.body.json
            }
        }
    }
}

extension MotCuaClient.Users {
    /// Creates an API key for an integration account (admin); the key is in the answer only.
    public func createAPIKey(for username: String, name: String, expiresAt: Date? = nil) async throws -> APIKeyCreated {
        try await client.call {
            try await $0.createAPIKey(path: .init(username: username), body: .json(.init(name: name, expiresAt: expiresAt))).created.body.json
        }
    }

    /// The account's API keys, newest first (without the keys themselves).
    public func apiKeys(of username: String) async throws -> [APIKey] {
        try await client.call { try await $0.listAPIKeys(path: .init(username: username)).ok.body.json.items }
    }

    /// Revokes an API key.
    public func revokeAPIKey(_ id: Int64, of username: String) async throws {
        _ = try await client.call { try await $0.revokeAPIKey(path: .init(username: username, keyId: id)).noContent }
    }
}
