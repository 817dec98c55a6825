import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

typealias WebhookView = Components.Schemas.Webhook
typealias DeliveryPage = Components.Schemas.WebhookDeliveryPage

/// Servers that sequence the feed and deliver webhooks every 20 ms, retrying after 20 ms (doubling).
func webhookEnvironment(maxAttempts: Int = 5) -> [String: String] {
    feedEnvironment.merging([
        "MOTCUA_WEBHOOK_INTERVAL_MS": "20", "MOTCUA_WEBHOOK_BACKOFF_MS": "20", "MOTCUA_WEBHOOK_MAX_ATTEMPTS": String(maxAttempts),
        "MOTCUA_WEBHOOK_TIMEOUT_SECONDS": "2",
    ]) { $1 }
}

struct WebhookBody: Codable, Sendable {
    var url: String
    var eventTypes: [String]?
    var secret: String?
    var description: String?
    var startAfter: Int64?
}

extension APIClient {
    func createWebhook(_ body: WebhookBody, as admin: TestUser) async throws -> Components.Schemas.WebhookCreated {
        try expectJSON(try await post("/v1/webhooks", json: body, token: admin.token), .created)
    }

    func deliveries(_ webhook: Int64, state: String? = nil, as admin: TestUser) async throws -> DeliveryPage {
        try expectJSON(try await get("/v1/webhooks/\(webhook)/deliveries" + (state.map { "?state=\($0)" } ?? ""), token: admin.token))
    }
}

/// Serialized: every delivery service on the test database delivers every webhook's deliveries, so
/// two tests with different retry settings must not run at once. Receivers are on 127.0.0.1 (a
/// host name no resolver knows would hold a delivery thread for the resolver's own timeout).
@Suite(.serialized) struct WebhookTests {
    static let secret = "whsec-test-0123456789abcdefghijklmnopqrstuvwxyz"

    /// The receiver refuses the first two attempts of every event: each is retried, arrives signed,
    /// and a dossier's next event is never sent before the earlier one was delivered.
    @Test func everyEventArrivesSignedAndInOrderPerDossierDespiteFailures() async throws {
        let receiver = WebhookReceiver(failFirst: 2)
        // The server's clock, days off the machine's: the signatures carry the server's time.
        let clock = ManualClock(Date(timeIntervalSinceNow: -3 * 86_400))
        try await receiver.serve { url in
            try await withTestApp(clock: clock.serverClock, environment: webhookEnvironment()) { client, env in
                let world = try await env.makeDossierWorld()
                let webhook = try await client.createWebhook(.init(url: url, secret: Self.secret), as: world.admin)
                #expect(webhook.value2.secret == Self.secret && webhook.value1.eventTypes.isEmpty)
                var codes: [String] = []
                for _ in 0..<4 {
                    let filed = try await client.file(world.body(), as: world.reception)
                    try await client.perform("assign", filed.code, ActionBody.assign(world.specialist), as: world.leader)
                    codes.append(filed.code)
                }
                #expect(try await eventually { Set(receiver.delivered.map(\.eventID)).count == 8 })

                for request in receiver.received {
                    #expect(WebhookSignature.verify(header: request.signature, body: request.body, secret: Self.secret, now: clock.now))
                    #expect(request.event?.id == request.eventID)
                }
                // Per dossier, attempts never go back to an earlier event: the second waits for the first.
                for code in codes {
                    let attempts = receiver.received.filter { $0.event?.dossierCode == code }
                    #expect(attempts.map(\.eventID) == attempts.map(\.eventID).sorted(), "\(code)")
                    #expect(attempts.map { $0.event?._type } == [.dossier_intake, .dossier_intake, .dossier_intake, .dossier_assign, .dossier_assign, .dossier_assign])
                    #expect(attempts.map(\.attempt) == [1, 2, 3, 1, 2, 3])
                }

                let page = try await client.deliveries(webhook.value1.id, as: world.admin)
                #expect(page.items.count == 8 && page.items.allSatisfy { $0.state == .delivered && $0.attempts == 3 && $0.lastStatus == 204 })
                let counted: WebhookView = try expectJSON(try await client.get("/v1/webhooks/\(webhook.value1.id)", token: world.admin.token))
                #expect(counted.delivered == 8 && counted.pending == 0 && counted.dead == 0)
                // Acknowledged by the receiver: synchronised for the 766 index.
                let unacknowledged = try await env.pool.query("""
                    SELECT count(*) FROM outbox WHERE province = \(world.province.code) AND delivered_at IS NULL
                    """).first!.decode(Int.self, at: 0)
                #expect(unacknowledged == 0)
            }
        }
    }

    /// A receiver that is down, and one that fails every attempt until it recovers: deliveries go
    /// dead after the last attempt, are listed as such, and a redelivery then succeeds.
    @Test func deadLettersAreVisibleAndCanBeSentAgain() async throws {
        let receiver = WebhookReceiver()
        receiver.setFailing(true)
        try await receiver.serve { url in
            try await withTestApp(environment: webhookEnvironment(maxAttempts: 2)) { client, env in
                let world = try await env.makeDossierWorld()
                let down = try await client.createWebhook(.init(url: "http://127.0.0.1:9/down"), as: world.admin).value1
                let failing = try await client.createWebhook(.init(url: url, eventTypes: ["dossier.intake"]), as: world.admin).value1
                let filed = try await client.file(world.body(), as: world.reception)

                let bothDead = try await eventually {
                    let down = try await client.deliveries(down.id, state: "dead", as: world.admin).items.count
                    let failing = try await client.deliveries(failing.id, state: "dead", as: world.admin).items.count
                    return down == 1 && failing == 1
                }
                #expect(bothDead)
                let deadDown = try await client.deliveries(down.id, as: world.admin).items[0]
                #expect(deadDown.attempts == 2 && deadDown.lastStatus == nil && deadDown.dossierCode == filed.code)
                #expect(deadDown.lastError?.contains("connect") == true, "\(deadDown.lastError ?? "-")")
                let deadFailing = try await client.deliveries(failing.id, as: world.admin).items[0]
                #expect(deadFailing.lastStatus == 503 && deadFailing.eventType == .dossier_intake)
                #expect(receiver.received.count == 2)

                receiver.setFailing(false)
                let redelivered: Components.Schemas.WebhookDelivery = try expectJSON(
                    try await client.post("/v1/webhooks/\(failing.id)/deliveries/\(deadFailing.id)/redeliver", json: [String: String](),
                                          token: world.admin.token), .accepted)
                #expect(redelivered.state == .pending && redelivered.attempts == 0)
                #expect(try await eventually { try await client.deliveries(failing.id, state: "delivered", as: world.admin).items.count == 1 })
                #expect(receiver.delivered.count == 1)
                try expectProblem(
                    try await client.post("/v1/webhooks/\(failing.id)/deliveries/\(deadDown.id)/redeliver", json: [String: String](),
                                          token: world.admin.token), .notFound, code: "not-found")
            }
        }
    }

    /// Two server instances deliver the same webhook: every event arrives, none twice (no failures here).
    @Test func twoInstancesDeliverEachEventOnce() async throws {
        let receiver = WebhookReceiver()
        try await receiver.serve { url in
            try await withTestApp(environment: webhookEnvironment()) { client, env in
                try await withTestApp(environment: webhookEnvironment()) { _, _ in
                    let world = try await env.makeDossierWorld()
                    let webhook = try await client.createWebhook(.init(url: url), as: world.admin).value1
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for _ in 0..<20 { group.addTask { _ = try await client.file(world.body(), as: world.reception) } }
                        try await group.waitForAll()
                    }
                    // Each attempt follows a claim, which counts it: 20 delivered after one attempt each
                    // means no event was sent twice, now or later.
                    #expect(try await eventually { try await client.deliveries(webhook.id, state: "delivered", as: world.admin).items.count == 20 })
                    #expect(try await client.deliveries(webhook.id, as: world.admin).items.allSatisfy { $0.attempts == 1 })
                    #expect(receiver.received.count == 20 && Set(receiver.received.map(\.eventID)).count == 20)
                }
            }
        }
    }

    /// Only a dossier's oldest pending delivery is due; the next waits until it is done. The safety
    /// net makes a waiting delivery due when the one before it finished without releasing it (the
    /// race of a fan-out beside a delivery).
    @Test func aDossiersNextDeliveryWaitsForThePreviousOne() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let webhook = try await client.createWebhook(.init(url: "http://127.0.0.1:9/hook"), as: world.admin).value1
            let filed = try await client.file(world.body(), as: world.reception)
            try await client.perform("assign", filed.code, ActionBody.assign(world.specialist), as: world.leader)
            let store = WebhookStore(pool: env.pool)
            _ = try await EventFeed(pool: env.pool).sequence()
            _ = try await store.fanOut()
            var items = try await client.deliveries(webhook.id, as: world.admin).items
            #expect(items.map(\.eventType) == [.dossier_assign, .dossier_intake])
            #expect(items[0].nextAttemptAt == nil && items[1].nextAttemptAt != nil, "the assign waits for the intake")

            _ = try await env.pool.execute("UPDATE webhook_deliveries SET state = 'delivered' WHERE id = \(items[1].id)")
            #expect(try await store.releaseWaiting() >= 1)
            items = try await client.deliveries(webhook.id, as: world.admin).items
            #expect(items[0].state == .pending && items[0].nextAttemptAt != nil)
            // Delivered ones are kept for a while, then purged; pending and dead ones stay.
            _ = try await env.pool.execute("""
                UPDATE webhook_deliveries SET delivered_at = now() - interval '31 days' WHERE id = \(items[1].id)
                """)
            #expect(try await store.purgeDelivered(olderThan: .seconds(30 * 86_400)) >= 1)
            #expect(try await client.deliveries(webhook.id, as: world.admin).items.map(\.id) == [items[0].id])
            // Not left for the delivery services of later tests.
            #expect(try await client.delete("/v1/webhooks/\(webhook.id)", token: world.admin.token).status == .noContent)
        }
    }

    @Test func webhooksBelongToTheAdminsProvinceAndValidateTheirInput() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let other = try await env.makeDossierWorld()
            let created = try await client.createWebhook(
                .init(url: "http://127.0.0.1:9/portal", eventTypes: ["dossier.assign", "dossier.resolve"], description: "Cổng"),
                as: world.admin)
            #expect(created.value2.secret.count >= 32)
            let listed: Components.Schemas.WebhookList = try expectJSON(try await client.get("/v1/webhooks", token: world.admin.token))
            #expect(listed.items.map(\.id) == [created.value1.id] && listed.items[0].eventTypes == [.dossier_assign, .dossier_resolve])
            #expect(!(try await client.get("/v1/webhooks", token: world.admin.token)).text.contains("secret"))

            let id = created.value1.id
            for path in ["/v1/webhooks/\(id)", "/v1/webhooks/\(id)/deliveries"] {
                try expectProblem(try await client.get(path, token: other.admin.token), .notFound, code: "not-found")
            }
            try expectProblem(try await client.delete("/v1/webhooks/\(id)", token: other.admin.token), .notFound, code: "not-found")
            try expectProblem(try await client.get("/v1/webhooks", token: world.portal.token), .forbidden, code: "forbidden")
            try expectProblem(
                try await client.post("/v1/webhooks", json: WebhookBody(url: "ftp://x/y"), token: world.admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["url"])
            try expectProblem(
                try await client.post("/v1/webhooks", json: WebhookBody(url: "https://x/y", eventTypes: ["dossier.nope"]), token: world.admin.token),
                .unprocessableContent, code: "validation-failed")
            try expectProblem(
                try await client.post("/v1/webhooks", json: WebhookBody(url: "https://x/y", secret: "short"), token: world.admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["secret"])

            #expect(try await client.delete("/v1/webhooks/\(id)", token: world.admin.token).status == .noContent)
            try expectProblem(try await client.get("/v1/webhooks/\(id)", token: world.admin.token), .notFound, code: "not-found")
        }
    }

    @Test func signaturesAreRefusedWhenTamperedOrStale() {
        let body = Data(#"{"id":1}"#.utf8)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let header = WebhookSignature.sign(body: body, secret: Self.secret, timestamp: 1_800_000_000)
        #expect(header.hasPrefix("t=1800000000,v1=") && header.count == "t=1800000000,v1=".count + 64)
        #expect(WebhookSignature.verify(header: header, body: body, secret: Self.secret, now: now))
        #expect(WebhookSignature.verify(header: header, body: body, secret: Self.secret, now: now + 299))
        #expect(!WebhookSignature.verify(header: header, body: body, secret: Self.secret, now: now + 301), "outside the replay window")
        #expect(!WebhookSignature.verify(header: header, body: Data(#"{"id":2}"#.utf8), secret: Self.secret, now: now))
        #expect(!WebhookSignature.verify(header: header, body: body, secret: Self.secret + "x", now: now))
        #expect(!WebhookSignature.verify(header: "v1=" + header.dropFirst(16), body: body, secret: Self.secret, now: now), "no timestamp")
        let forged = header.replacingOccurrences(of: "t=1800000000", with: "t=1800000100")
        #expect(!WebhookSignature.verify(header: forged, body: body, secret: Self.secret, now: now), "timestamp is signed")
    }

    @Test func backoffDoublesWithJitterUpToTheCap() {
        var settings = WebhookSettings()
        settings.firstBackoff = .seconds(1)
        #expect(settings.backoff(afterAttempt: 1, random: 1) == .seconds(1))
        #expect(settings.backoff(afterAttempt: 1, random: 0) == .milliseconds(500))
        #expect(settings.backoff(afterAttempt: 4, random: 1) == .seconds(8))
        #expect(settings.backoff(afterAttempt: 40, random: 1) == .seconds(3600))
        #expect(settings.backoff(afterAttempt: 40, random: 0) == .seconds(1800))
    }
}
