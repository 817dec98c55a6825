import Foundation
import Hummingbird

/// Checks each request against the constraints of the contract the generated code leaves out
/// (`ContractConstraints`): a query parameter outside them (or a path parameter outside its enum) is a 400 naming it, a JSON body outside
/// them a 422 listing every offending field, before any handler runs or anything changes.
struct ContractValidationMiddleware: RouterMiddleware {
    let constraints: ContractConstraints

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let route = context.endpointPath, let operation = constraints.operation(method: request.method.rawValue, route: route) else {
            return try await next(request, context)
        }
        // A path value outside a pattern or length names a resource that cannot exist: the handler's 404.
        // One outside an enum (which form to print) is a malformed request.
        for (name, value) in context.parameters {
            if let allowed = operation.path[String(name)]?.allowedValues, !allowed.contains(String(value)) {
                throw APIError.badParameter(String(name), "must be one of \(allowed.joined(separator: ", "))")
            }
        }
        for (name, value) in request.uri.queryParameters {
            if let schema = operation.query[String(name)], let reason = schema.violation(ofParameter: String(value)) {
                throw APIError.badParameter(String(name), reason)
            }
        }
        guard let body = operation.body, request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            return try await next(request, context)
        }
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        // Malformed JSON is left to the generated decoder, which answers it as such.
        if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView)) {
            var problems: [APIError.InvalidParam] = []
            body.violations(of: value, at: "", into: &problems)
            if !problems.isEmpty { throw APIError.validation(problems) }
        }
        return try await next(request, context)
    }
}
