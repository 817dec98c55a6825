import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

@testable import MotCuaClient

/// CurlTransport against a live Hummingbird server over real HTTP.
@Suite struct CurlTransportTests {
    @Test(arguments: [HTTPRequest.Method.post, .put, .patch, .delete])
    func sendsMethodHeadersAndBody(method: HTTPRequest.Method) async throws {
        try await CurlTestServer.withServer { base in
            let transport = CurlTransport()
            var headers: HTTPFields = [.contentType: "application/json"]
            headers.append(HTTPField(name: HTTPField.Name("X-Request-Id")!, value: "r-42"))
            headers.append(HTTPField(name: HTTPField.Name("X-Empty")!, value: ""))
            let (response, bytes) = try await send(
                transport, method, "/echo?q=a%20b", base: base, headers: headers,
                body: HTTPBody(#"{"đơn":"hồ sơ"}"#))
            #expect(response.status == .ok)
            let echo = try JSONDecoder().decode(CurlTestServer.Echo.self, from: Data(bytes))
            #expect(echo.method == method.rawValue)
            #expect(echo.path == "/echo?q=a%20b")
            #expect(echo.body == #"{"đơn":"hồ sơ"}"#)
            #expect(echo.values("Content-Type") == ["application/json"])
            #expect(echo.values("X-Request-Id") == ["r-42"])
            #expect(echo.values("X-Empty") == [""])
            #expect(echo.values("User-Agent") == ["motcua-client/1.0"])
            #expect(echo.values("Expect").isEmpty)
        }
    }

    @Test func getAndHeadSendNoBody() async throws {
        try await CurlTestServer.withServer { base in
            let transport = CurlTransport()
            let (get, getBytes) = try await send(transport, .get, "/echo", base: base)
            #expect(get.status == .ok)
            let echo = try JSONDecoder().decode(CurlTestServer.Echo.self, from: Data(getBytes))
            #expect(echo.method == "GET")
            #expect(echo.body.isEmpty)
            #expect(echo.values("Content-Length").allSatisfy { $0 == "0" })
            #expect(echo.values("Accept-Encoding").first?.contains("gzip") == true)

            let (head, body) = try await transport.send(
                HTTPRequest(method: .head, scheme: nil, authority: nil, path: "/echo"),
                body: nil, baseURL: base, operationID: "head")
            #expect(head.status == .ok)
            #expect(body == nil)
        }
    }

    @Test func postWithoutBodySendsZeroLengthAndNoFormContentType() async throws {
        try await CurlTestServer.withServer { base in
            let (_, bytes) = try await send(CurlTransport(), .post, "/echo", base: base)
            let echo = try JSONDecoder().decode(CurlTestServer.Echo.self, from: Data(bytes))
            #expect(echo.method == "POST")
            #expect(echo.values("Content-Length") == ["0"])
            #expect(echo.values("Content-Type").isEmpty)
        }
    }

    @Test func decodesGzipResponseAndDropsEncodingFields() async throws {
        try await CurlTestServer.withServer { base in
            let (response, bytes) = try await send(CurlTransport(), .get, "/gzip", base: base)
            #expect(String(decoding: bytes, as: UTF8.self) == CurlTestServer.gzipText)
            #expect(response.headerFields[.contentEncoding] == nil)
            #expect(response.headerFields[.contentLength] == nil)
            #expect(response.headerFields[.contentType] == "text/plain; charset=utf-8")
        }
    }

    @Test func keepsRepeatedResponseFieldsInOrder() async throws {
        try await CurlTestServer.withServer { base in
            let (response, _) = try await send(CurlTransport(), .get, "/repeated", base: base)
            #expect(response.headerFields[values: HTTPField.Name("X-Tag")!] == ["one", "two"])
            #expect(response.status.reasonPhrase == "OK")
        }
    }

    @Test func returnsProblemResponsesWithTheirBody() async throws {
        try await CurlTestServer.withServer { base in
            let (response, bytes) = try await send(CurlTransport(), .get, "/problem", base: base)
            #expect(response.status == .notFound)
            #expect(response.headerFields[.contentType] == "application/problem+json")
            let problem = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
            #expect(problem?["code"] as? String == "dossier.not_found")
        }
    }

    @Test func roundTripsLargeBodyOfKnownLength() async throws {
        try await CurlTestServer.withServer { base in
            let payload = (0..<(5 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
            let (response, bytes) = try await send(
                CurlTransport(), .post, "/mirror", base: base,
                headers: [.contentType: "application/octet-stream"], body: HTTPBody(payload))
            #expect(response.status == .ok)
            #expect(bytes.count == payload.count)
            #expect(bytes == payload)
        }
    }

    @Test func streamsBodyOfUnknownLengthChunked() async throws {
        try await CurlTestServer.withServer { base in
            let chunk = HTTPBody.ByteChunk(repeating: 0x7a, count: 64 * 1024)
            let stream = AsyncStream<HTTPBody.ByteChunk> { continuation in
                for _ in 0..<48 { continuation.yield(chunk) }
                continuation.finish()
            }
            let (response, bytes) = try await send(
                CurlTransport(), .post, "/mirror", base: base,
                headers: [.contentType: "application/octet-stream"],
                body: HTTPBody(stream, length: .unknown))
            #expect(response.status == .ok)
            #expect(bytes.count == 48 * 64 * 1024)
            #expect(bytes.allSatisfy { $0 == 0x7a })
        }
    }

    @Test(.timeLimit(.minutes(1))) func batchesRunOnTheTransportsOwnThreads() async throws {
        try await CurlTestServer.withServer { base in
            // One thread: a streamed upload must still get its bytes, and sequential requests share one connection.
            let transport = CurlTransport(configuration: .init(maxConnections: 1))
            try await withTaskExecutorPreference(transport.taskExecutor) {
                for _ in 0..<20 { #expect(try await send(transport, .get, "/bytes?n=100", base: base).1.count == 100) }
                let stream = AsyncStream<HTTPBody.ByteChunk> { continuation in
                    for _ in 0..<8 { continuation.yield(HTTPBody.ByteChunk(repeating: 0x61, count: 32 * 1024)) }
                    continuation.finish()
                }
                let (response, bytes) = try await send(transport, .post, "/mirror", base: base, body: HTTPBody(stream, length: .unknown))
                #expect(response.status == .ok && bytes.count == 8 * 32 * 1024)
            }
            #expect(transport.openedConnections == 1)
        }
    }

    @Test func rethrowsTheRequestBodysError() async throws {
        struct BodyFailed: Error {}
        try await CurlTestServer.withServer { base in
            let stream = AsyncThrowingStream<HTTPBody.ByteChunk, any Error> { continuation in
                continuation.yield(HTTPBody.ByteChunk(repeating: 1, count: 1024))
                continuation.finish(throwing: BodyFailed())
            }
            await #expect(throws: BodyFailed.self) {
                _ = try await send(CurlTransport(), .post, "/mirror", base: base,
                                   body: HTTPBody(stream, length: .unknown))
            }
        }
    }

    @Test func reusesOneConnectionForSequentialRequests() async throws {
        try await CurlTestServer.withServer { base in
            let transport = CurlTransport()
            for _ in 0..<20 {
                let (response, _) = try await send(transport, .get, "/bytes?n=100", base: base)
                #expect(response.status == .ok)
            }
            #expect(transport.openedConnections == 1)
        }
    }

    @Test func boundsConnectionsUnderConcurrency() async throws {
        try await CurlTestServer.withServer { base in
            let transport = CurlTransport(configuration: .init(maxConnections: 2))
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<16 {
                    group.addTask { try await send(transport, .get, "/slow?ms=20", base: base).1.count }
                }
                for try await count in group { #expect(count == 5) }
            }
            #expect(transport.openedConnections <= 2)
        }
    }
}

/// Sends one request and collects the response body.
func send(
    _ transport: CurlTransport,
    _ method: HTTPRequest.Method,
    _ path: String,
    base: URL,
    headers: HTTPFields = [:],
    body: HTTPBody? = nil
) async throws -> (HTTPResponse, [UInt8]) {
    let request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path, headerFields: headers)
    let (response, responseBody) = try await transport.send(request, body: body, baseURL: base, operationID: "test")
    guard let responseBody else { return (response, []) }
    return (response, try await Array(collecting: responseBody, upTo: .max))
}
