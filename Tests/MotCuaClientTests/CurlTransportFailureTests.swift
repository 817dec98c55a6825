import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

@testable import MotCuaClient

/// How CurlTransport fails: timeouts, cancellation, refused connections, TLS, limits.
@Suite struct CurlTransportFailureTests {
    @Test func totalTimeoutThrowsTimedOut() async throws {
        try await CurlTestServer.withServer { base in
            let transport = CurlTransport(configuration: .init(timeout: .milliseconds(300)))
            let start = ContinuousClock.now
            await #expect(throws: MotCuaClientError.timedOut) {
                _ = try await send(transport, .get, "/slow?ms=1500", base: base)
            }
            // The error proves the timeout fired (the answer would come at 1.5 s); the bound only
            // catches a hang, with room for the whole suite running beside it on two cores.
            #expect(ContinuousClock.now - start < .seconds(10))
        }
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        try await CurlTestServer.withServer { base in
            let transport = CurlTransport()
            // The transfer's wait is woken at once: well before libcurl's next progress callback
            // (about a second after the transfer began, so 0.8 s after this cancellation, on every
            // attempt), let alone the answer after 2.5 s. A machine too busy to run the woken transfer
            // promptly gets two more attempts; without the wake-up, none would be quick.
            var latencies: [Duration] = []
            for _ in 0..<3 {
                let task = Task { try await send(transport, .get, "/slow?ms=2500", base: base) }
                try await Task.sleep(for: .milliseconds(200))
                let cancelledAt = ContinuousClock.now
                task.cancel()
                await #expect(throws: CancellationError.self) { _ = try await task.value }
                let latency = ContinuousClock.now - cancelledAt
                latencies.append(latency)
                if latency < .milliseconds(750) { break }
            }
            #expect(latencies.contains { $0 < .milliseconds(750) }, "\(latencies)")
        }
    }

    @Test func cancellingAnUploadReleasesTheBlockedReadCallback() async throws {
        try await CurlTestServer.withServer { base in
            // A body that never ends: the read callback waits for bytes until cancellation.
            let (stream, continuation) = AsyncStream<HTTPBody.ByteChunk>.makeStream()
            continuation.yield(HTTPBody.ByteChunk(repeating: 1, count: 10))
            let task = Task {
                try await send(CurlTransport(), .post, "/mirror", base: base, body: HTTPBody(stream, length: .unknown))
            }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            await #expect(throws: CancellationError.self) { _ = try await task.value }
            continuation.finish()
        }
    }

    @Test func refusedConnectionThrowsConnectFailed() async throws {
        let transport = CurlTransport()
        // Port 1 (tcpmux) has no listener on a test machine, and binding it needs privileges.
        let error = await #expect(throws: MotCuaClientError.self) {
            _ = try await send(transport, .get, "/", base: URL(string: "http://127.0.0.1:1")!)
        }
        guard case .connectFailed(let message) = error else {
            Issue.record("expected connectFailed, got \(String(describing: error))")
            return
        }
        #expect(message.contains("127.0.0.1"))
    }

    @Test func httpsToAPlainHTTPServerIsATLSError() async throws {
        try await CurlTestServer.withServer { base in
            let https = URL(string: base.absoluteString.replacingOccurrences(of: "http:", with: "https:"))!
            let error = await #expect(throws: MotCuaClientError.self) {
                _ = try await send(CurlTransport(), .get, "/echo", base: https)
            }
            guard case .tls = error else {
                Issue.record("expected tls, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func refusesSchemesOtherThanHTTP() async throws {
        await #expect(throws: MotCuaClientError.transport(code: 1, message: "Protocol \"file\" not supported or disabled in libcurl")) {
            _ = try await send(CurlTransport(), .get, "/etc/hostname", base: URL(string: "file://")!)
        }
    }

    @Test func refusesResponsesOverTheSizeLimit() async throws {
        try await CurlTestServer.withServer { base in
            let transport = CurlTransport(configuration: .init(maxResponseBodySize: 1_000))
            await #expect(throws: MotCuaClientError.responseTooLarge(limit: 1_000)) {
                _ = try await send(transport, .get, "/bytes?n=5000", base: base)
            }
            let (_, bytes) = try await send(transport, .get, "/bytes?n=1000", base: base)
            #expect(bytes.count == 1_000)
        }
    }
}
