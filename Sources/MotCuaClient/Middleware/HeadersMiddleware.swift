import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Adds `Authorization: Bearer <token>` (when the client holds a token and the request has none)
/// and `User-Agent` to every request.
struct HeadersMiddleware: ClientMiddleware {
    let session: Session
    let userAgent: String

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if request.headerFields[.authorization] == nil, let token = session.token {
            request.headerFields[.authorization] = "Bearer \(token)"
        }
        request.headerFields[.userAgent] = userAgent
        return try await next(request, body, baseURL)
    }
}
