import Foundation
import MotCuaClient
import MotCuaTestSupport
import Testing

/// Timeouts and retries, with servers that misbehave on purpose.
@Suite struct ClientResilienceTests {
    @Test func timesOutAgainstAServerThatNeverAnswers() async throws {
        let silent = try SilentServer()
        defer { silent.close() }
        var configuration = MotCuaClient.Configuration()
        configuration.transport.timeout = .seconds(1)
        let client = MotCuaClient(serverURL: URL(string: "http://127.0.0.1:\(silent.port)")!, configuration: configuration)
        let started = ContinuousClock.now
        await #expect(throws: MotCuaClientError.timedOut) { _ = try await client.procedures.get("1.001193") }
        // Bounded well above the 1 s timeout: the whole suite runs beside it on two cores.
        #expect(ContinuousClock.now - started < .seconds(10))
        // A timeout is not retried: the request may still be running on the server.
        #expect(silent.accepted == 1)
    }

    @Test func refusedConnectionIsRetriedThenReported() async throws {
        let (fd, port) = try RawSocket.listen()
        close(fd)  // nothing listens on this port any more
        var configuration = MotCuaClient.Configuration()
        configuration.retry = .init(maxAttempts: 3, baseDelay: .milliseconds(20))
        let client = MotCuaClient(serverURL: URL(string: "http://127.0.0.1:\(port)")!, configuration: configuration)
        let started = ContinuousClock.now
        do {
            _ = try await client.procedures.list()
            Issue.record("expected a connection failure")
        } catch MotCuaClientError.connectFailed {
            // Two backoff waits of at least 10 and 20 ms (jitter takes off at most half).
            #expect(ContinuousClock.now - started >= .milliseconds(30))
        }
    }

    @Test func intakeRetriedAfterADroppedConnectionCreatesOneDossier() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let proxy = try DroppingProxy(upstreamPort: server.port)
            defer { proxy.close() }
            let viaProxy = MotCuaClient(serverURL: URL(string: "http://127.0.0.1:\(proxy.port)")!, token: s.reception.token)
            let name = "Lê Văn Thử \(Fixture.random(6, from: Fixture.lowerDigits))"
            let dossier = try await viaProxy.dossiers.submit(s.dossierInput(name: name))
            #expect(proxy.counts.requests == 2)
            #expect(proxy.counts.dropped == 1)
            let found = try await s.reception.dossiers.all(filter: .init(unit: s.commune, q: name)).collect()
            #expect(found.map(\.code) == [dossier.code])
        }
    }

    @Test func nonIdempotentActionIsNotRetriedAfterADroppedConnection() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let online = try await s.portal.dossiers.submit(s.dossierInput(channel: .online))
            let proxy = try DroppingProxy(upstreamPort: server.port)
            defer { proxy.close() }
            let viaProxy = MotCuaClient(serverURL: URL(string: "http://127.0.0.1:\(proxy.port)")!, token: s.reception.token)
            do {
                _ = try await viaProxy.dossiers.accept(online.code)
                Issue.record("expected the dropped connection to be reported")
            } catch MotCuaClientError.transport {
                // The connection dropped after the request was sent; the caller decides.
            }
            #expect(proxy.counts.requests == 1)
            let history = try await s.reception.dossiers.history(online.code)
            #expect(history.filter { $0.type == "accept" }.count == 1)
        }
    }

    @Test func sequentialRequestsReuseOneConnection() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let dossier = try await s.reception.dossiers.submit(s.dossierInput())
            let client = server.client(token: s.reception.token)
            for _ in 0..<50 { _ = try await client.dossiers.get(dossier.code) }
            #expect(client.openedConnections == 1)
        }
    }
}
