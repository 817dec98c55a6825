import Foundation
import HTTPTypes
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

typealias FeedPage = Components.Schemas.EventPage

/// The servers of these tests number committed events into the feed every 20 ms.
let feedEnvironment = ["MOTCUA_FEED_INTERVAL_MS": "20"]

extension APIClient {
    /// `GET /v1/events` as `user`, which must succeed.
    func events(after: Int64, limit: Int = 100, wait: Int = 0, as user: TestUser) async throws -> FeedPage {
        try expectJSON(try await get("/v1/events?after=\(after)&limit=\(limit)&wait=\(wait)", token: user.token))
    }

    /// Follows the feed from `after` until `done` says the events read so far are all, or 30 seconds pass.
    func follow(after: Int64 = 0, as user: TestUser, until done: ([Components.Schemas.Event]) -> Bool) async throws
        -> [Components.Schemas.Event]
    {
        var read: [Components.Schemas.Event] = []
        var cursor = after
        let deadline = ContinuousClock.now + .seconds(30)
        while !done(read), ContinuousClock.now < deadline {
            let page = try await events(after: cursor, limit: 37, wait: 1, as: user)
            read += page.items
            cursor = page.nextAfter
        }
        return read
    }
}

@Suite struct EventFeedTests {
    @Test func everyChangeArrivesInOrderWithTheDossierAsThePortalStoresIt() async throws {
        let clock = ManualClock(Instant.vn("2026-03-09", "09:00"))
        try await withTestApp(clock: clock.serverClock, environment: feedEnvironment) { client, env in
            let world = try await env.makeDossierWorld()
            var body = world.body()
            body.externalReference = "G22.99-260309-000001"
            let filed = try await client.file(body, as: world.reception)
            #expect(filed.externalReference == "G22.99-260309-000001")
            try await client.perform("assign", filed.code, ActionBody.assign(world.specialist), as: world.leader)
            clock.set(vn: "2026-03-10", "10:00")
            try await client.perform("request-supplement", filed.code, ActionBody.supplement(), as: world.specialist)

            let events = try await client.follow(as: world.portal) { $0.count >= 3 }
            #expect(events.map(\._type) == [.dossier_intake, .dossier_assign, .dossier_requestSupplement])
            #expect(events.map(\.id) == events.map(\.id).sorted() && Set(events.map(\.id)).count == 3)
            #expect(events.allSatisfy { $0.dossierCode == filed.code && $0.dossier.code == filed.code })
            #expect(events[0].occurredAt == Instant.vn("2026-03-09", "09:00"))

            let intake = events[0].dossier
            #expect(intake.statusCode == 2 && intake.status == .received && intake.statusName == DossierStatus.received.nationalName)
            #expect(intake.externalReference == "G22.99-260309-000001")
            #expect(intake.procedure.code == world.procedureCode && intake.procedure.version == 1)
            #expect(intake.receivingUnit == world.unitA && intake.handlingUnit == world.unitA && intake.channel == .counter)
            #expect(intake.receivedAt == Instant.vn("2026-03-09", "09:00") && intake.submittedAt == nil)
            #expect(intake.dueDate == filed.dueDate && intake.appointmentDate == filed.appointmentDate && intake.dueAt != nil)
            #expect(intake.applicant.idNumber == "001190012345" && intake.applicant.fullName == "Nguyễn Thị Ánh")
            #expect(intake.timeliness == .withinDeadline && intake.finishedAt == nil && intake.rating == nil)
            #expect(intake.fees.requested == 0 && intake.fees.paid == 0 && !intake.fees.paidOnline)
            #expect(!intake.supplementRequested && !intake.apologized && intake.version == 1)

            let waiting = events[2].dossier
            #expect(waiting.statusCode == 5 && waiting.supplementRequested && waiting.supplementRequests == 1 && waiting.version == 3)
            #expect(waiting.updatedAt == Instant.vn("2026-03-10", "10:00"))

            // The auditor reads the same feed; an officer may not.
            #expect(try await client.events(after: 0, as: world.auditor).items.map(\.id) == events.map(\.id))
            try expectProblem(try await client.get("/v1/events", token: world.reception.token), .forbidden, code: "forbidden")
            try expectProblem(try await client.get("/v1/events"), .unauthorized, code: "unauthenticated")
        }
    }

    @Test func eachProvinceSeesOnlyItsOwnEvents() async throws {
        try await withTestApp(environment: feedEnvironment) { client, env in
            let one = try await env.makeDossierWorld()
            let other = try await env.makeDossierWorld()
            let filed = try await client.file(one.body(), as: one.reception)
            let seen = try await client.follow(as: one.portal) { !$0.isEmpty }
            #expect(seen.map(\.dossierCode) == [filed.code])
            let page = try await client.events(after: 0, as: other.portal)
            #expect(page.items.isEmpty && page.nextAfter == 0 && !page.hasMore)
        }
    }

    @Test func theSQLStatusNamesMatchTheDomain() async throws {
        try await withTestApp { _, env in
            for status in DossierStatus.allCases {
                let row = try #require(try await env.pool.query("""
                    SELECT motcua_status_name(\(status.code)::smallint), motcua_status_key(\(status.code)::smallint)
                    """).first)
                #expect(try row.decode(String.self, at: 0) == status.nationalName)
                #expect(try row.decode(String.self, at: 1) == status.rawValue)
            }
        }
    }

    @Test func longPollAnswersAsSoonAsAnEventCommits() async throws {
        try await withTestApp(environment: feedEnvironment) { client, env in
            let world = try await env.makeDossierWorld()
            let filed = try await client.file(world.body(), as: world.reception)
            let cursor = try #require(try await client.follow(as: world.portal) { !$0.isEmpty }.last?.id)
            let started = ContinuousClock.now
            // The test client sends its requests over one connection: the change comes from the database side.
            async let waited = client.events(after: cursor, wait: 15, as: world.portal)
            #expect(try await waitForFeedWaiters(port: try #require(client.port)))
            _ = try await env.pool.withTransaction { tx in try await Self.writeEvent(code: filed.code, type: "accept", on: tx) }
            let page = try await waited
            #expect(page.items.map(\._type) == [.dossier_accept])
            #expect(ContinuousClock.now - started < .seconds(10))

            // Nothing new: an empty page after the wait, pointing where it started.
            let empty = try await client.events(after: page.nextAfter, wait: 1, as: world.portal)
            #expect(empty.items.isEmpty && empty.nextAfter == page.nextAfter)
            try expectProblem(try await client.get("/v1/events?wait=61", token: world.portal.token), .badRequest, code: "malformed-request")
        }
    }

    /// The case a plain `id > cursor` feed gets wrong: transaction A writes its event first (smaller
    /// outbox id) but commits after B. A reader that has read B must still get A.
    @Test func aReaderNeverSkipsAChangeWhoseTransactionCommitsLater() async throws {
        try await withTestApp(environment: feedEnvironment) { client, env in
            let world = try await env.makeDossierWorld()
            let filed = try await client.file(world.body(), as: world.reception)
            let first = try await client.follow(as: world.portal) { !$0.isEmpty }
            let cursor = try #require(first.last?.id)

            let aWrote = Gate(), aMayCommit = Gate()
            async let committedA: Int64 = env.pool.withTransaction { tx in
                let id = try await Self.writeEvent(code: filed.code, type: "accept", on: tx)
                aWrote.open()
                await aMayCommit.wait()
                return id
            }
            await aWrote.wait()
            let idB = try await env.pool.withTransaction { tx in try await Self.writeEvent(code: filed.code, type: "assign", on: tx) }

            let onlyB = try await client.follow(after: cursor, as: world.portal) { !$0.isEmpty }
            #expect(onlyB.map(\._type) == [.dossier_assign])
            aMayCommit.open()
            let idA = try await committedA
            #expect(idA < idB, "A's event was written first")
            let thenA = try await client.follow(after: onlyB.last!.id, as: world.portal) { !$0.isEmpty }
            #expect(thenA.map(\._type) == [.dossier_accept])
            #expect(thenA[0].id > onlyB[0].id)
        }
    }

    /// 50 officers act at once while the portal follows the feed: every committed change appears
    /// exactly once, ids increase, and each dossier's events come in the order they happened.
    @Test func theFeedIsCompleteUnderFiftyConcurrentWriters() async throws {
        try await withTestApp(environment: feedEnvironment.merging(["MOTCUA_DB_POOL_SIZE": "12"]) { $1 }) { client, env in
            let world = try await env.makeDossierWorld()
            let start = try await client.events(after: 0, as: world.portal).nextAfter
            async let followed = client.follow(after: start, as: world.portal) { $0.count >= 100 }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        let filed = try await client.file(world.body(), as: world.reception)
                        try await client.perform("assign", filed.code, ActionBody.assign(world.specialist), as: world.leader)
                    }
                }
                try await group.waitForAll()
            }
            let events = try await followed
            #expect(events.count == 100)
            #expect(Set(events.map(\.id)).count == events.count, "no event twice")
            #expect(events.map(\.id) == events.map(\.id).sorted(), "ids increase")
            let committed = try await env.pool.query("""
                SELECT o.position FROM outbox o JOIN dossiers d ON d.id = o.dossier_id WHERE d.province = \(world.province.code)
                ORDER BY o.position
                """).map { try $0.decode(Int64.self, at: 0) }
            #expect(committed == events.map(\.id), "every committed change, numbered")
            for code in Set(events.map(\.dossierCode)) {
                let types = events.filter { $0.dossierCode == code }
                #expect(types.map(\._type) == [.dossier_intake, .dossier_assign], "\(code)")
                #expect(types.map(\.dossier.version) == [1, 2])
            }
        }
    }

    /// Decision 766 indicator 1.4 counts a dossier once the portal account has read past its events.
    @Test func thePortalReadingPastAnEventCountsItAsSynchronised() async throws {
        let clock = ManualClock(Instant.vn("2026-03-10", "09:00"))
        try await withTestApp(clock: clock.serverClock, environment: feedEnvironment) { client, env in
            let world = try await env.makeDossierWorld()
            _ = try await client.file(world.body(), as: world.reception)
            let events = try await client.follow(as: world.portal) { !$0.isEmpty }
            func synchronised() async throws -> Double? {
                let report: Components.Schemas.UnitEvaluation = try expectJSON(try await client.get(
                    "/v1/evaluations/units/\(world.unitA)?from=2026-03-01&to=2026-03-31", token: world.auditor.token))
                return try #require(report.index766.groups.flatMap(\.indicators).first { $0.id == "1.4" }).rate?.value
            }
            // Reading the page is not yet an acknowledgement; the auditor's reads never are.
            #expect(try await synchronised() == 0)
            _ = try await client.events(after: events[0].id, as: world.auditor)
            #expect(try await synchronised() == 0)
            _ = try await client.events(after: events[0].id, as: world.portal)
            #expect(try await synchronised() == 1)
        }
    }

    /// The README's receiver example accepts what the server signs, and refuses a changed body.
    @Test func theReadmeReceiverVerifiesTheServersSignature() async throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```python\n").dropFirst().first?.components(separatedBy: "class Receiver").first)
        let secret = "readme-secret-0123456789abcdefghijklmnop"
        let body = #"{"id":7,"type":"dossier.accept"}"#
        let header = WebhookSignature.sign(body: Data(body.utf8), secret: secret, timestamp: Int64(Date().timeIntervalSince1970))
        let script = block + """
            import sys
            SECRET = sys.argv[1].encode()
            print(verified(sys.argv[2], sys.argv[3].encode()), verified(sys.argv[2], sys.argv[3].encode() + b" "))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, secret, header, body]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(printed.trimmingCharacters(in: .whitespacesAndNewlines) == "True False")
    }

    /// Writes an event and its outbox row for the dossier, as an action's statement does.
    nonisolated(nonsending) static func writeEvent(code: String, type: String, on tx: PostgresConnection) async throws -> Int64 {
        try await tx.query("""
            WITH d AS (SELECT dossiers.*, motcua_portal_dossier(dossiers, now()) AS portal_payload FROM dossiers WHERE code = \(code)),
            e AS (INSERT INTO dossier_events (dossier_id, at, type) SELECT d.id, now(), \(type) FROM d RETURNING id, dossier_id, type, at)
            INSERT INTO outbox (dossier_id, event_id, topic, payload, province, occurred_at)
            SELECT e.dossier_id, e.id, 'dossier.' || e.type, d.portal_payload, d.province, e.at FROM e JOIN d ON d.id = e.dossier_id
            RETURNING id
            """).first!.decode(Int64.self, at: 0)
    }
}

/// A one-shot signal between two tasks of a test.
final class Gate: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream() }

    func open() { continuation.finish() }
    func wait() async { for await _ in stream {} }
}
