import HTTPTypes
import Hummingbird

/// The headers of every HTML page (the forms, `/tra-cuu`, `/docs`): a content security policy that
/// allows no script, no external resource and no framing, only inline style and images as data; no
/// MIME sniffing; and no `Referer`, since a lookup page's address carries the dossier's lookup key.
struct HTMLPageHeadersMiddleware: RouterMiddleware {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
            response.headers[.xContentTypeOptions] = "nosniff"
            response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        }
        return response
    }
}
