import Foundation
import Hummingbird
import Logging
import MotCuaStore

/// Authenticates every protected route: a missing, unknown, expired or revoked bearer token is a 401
/// before any handler runs. The contract says which operations are public (those without `security`:
/// the citizens' lookup and rating, the catalog, health, metrics, the documentation, logging in); any
/// other route, including one the contract does not know, needs a token. `/metrics` needs
/// `metricsToken` as its bearer token when one is configured (`MOTCUA_METRICS_TOKEN`).
struct AuthMiddleware: RouterMiddleware {
    let authenticator: Authenticator
    let metricsToken: String?
    let contract: ContractConstraints

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        // No matched route: let the router answer 404/405 without asking for credentials.
        guard let route = context.endpointPath, !isPublic(route: route, method: request.method) else {
            if context.endpointPath == "/metrics", let metricsToken {
                guard let token = Self.bearerToken(request), APIHandler.constantTimeEquals(token, metricsToken) else {
                    throw APIError.unauthenticated
                }
            }
            return try await next(request, context)
        }
        guard let token = Self.bearerToken(request) else { throw APIError.unauthenticated }
        guard let principal = try await authenticator.principal(token: token) else { throw APIError.unauthenticated }
        var context = context
        context.principal = principal
        context.bearerToken = token
        context.logger[metadataKey: "user"] = .string(principal.username)
        return try await next(request, context)
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    func isPublic(route: String, method: HTTPRequest.Method) -> Bool {
        let method = method == .head ? "GET" : method.rawValue
        return contract.operation(method: method, route: route)?.isPublic ?? false
    }
}
