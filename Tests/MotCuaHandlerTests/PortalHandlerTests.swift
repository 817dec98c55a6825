import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
@testable import MotCuaStore
import MotCuaTestSupport
import Testing

/// The change feed and the webhooks as the portal and administrators call them, on a scripted feed
/// and in-memory webhooks without a database. The feed's ordering, the fan-out and the deliveries
/// run in SQL and are tested against PostgreSQL (`EventFeedTests`, `WebhookTests`).
@Suite struct PortalHandlerTests {
    @Test func readingPastAPositionAcknowledgesItForThePortalOnly() async throws {
        var scripted = ScriptedFeed()
        scripted.page = { _, after, limit in
            Array((after + 1)...(after + 3)).prefix(limit).map { FeedEvent.sample($0, code: "T00.01-260302-000\($0)") }
        }
        let feed = scripted
        try await withTestApp(storage: .memory, feed: feed) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let portal = try await env.makeUser([.portal], unit: province.code)
            let auditor = try await env.makeUser([.auditor], unit: province.code)

            let first = try expectJSON(try await client.get("/v1/events?limit=2", token: portal.token), as: Components.Schemas.EventPage.self)
            #expect(first.items.map(\.id) == [1, 2] && first.nextAfter == 2 && first.hasMore)
            #expect(first.items[0]._type == .dossier_accept && first.items[0].dossier.statusName == "Đã tiếp nhận")
            let next = try expectJSON(try await client.get("/v1/events?after=2", token: portal.token), as: Components.Schemas.EventPage.self)
            #expect(next.items.map(\.id) == [3, 4, 5] && next.nextAfter == 5 && !next.hasMore)
            _ = try await client.get("/v1/events?after=5", token: auditor.token)
            #expect(feed.acknowledged.value.map(\.position) == [2], "only the portal's read past 2 acknowledges, through 2")
            #expect(feed.acknowledged.value.map(\.province) == [province.code])

            let officer = try await env.makeUser([.leader], unit: province.commune)
            try expectProblem(try await client.get("/v1/events", token: officer.token), .forbidden, code: "forbidden")
        }
    }

    @Test func anEmptyFeedAnswersWhereItStarted() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let portal = try await env.makeUser([.portal], unit: try await env.makeProvince(communes: 1).code)
            let page = try expectJSON(try await client.get("/v1/events?after=41", token: portal.token), as: Components.Schemas.EventPage.self)
            #expect(page.items.isEmpty && page.nextAfter == 41 && !page.hasMore)
        }
    }

    @Test func aWebhookIsRegisteredWithAGeneratedSecretListedFoundAndDeletedInItsProvinceOnly() async throws {
        let webhooks = MemoryWebhooks()
        try await withTestApp(storage: .memory, webhooks: webhooks) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province, national: false)
            let otherAdmin = try await env.makeAdmin(try await env.makeProvince(communes: 1), national: false)

            let response = try await client.post(
                "/v1/webhooks", json: ["url": "https://cong.example.gov.vn/hook", "description": "Cổng DVC"], token: admin.token)
            let created = try expectJSON(response, .created, as: Components.Schemas.WebhookCreated.self)
            #expect(response.headers[.location] == "/v1/webhooks/\(created.value1.id)")
            #expect(created.value2.secret.count == 43 && webhooks.secret(of: created.value1.id) == created.value2.secret)
            #expect(created.value1.province == province.code && created.value1.eventTypes.isEmpty)

            let listed = try expectJSON(try await client.get("/v1/webhooks", token: admin.token), as: Components.Schemas.WebhookList.self)
            #expect(listed.items.map(\.id) == [created.value1.id])
            let elsewhere = try expectJSON(try await client.get("/v1/webhooks", token: otherAdmin.token), as: Components.Schemas.WebhookList.self)
            #expect(elsewhere.items.isEmpty)
            let path = "/v1/webhooks/\(created.value1.id)"
            try expectProblem(try await client.get(path, token: otherAdmin.token), .notFound, code: "not-found")
            try expectProblem(try await client.delete(path, token: otherAdmin.token), .notFound, code: "not-found")
            #expect(try await client.delete(path, token: admin.token).status == .noContent)
            try expectProblem(try await client.get(path, token: admin.token), .notFound, code: "not-found")

            for url in ["ftp://cong.example.gov.vn/hook", "https:///hook", "cong.example.gov.vn/hook"] {
                let refused = try await client.post("/v1/webhooks", json: ["url": url], token: admin.token)
                try expectProblem(refused, .unprocessableContent, code: "validation-failed", invalidParams: ["url"])
            }
            let officer = try await env.makeUser([.leader], unit: province.commune)
            try expectProblem(try await client.get("/v1/webhooks", token: officer.token), .forbidden, code: "forbidden")
        }
    }

    @Test func deliveriesArePagedNewestFirstFilteredAndADeadOneIsRedelivered() async throws {
        let webhooks = MemoryWebhooks()
        try await withTestApp(storage: .memory, webhooks: webhooks) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province, national: false)
            let created = try expectJSON(
                try await client.post("/v1/webhooks", json: ["url": "https://cong.example.gov.vn/hook"], token: admin.token), .created,
                as: Components.Schemas.WebhookCreated.self)
            let id = created.value1.id
            for (event, state) in [(Int64(1), DeliveryRecord.State.delivered), (2, .dead), (3, .pending)] {
                webhooks.addDelivery(
                    DeliveryRecord(
                        id: event * 10, eventID: event, eventType: "dossier.accept", dossierCode: "T00.01-260302-000\(event)", state: state,
                        attempts: state == .dead ? 8 : 1, nextAttemptAt: nil, lastAttemptAt: nil, lastStatus: state == .dead ? 500 : 200,
                        lastError: state == .dead ? "the receiver answered 500" : nil, deliveredAt: nil, createdAt: Date()),
                    to: id)
            }
            let first = try expectJSON(
                try await client.get("/v1/webhooks/\(id)/deliveries?limit=2", token: admin.token), as: Components.Schemas.WebhookDeliveryPage.self)
            #expect(first.items.map(\.eventId) == [3, 2])
            let cursor = try #require(first.nextCursor?.value)
            let rest = try expectJSON(
                try await client.get("/v1/webhooks/\(id)/deliveries?limit=2&cursor=\(cursor)", token: admin.token),
                as: Components.Schemas.WebhookDeliveryPage.self)
            #expect(rest.items.map(\.eventId) == [1] && rest.nextCursor?.value == nil)
            let dead = try expectJSON(
                try await client.get("/v1/webhooks/\(id)/deliveries?state=dead", token: admin.token), as: Components.Schemas.WebhookDeliveryPage.self)
            #expect(dead.items.map(\.id) == [20] && dead.items[0].lastError == "the receiver answered 500")

            let again = try expectJSON(
                try await client.request(.post, "/v1/webhooks/\(id)/deliveries/20/redeliver", token: admin.token), .accepted,
                as: Components.Schemas.WebhookDelivery.self)
            #expect(again.state == .pending && again.attempts == 0)
            try expectProblem(
                try await client.request(.post, "/v1/webhooks/\(id)/deliveries/99/redeliver", token: admin.token), .notFound, code: "not-found")
            try expectProblem(try await client.get("/v1/webhooks/\(id + 1)/deliveries", token: admin.token), .notFound, code: "not-found")
        }
    }
}
