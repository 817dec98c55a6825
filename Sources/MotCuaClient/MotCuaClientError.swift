/// An error thrown by the MotCua client library.
///
/// Transport failures (the request never got a complete HTTP answer) are `.connectFailed`,
/// `.timedOut`, `.tls`, `.responseTooLarge` and `.transport`; answers the server gave are
/// `.problem` (an `application/problem+json` body) and `.unexpectedResponse` (anything else the
/// client cannot use). Task cancellation surfaces as Swift's `CancellationError`, not as this type,
/// so callers can handle cancellation the same way everywhere.
public enum MotCuaClientError: Error, Sendable, Equatable {
    /// The client could not open a connection: the host did not resolve, refused the connection, or
    /// a proxy failed. Nothing was sent, so any request can be retried.
    case connectFailed(message: String)
    /// The connect timeout or the total timeout elapsed before the response was complete.
    case timedOut
    /// TLS failed: the server's certificate did not verify, the CA bundle could not be read, or the
    /// handshake failed.
    case tls(message: String)
    /// The response body was larger than the transport accepts
    /// (`CurlTransport.Configuration.maxResponseBodySize`).
    case responseTooLarge(limit: Int)
    /// Any other libcurl failure, with its `CURLcode` and message (for example, the connection was
    /// reset while the response was read).
    case transport(code: Int, message: String)
    /// The server answered with an RFC 9457 problem document.
    case problem(Problem)
    /// The server answered with a status or a body the client did not expect.
    case unexpectedResponse(status: Int, body: String?)

    /// A problem document returned by the MotCua server (`application/problem+json`).
    public struct Problem: Sendable, Equatable {
        /// The HTTP status code.
        public var status: Int
        /// The stable, machine-readable error code (for example `dossier.not_found`).
        public var code: String
        /// A short, human-readable summary.
        public var title: String
        /// A human-readable explanation of this occurrence, if the server gave one.
        public var detail: String?
        /// The request fields that failed validation, if any.
        public var invalidParams: [InvalidParam]
        /// The request id the server logged this request under, for support.
        public var requestId: String?
        /// For `invalid-transition`: the status the dossier is in (e.g. `returned`).
        public var dossierStatus: String?

        /// Creates a problem from its parts.
        public init(
            status: Int,
            code: String,
            title: String,
            detail: String? = nil,
            invalidParams: [InvalidParam] = [],
            requestId: String? = nil,
            dossierStatus: String? = nil
        ) {
            self.status = status
            self.code = code
            self.title = title
            self.detail = detail
            self.invalidParams = invalidParams
            self.requestId = requestId
            self.dossierStatus = dossierStatus
        }
    }

    /// One request field that failed validation.
    public struct InvalidParam: Sendable, Equatable {
        /// The field's name, as in the request (for example `applicant.phone`).
        public var name: String
        /// Why the value was refused.
        public var reason: String

        /// Creates an invalid-parameter entry.
        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// Convenience for `.problem(Problem(...))`, matching the shape of the server's problem body.
    public static func problem(
        status: Int,
        code: String,
        title: String,
        detail: String? = nil,
        invalidParams: [InvalidParam] = [],
        requestId: String? = nil
    ) -> MotCuaClientError {
        .problem(Problem(status: status, code: code, title: title, detail: detail,
                         invalidParams: invalidParams, requestId: requestId))
    }

    /// Whether nothing reached the server, so even a non-idempotent request may be sent again.
    public var isSafeToRetry: Bool {
        if case .connectFailed = self { return true }
        return false
    }
}

extension MotCuaClientError: CustomStringConvertible {
    /// A message safe to show to a user; it never contains request or response bodies beyond what
    /// the server chose to put in a problem's title and detail.
    public var description: String {
        switch self {
        case .connectFailed(let message): "could not connect: \(message)"
        case .timedOut: "the request timed out"
        case .tls(let message): "TLS failed: \(message)"
        case .responseTooLarge(let limit): "the response body exceeded \(limit) bytes"
        case .transport(let code, let message): "transport error \(code): \(message)"
        case .problem(let problem):
            "\(problem.status) \(problem.code): \(problem.title)" + (problem.detail.map { " - \($0)" } ?? "")
        case .unexpectedResponse(let status, _): "unexpected response with status \(status)"
        }
    }
}
