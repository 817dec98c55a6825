import HTTPTypes
import Hummingbird

/// Cross-origin access for browser front ends on the configured origins (`MOTCUA_CORS_ORIGINS`).
///
/// A preflight (`OPTIONS` with `Access-Control-Request-Method`) from an allowed origin on a path the
/// API serves is answered here with the methods that path allows and the headers the API reads;
/// other requests from an allowed origin get `Access-Control-Allow-Origin` and the headers a front end
/// may read, errors included. Credentials are never allowed (the API uses bearer tokens, not cookies).
/// A disallowed origin gets no CORS headers at all, so the browser keeps its answers from the page.
struct CORSMiddleware: RouterMiddleware {
    /// Lower-cased `scheme://host[:port]` origins.
    let origins: Set<String>
    let routes: RouteTable.Box

    static let allowedHeaders = "Authorization, Content-Type, Idempotency-Key, If-Match, Accept-Language, X-Request-Id"
    static let exposedHeaders = "ETag, Location, X-Request-Id, Retry-After"
    /// How long a browser may reuse a preflight answer, in seconds.
    static let maxAge = "600"

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        guard origins.contains(origin.lowercased()) else {
            var response = try await next(request, context)
            response.headers[.vary] = "Origin"
            return response
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            let methods = routes.get().methods(forPath: request.uri.path)
            if !methods.isEmpty {
                var headers = HTTPFields()
                headers[.accessControlAllowOrigin] = origin
                headers[.accessControlAllowMethods] = methods.joined(separator: ", ")
                headers[.accessControlAllowHeaders] = Self.allowedHeaders
                headers[.accessControlMaxAge] = Self.maxAge
                headers[.vary] = "Origin"
                return Response(status: .noContent, headers: headers)
            }
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
        response.headers[.vary] = "Origin"
        return response
    }
}
