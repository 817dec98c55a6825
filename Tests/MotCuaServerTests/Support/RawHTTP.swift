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
import NIOPosix
import Testing

/// HTTP/1.1 written by hand over a TCP socket, for what the test client cannot send (chunked bodies)
/// or cannot observe (a refused connection).
enum RawHTTP {
    struct Response: Sendable {
        var status: Int
        /// Header names lower-cased.
        var headers: [String: String]
        var body: String

        func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
            try JSON.decoder.decode(T.self, from: Data(body.utf8))
        }
    }

    struct Timeout: Error {}

    /// Connects to `host:port` (throws when the connection is refused).
    static func connect(host: String = "localhost", port: Int) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(5))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// Sends `head` (request line and headers, without the blank line) then each of `chunks` as an
    /// HTTP chunk and the terminating chunk; returns the response, read until the server closes.
    static func sendChunked(port: Int, head: String, chunks: [String]) async throws -> Response {
        var request = head + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        for chunk in chunks { request += String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n" }
        request += "0\r\n\r\n"
        return try await exchange(port: port, request)
    }

    /// Writes `request` and reads everything the server sends until it closes the connection.
    static func exchange(port: Int, _ request: String, timeout: Duration = .seconds(15)) async throws -> Response {
        let channel = try await connect(port: port)
        let text = try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    // The server may answer and close before reading the whole body.
                    try? await outbound.write(ByteBuffer(string: request))
                    var received = ByteBuffer()
                    do {
                        for try await var part in inbound { received.writeBuffer(&part) }
                    } catch {
                        // A reset after the response is fine: keep what arrived.
                    }
                    return String(buffer: received)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Timeout()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
        return try parse(text)
    }

    static func parse(_ text: String) throws -> Response {
        guard let split = text.range(of: "\r\n\r\n") else { throw Timeout() }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Timeout() }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[split.upperBound...])
        if let length = headers["content-length"].flatMap(Int.init) {
            body = String(decoding: Array(body.utf8).prefix(length), as: UTF8.self)
        }
        return Response(status: status, headers: headers, body: body)
    }
}
