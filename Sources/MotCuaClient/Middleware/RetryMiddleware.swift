import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Sends a request again after a connection error when `MotCuaClient.RetryPolicy` says it is safe.
struct RetryMiddleware: ClientMiddleware {
    let policy: MotCuaClient.RetryPolicy

    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentMethods: Set<HTTPRequest.Method> = [.get, .head, .put, .delete, .options]

    /// libcurl codes for a connection that broke after the request may have been sent:
    /// 18 partial file, 52 empty reply, 55 send error, 56 receive error.
    static let droppedConnectionCodes: Set<Int> = [18, 52, 55, 56]

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard policy.maxAttempts > 1 else { return try await next(request, body, baseURL) }
        let idempotent = Self.isIdempotent(request)
        // A body that can be read only once is buffered so that it can be sent again.
        var body = body
        if let once = body, once.iterationBehavior == .single {
            body = HTTPBody(try await [UInt8](collecting: once, upTo: 64 << 20))
        }
        var attempt = 1
        while true {
            do {
                return try await next(request, body, baseURL)
            } catch {
                guard attempt < policy.maxAttempts, Self.shouldRetry(error, idempotent: idempotent) else { throw error }
                try await Task.sleep(for: policy.delay(beforeRetry: attempt))
                attempt += 1
            }
        }
    }

    static func isIdempotent(_ request: HTTPRequest) -> Bool {
        idempotentMethods.contains(request.method) || request.headerFields[idempotencyKey] != nil
    }

    static func shouldRetry(_ error: any Error, idempotent: Bool) -> Bool {
        guard let error = MotCuaClient.unwrap(error) as? MotCuaClientError else { return false }
        switch error {
        case .connectFailed: return true
        case .transport(let code, _): return idempotent && droppedConnectionCodes.contains(code)
        default: return false
        }
    }
}
