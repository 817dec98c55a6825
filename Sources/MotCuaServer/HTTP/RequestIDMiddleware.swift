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
        let id = request.headers[Self.header].flatMap(Self.acceptable) ?? context.id
        context.requestID = id
        context.logger[metadataKey: "request.id"] = .string(id)
        var response = try await next(request, context)
        response.headers[Self.header] = id
        return response
    }

    /// At most 128 visible ASCII characters, no spaces: anything else could forge log lines.
    static func acceptable(_ value: String) -> String? {
        guard !value.isEmpty, value.utf8.count <= 128, value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return value
    }
}
