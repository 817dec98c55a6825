import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MotCuaDomain
import MotCuaPostgres
import MotCuaStore
import OpenAPIRuntime

/// The one place where errors become HTTP: every error thrown below it is answered as
/// `application/problem+json` (RFC 9457). Known errors keep their status and code; anything unknown is
/// logged with the request id and answered as a generic 500 without internals. A caller preferring
/// Vietnamese (`Accept-Language: vi`) gets the title and detail in Vietnamese (`VietnameseProblems`).
struct ProblemMiddleware: RouterMiddleware {
    /// Filled in once every route is registered (middleware has to be added before routes).
    let routes = RouteTable.Box()

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = classify(error, request: request, context: context)
            guard VietnameseProblems.preferred(by: request.headers[.acceptLanguage]) else {
                return problem.response(instance: request.uri.path, requestID: context.requestID)
            }
            var response = VietnameseProblems.translate(problem).response(instance: request.uri.path, requestID: context.requestID)
            response.headers[.contentLanguage] = "vi"
            return response
        }
    }

    func classify(_ error: any Error, request: Request, context: AppRequestContext) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as ServerError:
            // The generated server wraps handler errors and its own input-decoding failures.
            if error.underlyingError is APIError || error.underlyingError is StoreError || error.underlyingError is PostgresError
                || error.underlyingError is CancellationError
            {
                return classify(error.underlyingError, request: request, context: context)
            }
            // The answer's type is not one the client's Accept allows (the serializer checks it).
            if error.httpStatus == .notAcceptable {
                return .notAcceptable(available: Self.answerType(of: error.causeDescription))
            }
            // With the input decoded, the failure is the handler's or the response serializer's: a
            // server fault (500 below), never a "malformed request" that would hide it from the logs.
            if error.operationInput != nil {
                return classify(error.underlyingError, request: request, context: context)
            }
            return Self.inputProblem(error)
        case let error as HTTPError:
            if error.status == .notFound {
                let allowed = routes.get().methods(forPath: request.uri.path)
                if !allowed.isEmpty {
                    return APIError(
                        .methodNotAllowed, code: "method-not-allowed", title: "Method not allowed",
                        detail: "\(request.method) is not supported here; use \(allowed.joined(separator: ", ")).",
                        headers: [.allow: allowed.joined(separator: ", ")])
                }
                return .notFound("No resource at \(request.uri.path).")
            }
            if error.status == .contentTooLarge { return .payloadTooLarge(limit: context.maxUploadSize) }
            return APIError(error.status, code: error.status.code < 500 ? "malformed-request" : "internal-error", title: error.status.reasonPhrase, detail: error.body)
        case let error as StoreError:
            return Self.problem(error)
        case let error as PostgresError where [.poolTimeout, .poolClosed, .connectionLost, .connectFailed].contains(error.code):
            context.logger.error("database unavailable", metadata: ["error": "\(error)"])
            return .unavailable
        case let error as PostgresError where error.code == .checkViolation || error.code == .notNullViolation:
            // A handler let through a value the schema refuses: still the caller's input, not a 500.
            context.logger.warning("database constraint refused input", metadata: ["error": "\(error)"])
            return APIError(
                .unprocessableContent, code: "validation-failed", title: "Invalid request",
                detail: "A value is outside what the server can store.")
        case let error as PostgresError where error.sqlState?.hasPrefix("22") == true:
            // Data exceptions (a NUL character, a number out of range): unusable input.
            context.logger.notice("database refused a value", metadata: ["error": "\(error)"])
            return .malformed("A value could not be used (for example it contains a NUL character or is out of range).")
        case let error as PostgresError where error.code == .queryCanceled:
            // statement_timeout: a request the server will not let run that long.
            context.logger.warning("statement timed out", metadata: ["error": "\(error)"])
            return APIError(
                .serviceUnavailable, code: "unavailable", title: "Service unavailable",
                detail: "The request took longer than the server allows; narrow it (a shorter period, fewer words) or try later.")
        case is CancellationError:
            return APIError(.serviceUnavailable, code: "unavailable", title: "Service unavailable", detail: "The request was cancelled.")
        default:
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return .internalError
        }
    }

    static func problem(_ error: StoreError) -> APIError {
        switch error {
        case .notFound(let detail): .notFound(detail)
        case .conflict(let code, let detail): .conflict(code, detail)
        case .invalidTransition(let detail, let status):
            APIError(.conflict, code: "invalid-transition", title: "Conflict", detail: detail, dossierStatus: status)
        case .invalid(let field, let reason): .validation(field, reason)
        case .invalidFields(let fields): .validation(fields.map { .init(name: $0.field, reason: $0.reason) })
        case .invalidCursor: .malformed("The cursor is not one this server issued; start again without it.")
        case .forbidden(let detail): .forbidden(detail)
        case .versionMismatch(let current):
            APIError(.preconditionFailed, code: "version-mismatch", title: "Precondition failed",
                     detail: "The dossier changed (it is now at version \(current)); read it again before acting.")
        }
    }

    /// The type the runtime's "not acceptable" error names ("…, content type: application/json, accepted: …").
    static func answerType(of cause: String) -> String {
        guard let start = cause.range(of: "content type: ")?.upperBound else { return "application/json" }
        return String(cause[start...].prefix { $0 != "," })
    }

    /// A request the generated code could not decode: wrong JSON, a missing or malformed parameter,
    /// an unsupported content type. Always the caller's fault, so always 4xx, never the decoder's text verbatim.
    static func inputProblem(_ error: ServerError) -> APIError {
        if let decoding = findDecodingError(error.underlyingError) {
            return .validation([Self.invalidParam(decoding)])
        }
        let cause = error.causeDescription
        if let bodyTooLarge = error.underlyingError as? APIError { return bodyTooLarge }
        if cause.localizedCaseInsensitiveContains("content type") || cause.localizedCaseInsensitiveContains("content-type") {
            return .unsupportedMediaType(accepted: ["application/json"])
        }
        return .malformed(cause)
    }

    private static func findDecodingError(_ error: any Error) -> DecodingError? {
        if let decoding = error as? DecodingError { return decoding }
        // The runtime wraps decoding errors in its own (internal) error types; look one level down.
        for child in Mirror(reflecting: error).children {
            if let decoding = child.value as? DecodingError { return decoding }
            if let nested = child.value as? any Error, let decoding = nested as? DecodingError { return decoding }
        }
        return nil
    }

    static func invalidParam(_ error: DecodingError) -> APIError.InvalidParam {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = codingPath + (last.map { [$0] } ?? [])
            let name = keys.reduce(into: "") { result, key in
                if let index = key.intValue { result += "[\(index)]" } else { result += result.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return name.isEmpty ? "body" : name
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .init(name: path(context.codingPath, key), reason: "is required")
        case .valueNotFound(_, let context):
            return .init(name: path(context.codingPath), reason: "must not be null")
        case .typeMismatch(let type, let context):
            return .init(name: path(context.codingPath), reason: "must be \(Self.describe(type))")
        case .dataCorrupted(let context):
            let reason = context.codingPath.isEmpty ? "is not valid JSON" : "has an invalid value"
            return .init(name: path(context.codingPath), reason: reason)
        @unknown default:
            return .init(name: "body", reason: "could not be decoded")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "a boolean"
        default: String(describing: type).contains("Array") ? "an array" : "an object"
        }
    }
}

extension APIError {
    private struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String?
        var code: String
        var instance: String
        var requestId: String
        var invalidParams: [InvalidParam]?
        var dossierStatus: String?
    }

    /// This problem as an `application/problem+json` response.
    func response(instance: String, requestID: String) -> Response {
        let body = Body(
            type: "https://motcua.example/problems/\(code)", title: title, status: Int(status.code), detail: detail,
            code: code, instance: instance, requestId: requestID, invalidParams: invalidParams.isEmpty ? nil : invalidParams,
            dossierStatus: dossierStatus)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]  // as every other answer
        let data = (try? encoder.encode(body)) ?? Data()
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
