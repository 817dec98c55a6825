import Foundation
import MotCuaClient
import MotCuaTestSupport
import Testing

/// The portal integration through the client library and the CLI, against a live server that numbers
/// its feed every 20 ms.
@Suite struct ClientPortalTests {
    @Test func eventsArePagedAndFollowedAsAnAsyncSequence() async throws {
        try await LiveServer.run(feed: true) { server in
            let s = try await Scenario.make(server)
            var input = s.dossierInput()
            input.externalReference = "G22.99-" + Fixture.random(8, from: Fixture.lowerDigits)
            let first = try await s.reception.dossiers.submit(input)
            let second = try await s.reception.dossiers.submit(s.dossierInput())

            var seen: [Event] = []
            for try await event in s.portal.events.follow(pageSize: 1, wait: 5) {
                seen.append(event)
                if seen.count == 2 { break }
            }
            #expect(seen.map(\.dossierCode) == [first.code, second.code] && seen.allSatisfy { $0.type == .intake })
            #expect(seen[0].dossier.externalReference == input.externalReference && seen[0].dossier.statusName == "Đã tiếp nhận")

            // `all` ends at the current end of the feed; `follow` waits for what comes next.
            var all: [Event] = []
            for try await event in s.portal.events.all(after: 0, pageSize: 1) { all.append(event) }
            #expect(all.map(\.id) == seen.map(\.id))
            async let next: Event? = {
                for try await event in s.portal.events.follow(after: seen[1].id, wait: 10) { return event }
                return nil
            }()
            #expect(try await waitForFeedWaiters(port: server.port))
            let third = try await s.reception.dossiers.submit(s.dossierInput())
            #expect(try await next?.dossierCode == third.code)

            // Reconciliation filters.
            let byReference = try await s.portal.dossiers.list(filter: .init(externalReference: input.externalReference))
            #expect(byReference.items.map(\.code) == [first.code])
            let since = try await s.portal.dossiers.list(filter: .init(updatedSince: third.updatedAt))
            #expect(since.items.first?.code == third.code)
            #expect(try await s.portal.dossiers.list(filter: .init(updatedSince: third.updatedAt + 2)).items.isEmpty)

            await #expect(throws: MotCuaClientError.self) { _ = try await s.reception.events.page() }
            // What a UI shows: the dashboard's counts and each dossier's buttons.
            let counts = try await s.portal.dossiers.counts()
            #expect(counts.total == 3 && counts.byStatus[.received] == 3)
            #expect(try await s.reception.dossiers.get(third.code).allowedActions == [.withdraw])
        }
    }

    @Test func webhooksAndAPIKeysAreManagedThroughTheClient() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let created = try await s.admin.webhooks.create(
                .init(url: "http://127.0.0.1:9/hook", eventTypes: [.resolve], description: "Cổng DVC"))
            #expect(created.secret.count == 43)
            #expect(try await s.admin.webhooks.list().map(\.id) == [created.webhook.id])
            #expect(try await s.admin.webhooks.get(created.webhook.id).eventTypes == [.resolve])
            #expect(try await s.admin.webhooks.allDeliveries(created.webhook.id).collect().isEmpty)
            do {
                try await s.admin.webhooks.redeliver(created.webhook.id, delivery: 1)
                Issue.record("redelivering an unknown delivery succeeded")
            } catch let MotCuaClientError.problem(problem) {
                #expect(problem.status == 404)
            }
            try await s.admin.webhooks.delete(created.webhook.id)
            #expect(try await s.admin.webhooks.list().isEmpty)

            let portalName = s.usernames[.portal]!
            let key = try await s.admin.users.createAPIKey(for: portalName, name: "Đồng bộ")
            let withKey = server.client(token: key.key)
            #expect(try await withKey.auth.me().username == portalName)
            #expect(try await s.admin.users.apiKeys(of: portalName).map(\.prefix) == [key.apiKey.prefix])
            try await s.admin.users.revokeAPIKey(key.apiKey.id, of: portalName)
            await #expect(throws: MotCuaClientError.self) { _ = try await withKey.auth.me() }
        }
    }

    @Test func theCLITailsTheFeedAsJSONLinesAndManagesWebhooks() async throws {
        try await LiveServer.run(feed: true) { server in
            let s = try await Scenario.make(server)
            let cli = try CLIRunner(server: server.url)
            let login = try await cli.run(["login", s.usernames[.portal]!, "--password-stdin"], stdin: Fixture.password + "\n")
            #expect(login.status == 0, "\(login.stderr)")
            let filed = try await s.reception.dossiers.submit(s.dossierInput())

            // The feed sequencer numbers the event within moments; under a loaded machine, give it up to 10 s.
            var tail = try await cli.run(["events", "tail"])
            for _ in 0..<50 where tail.status == 0 && tail.stdout.isEmpty {
                try await Task.sleep(for: .milliseconds(200))
                tail = try await cli.run(["events", "tail"])
            }
            #expect(tail.status == 0, "\(tail.stderr)")
            let lines = tail.stdout.split(separator: "\n")
            #expect(lines.count == 1)
            let event = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
            #expect(event?["dossierCode"] as? String == filed.code && event?["type"] as? String == "dossier.intake")
            let lastID = try #require(event?["id"] as? Int)

            // --follow keeps waiting and prints each new event as it commits.
            async let followed = cli.run(["events", "tail", "--follow", "--after", String(lastID)], stopAfter: .seconds(4))
            #expect(try await waitForFeedWaiters(port: server.port))
            let next = try await s.reception.dossiers.submit(s.dossierInput())
            let followedLines = try await followed.stdout.split(separator: "\n")
            #expect(followedLines.count == 1 && followedLines[0].contains(next.code))

            // The dashboard's counts, and the reconciliation filters.
            let counts = try await cli.run(["dossiers", "counts", "--output", "csv"])
            let countRows = CLITests.csvRows(counts.stdout)
            #expect(countRows.first?.prefix(4) == ["total", "open", "overdue", "dueSoon"] && countRows.last?.first == "2", "\(counts.stderr)")
            let recent = try await cli.run(["dossiers", "list", "--updated-since", "2000-01-01T00:00:00Z", "--output", "csv"])
            #expect(CLITests.csvRows(recent.stdout).count == 3)
            let bad = try await cli.run(["dossiers", "list", "--updated-since", "yesterday"])
            #expect(bad.status == 1 && bad.stderr.contains("--updated-since"))

            let admin = try CLIRunner(server: server.url)
            _ = try await admin.run(["login", s.usernames[.admin]!, "--password-stdin"], stdin: Fixture.password + "\n")
            let added = try await admin.run(["webhooks", "add", "http://127.0.0.1:9/hook", "--event", "dossier.return", "--output", "table"])
            #expect(added.status == 0 && added.stderr.contains("secret: "), "\(added.stderr)")
            let listed = try await admin.run(["webhooks", "list", "--output", "csv"])
            let rows = CLITests.csvRows(listed.stdout)
            #expect(rows.first == ["id", "url", "eventTypes", "pending", "delivered", "dead", "description"])
            #expect(rows.count == 2 && rows[1][2] == "dossier.return")
            let deliveries = try await admin.run(["webhooks", "deliveries", rows[1][0], "--state", "dead", "--output", "json"])
            #expect(deliveries.status == 0, "\(deliveries.stderr)")
            #expect((try JSONSerialization.jsonObject(with: Data(deliveries.stdout.utf8)) as? [Any])?.isEmpty == true)
            let unknownEvent = try await admin.run(["webhooks", "add", "https://x.example/h", "--event", "dossier.nope"])
            #expect(unknownEvent.status != 0 && unknownEvent.stderr.contains("--event"))
            #expect(try await admin.run(["webhooks", "rm", rows[1][0]]).status == 0)
            let after = try await admin.run(["webhooks", "list", "--output", "json"])
            #expect((try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [Any])?.isEmpty == true)
        }
    }
}
