import HTTPTypes
import Hummingbird

/// `Cache-Control: no-store` on every answer that may carry personal data or a token: whatever an
/// authenticated request gets, the public dossier lookups (and their page) and logins. The catalog, calendar,
/// health and contract stay cacheable.
struct NoStoreMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        let path = request.uri.path
        if response.headers[.cacheControl] == nil,
            request.headers[.authorization] != nil || path.hasPrefix("/v1/public/") || path.hasPrefix("/v1/auth/") || path == "/tra-cuu"
        {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
