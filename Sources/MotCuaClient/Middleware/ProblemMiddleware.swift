import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Turns every response outside 2xx into `MotCuaClientError.problem`, documented or not, so that
/// the curated API only ever handles success.
///
/// The problem's fields come from the `application/problem+json` body; when the body is something
/// else (a proxy's HTML page, say) the code is `http-<status>` and the title the status's reason.
/// The request id falls back to the `X-Request-Id` header.
struct ProblemMiddleware: ClientMiddleware {
    static let requestIdField = HTTPField.Name("X-Request-Id")!
    static let maxProblemBytes = 1 << 20

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        guard response.status.kind != .successful else { return (response, responseBody) }
        var bytes: [UInt8] = []
        if let responseBody {
            bytes = (try? await [UInt8](collecting: responseBody, upTo: Self.maxProblemBytes)) ?? []
        }
        throw MotCuaClientError.problem(Self.problem(response, bytes))
    }

    static func problem(_ response: HTTPResponse, _ bytes: [UInt8]) -> MotCuaClientError.Problem {
        let status = response.status.code
        let headerRequestId = response.headerFields[requestIdField]
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(bytes)) else {
            let text = String(decoding: bytes.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return MotCuaClientError.Problem(
                status: status, code: "http-\(status)", title: response.status.reasonPhrase,
                detail: text.isEmpty ? nil : text, requestId: headerRequestId)
        }
        return MotCuaClientError.Problem(
            status: status,
            code: document.code ?? "http-\(status)",
            title: document.title ?? response.status.reasonPhrase,
            detail: document.detail,
            invalidParams: (document.invalidParams ?? []).map { .init(name: $0.name, reason: $0.reason) },
            requestId: document.requestId ?? headerRequestId,
            dossierStatus: document.dossierStatus
        )
    }

    /// The parts of an RFC 9457 problem the client reads; every field optional so that a partial
    /// document still yields what it has.
    struct Document: Decodable {
        struct Param: Decodable {
            var name: String
            var reason: String
        }
        var code: String?
        var title: String?
        var detail: String?
        var requestId: String?
        var invalidParams: [Param]?
        var dossierStatus: String?
    }
}
