import HTTPTypes

/// The one error type handlers throw. `ProblemMiddleware` turns it into `application/problem+json`.
///
/// `code` is the stable machine code the contract lists (openapi.yaml); `detail` is for people and never carries internals.
public struct APIError: Error, Sendable, Equatable {
    /// One offending input field of a `validation-failed` problem.
    public struct InvalidParam: Sendable, Equatable, Codable {
        public var name: String
        public var reason: String
        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    public var status: HTTPResponse.Status
    public var code: String
    public var title: String
    public var detail: String?
    public var invalidParams: [InvalidParam]
    /// For `invalid-transition`: the dossier's status (an extension member of the problem).
    public var dossierStatus: String?
    /// Extra response headers (`Retry-After`, `Allow`, `WWW-Authenticate`).
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, code: String, title: String, detail: String? = nil,
        invalidParams: [InvalidParam] = [], dossierStatus: String? = nil, headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.invalidParams = invalidParams
        self.dossierStatus = dossierStatus
        self.headers = headers
    }
}

extension APIError {
    public static func validation(_ params: [InvalidParam], detail: String? = nil) -> APIError {
        APIError(
            .unprocessableContent, code: "validation-failed", title: "Invalid request",
            detail: detail ?? params.map { "\($0.name): \($0.reason)" }.joined(separator: "; "), invalidParams: params)
    }

    public static func validation(_ name: String, _ reason: String) -> APIError {
        validation([InvalidParam(name: name, reason: reason)])
    }

    /// A query or path parameter outside what the contract allows: 400, naming the parameter.
    public static func badParameter(_ name: String, _ reason: String) -> APIError {
        APIError(
            .badRequest, code: "malformed-request", title: "Malformed request", detail: "\(name): \(reason)",
            invalidParams: [InvalidParam(name: name, reason: reason)])
    }

    public static func malformed(_ detail: String) -> APIError {
        APIError(.badRequest, code: "malformed-request", title: "Malformed request", detail: detail)
    }

    public static func notFound(_ detail: String) -> APIError {
        APIError(.notFound, code: "not-found", title: "Not found", detail: detail)
    }

    public static func conflict(_ code: String, _ detail: String) -> APIError {
        APIError(.conflict, code: code, title: "Conflict", detail: detail)
    }

    public static func forbidden(_ detail: String) -> APIError {
        APIError(.forbidden, code: "forbidden", title: "Forbidden", detail: detail)
    }

    public static let unauthenticated = APIError(
        .unauthorized, code: "unauthenticated", title: "Authentication required",
        detail: "Send a valid bearer token from POST /v1/auth/tokens in the Authorization header.",
        headers: [.wwwAuthenticate: #"Bearer realm="motcua""#])

    public static func payloadTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "payload-too-large", title: "Request body too large", detail: "The body exceeds \(limit) bytes.")
    }

    public static func unsupportedMediaType(accepted: [String]) -> APIError {
        APIError(
            .unsupportedMediaType, code: "unsupported-media-type", title: "Unsupported media type",
            detail: "Send the body with Content-Type \(accepted.joined(separator: " or ")).")
    }

    /// The client's `Accept` excludes every type the operation answers in.
    public static func notAcceptable(available: String) -> APIError {
        APIError(
            .notAcceptable, code: "not-acceptable", title: "Not acceptable",
            detail: "This resource is available as \(available) only; send an Accept header that allows it, or none.")
    }

    public static func rateLimited(retryAfterSeconds: Int) -> APIError {
        APIError(
            .tooManyRequests, code: "rate-limited", title: "Too many requests",
            detail: "Try again in \(retryAfterSeconds) seconds.", headers: [.retryAfter: String(retryAfterSeconds)])
    }

    /// The server is at a bound it keeps to stay responsive (concurrent password checks, reports).
    public static func busy(retryAfterSeconds: Int) -> APIError {
        APIError(
            .serviceUnavailable, code: "busy", title: "Server busy",
            detail: "Too many such requests are in progress. Try again in \(retryAfterSeconds) seconds.",
            headers: [.retryAfter: String(retryAfterSeconds)])
    }

    public static let unavailable = APIError(
        .serviceUnavailable, code: "unavailable", title: "Service unavailable", detail: "The database did not answer.")

    public static let internalError = APIError(
        .internalServerError, code: "internal-error", title: "Internal server error",
        detail: "The server failed to handle the request. Quote the request id when reporting it.")
}
