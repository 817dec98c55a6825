import Hummingbird
import NIOCore
import Logging
import MotCuaStore

/// The request context of every route: Hummingbird's core storage plus what MotCua's middleware learns
/// about a request (its id). Handlers generated from the OpenAPI document do not receive a context,
/// so `RequestContextMiddleware` binds it to `AppRequestContext.current` for the duration of the request.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request id, from a valid `X-Request-Id` header or generated.
    public var requestID: String = ""
    /// Limit enforced on request bodies (413 past it).
    public var maxUploadSize: Int = 1 << 20
    /// The authenticated caller, set by `AuthMiddleware` on protected routes.
    public var principal: Principal?
    /// The bearer token that authenticated the request (to revoke it on logout).
    var bearerToken: String?
    /// The `Host` the client asked for (HTTP/1.1 `Host`, HTTP/2 `:authority`).
    public var requestHost: String?
    /// The client's IP address: the peer's, or the one a trusted reverse proxy forwarded
    /// (`RequestContextMiddleware`); nil over a Unix socket.
    public var clientAddress: IPAddress?

    /// The `User-Agent` the client sent, for the login audit.
    public var userAgent: String?

    /// The key per-client limits count by (login throttle, public lookup): an IPv4 address or an IPv6 /64.
    public var clientLimitKey: String { clientAddress?.limitKey ?? "local" }

    /// The client's connection, to notice when the client goes away (`ClientGoneHandler`).
    var channel: (any Channel)?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
        self.clientAddress = source.channel.remoteAddress?.ipAddress.flatMap { IPAddress($0) }
    }

    /// The context of the request the current task is serving.
    @TaskLocal public static var current: AppRequestContext?
}

/// Adapts the generated handlers to Hummingbird: binds the context to `AppRequestContext.current` so
/// they can read it, resolves the client's address behind trusted proxies, and repairs the response
/// headers the OpenAPI runtime percent-encodes.
struct RequestContextMiddleware: RouterMiddleware {
    let trustedProxies: TrustedProxies

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.requestHost = request.head.authority
        context.userAgent = request.headers[.userAgent]
        if let peer = context.clientAddress {
            context.clientAddress = trustedProxies.clientAddress(peer: peer, headers: request.headers)
        }
        var response = try await AppRequestContext.$current.withValue(context) {
            try await next(request, context)
        }
        GeneratedHeaders.repair(&response.headers)
        return response
    }
}
