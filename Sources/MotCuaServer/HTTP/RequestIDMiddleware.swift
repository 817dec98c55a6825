import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id: the caller's `X-Request-Id` when it is a sane token (so a request can be
/// followed across the portal, a proxy and us), otherwise Hummingbird's generated one. The id goes into
/// every log line of the request and back in the `X-Request-Id` response header, errors included.
struct RequestIDMiddleware: RouterMiddleware {
    static let header = HTTPField.Name("X-Request-Id")!

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        // Not `context.id`: it force-unwraps Hummingbird's logger metadata, which a log handler that
        // keeps no metadata (a no-op handler, some multiplexers) does not return: every request crashed.
        let id = request.headers[Self.header].flatMap(Self.acceptable)
            ?? context.logger[metadataKey: "hb.request.id"]?.description ?? Self.generate()
        context.requestID = id
        context.logger[metadataKey: "request.id"] = .string(id)
        var response = try await next(request, context)
        response.headers[Self.header] = id
        return response
    }

    /// 16 random hex digits.
    static func generate() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// At most 128 visible ASCII characters, no spaces: anything else could forge log lines.
    static func acceptable(_ value: String) -> String? {
        guard !value.isEmpty, value.utf8.count <= 128, value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return value
    }
}
