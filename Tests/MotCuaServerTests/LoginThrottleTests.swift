import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

/// Failed logins are throttled per username and per client address, per application instance.
/// Here: concurrent logins over real connections, the public lookup behind a proxy and two instances;
/// the rest runs without a database in `MotCuaHandlerTests`.
@Suite struct LoginThrottleTests {
    @Test func concurrentGuessesAreCountedBeforeThePasswordIsChecked() async throws {
        var policy = LoginThrottle.Policy()
        policy.concurrentPerKey = 64
        policy.concurrentTotal = 64
        try await withTestApp(configure: { $0.loginThrottle = policy }) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await client.parallel("POST", "/v1/auth/tokens", json: ["username": officer.username, "password": "wrong-password"], token: nil).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 401 }.count == 5, "\(statuses)")
            #expect(statuses.filter { $0 == 429 }.count == 11, "\(statuses)")
        }
    }

    @Test func tooManyPasswordChecksInFlightAreTurnedAwayWith503() async throws {
        var policy = LoginThrottle.Policy()
        policy.addressFreeFailures = 0
        policy.addressDelayStep = .milliseconds(600)
        policy.maxAddressDelay = .milliseconds(600)
        policy.concurrentPerKey = 1
        try await withTestApp(configure: { $0.loginThrottle = policy }) { client, env in
            // One failure, so every later attempt from this address waits 600 ms holding its slot.
            _ = try await client.post("/v1/auth/tokens", json: ["username": Fixture.username("spray"), "password": "guess-123456"])
            let responses = try await withThrowingTaskGroup(of: RawHTTP.Response.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await client.parallel("POST", "/v1/auth/tokens", json: ["username": Fixture.username("spray"), "password": "guess-123456"], token: nil)
                    }
                }
                return try await group.reduce(into: [RawHTTP.Response]()) { $0.append($1) }
            }
            #expect(responses.filter { $0.status == 401 }.count == 1, "\(responses.map(\.status))")
            let busy = try #require(responses.first { $0.status == 503 })
            #expect(try busy.decode(Problem.self).code == "busy")
            #expect(busy.headers["retry-after"] == "1")
        }
    }

    @Test func behindATrustedProxyTheForwardedClientIsCounted() async throws {
        let clock = ManualClock(actionDay)
        @Sendable func lookups(_ client: APIClient, _ path: String, from address: String, count: Int) async throws -> [HTTPResponse.Status] {
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<count { statuses.append(try await client.get(path, headers: [.xForwardedFor: address]).status) }
            return statuses
        }
        try await withTestApp(clock: clock.serverClock, configure: { $0.trustedProxies = TrustedProxies([IPNetwork("127.0.0.1")!, IPNetwork("::1")!]) }) {
            client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .received, world, client)
            let path = "/v1/public/dossiers/\(dossier.code)?lookupKey=\(dossier.lookupKey)"
            #expect(try await lookups(client, path, from: "198.51.100.1", count: 60).allSatisfy { $0 == .ok })
            #expect(try await lookups(client, path, from: "198.51.100.1", count: 1) == [.tooManyRequests])
            // Another citizen behind the same proxy is not limited; IPv6 clients count per /64.
            #expect(try await lookups(client, path, from: "198.51.100.2", count: 1) == [.ok])
            #expect(try await lookups(client, path, from: "2001:db8:1:2::1", count: 60).allSatisfy { $0 == .ok })
            #expect(try await lookups(client, path, from: "2001:db8:1:2::99", count: 1) == [.tooManyRequests])
        }
        // Without trusted proxies the header is the client's own word and changes nothing.
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .received, world, client)
            let path = "/v1/public/dossiers/\(dossier.code)?lookupKey=\(dossier.lookupKey)"
            for index in 0..<60 { _ = try await lookups(client, path, from: "198.51.100.\(index)", count: 1) }
            #expect(try await lookups(client, path, from: "198.51.100.200", count: 1) == [.tooManyRequests])
        }
    }

    @Test func throttleIsPerInstance() async throws {
        let username = try await withTestApp { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            for _ in 0..<6 { _ = try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": "wrong-password"]) }
            #expect(try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": officer.password]).status == .tooManyRequests)
            return officer.username
        }
        try await withTestApp { client, _ in
            let response = try await client.post("/v1/auth/tokens", json: ["username": username, "password": Fixture.password])
            #expect(response.status == .created)
        }
    }
}
