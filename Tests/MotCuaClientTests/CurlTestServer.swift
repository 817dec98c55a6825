import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A small live Hummingbird server for transport tests, started per test on an ephemeral port so
/// tests run in parallel without sharing state.
enum CurlTestServer {
    /// What `/echo` reports about the request it received.
    struct Echo: Codable {
        var method: String
        var path: String
        var headers: [[String]]
        var body: String

        func values(_ name: String) -> [String] {
            headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
        }
    }

    static let gzipText = String(repeating: "Một cửa, một dấu. ", count: 200)

    /// Runs `test` with the base URL of a fresh server.
    static func withServer(_ test: @escaping @Sendable (URL) async throws -> Void) async throws {
        let app = Application(router: makeRouter())
        try await app.test(.live) { client in
            try await test(URL(string: "http://localhost:\(client.port!)")!)
        }
    }

    private static func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let echo: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            let echo = Echo(
                method: request.method.rawValue,
                path: request.uri.description,
                headers: request.headers.map { [$0.name.canonicalName, $0.value] },
                body: String(buffer: body)
            )
            return try json(JSONEncoder().encode(echo))
        }
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete, .head, .options] {
            router.on("/echo", method: method, use: echo)
        }
        // Streams the request body straight back, for large round trips.
        router.post("/mirror") { request, _ in
            Response(status: .ok, body: ResponseBody(asyncSequence: request.body))
        }
        router.get("/gzip") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; charset=utf-8", .contentEncoding: "gzip"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: Gzip.stored(Array(gzipText.utf8))))
            )
        }
        router.get("/slow") { request, _ in
            let milliseconds = request.uri.queryParameters.get("ms", as: Int.self) ?? 5_000
            try await Task.sleep(for: .milliseconds(milliseconds))
            return "slept"
        }
        router.get("/bytes") { request, _ in
            let count = request.uri.queryParameters.get("n", as: Int.self) ?? 0
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(repeating: 0x61, count: count)))
        }
        router.get("/repeated") { _, _ in
            var headers = HTTPFields()
            headers.append(HTTPField(name: HTTPField.Name("X-Tag")!, value: "one"))
            headers.append(HTTPField(name: HTTPField.Name("X-Tag")!, value: "two"))
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok")))
        }
        router.get("/problem") { _, _ in
            let problem = """
                {"type":"https://motcua.example/problems/dossier.not_found","title":"Dossier not found",\
                "status":404,"code":"dossier.not_found","detail":"No dossier 000.00.00.H00-250101-0001",\
                "requestId":"req-1"}
                """
            return Response(
                status: .notFound,
                headers: [.contentType: "application/problem+json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: problem))
            )
        }
        return router
    }

    private static func json(_ data: Data) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

/// Writes gzip files with stored (uncompressed) deflate blocks: a real gzip stream that libcurl
/// must decode, without a compression library in the tests.
enum Gzip {
    static func stored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let isLast = offset + count == data.count
            out.append(isLast ? 1 : 0)
            out += littleEndian(UInt16(count)) + littleEndian(~UInt16(count))
            out += data[offset..<offset + count]
            offset += count
        } while offset < data.count
        return out + littleEndian(crc32(data)) + littleEndian(UInt32(truncatingIfNeeded: data.count))
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<T.bitWidth / 8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xedb8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
