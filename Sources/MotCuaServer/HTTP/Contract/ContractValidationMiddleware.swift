import Foundation
import HTTPTypes
import Hummingbird
import MotCuaFoundation

/// Checks each request against the constraints of the contract the generated code leaves out
/// (`ContractConstraints`): a header or query parameter outside them (its type, format, length, pattern, range or
/// enum) is a 400 naming it; a path parameter outside its enum or date format too, one that is not a
/// number where an id is expected a 404; a JSON body outside
/// them a 422 listing every offending field, before any handler runs or anything changes. A body in a
/// media type the operation does not declare, or without `Content-Type`, is a 415: the generated layer
/// would otherwise decode it as JSON without these checks.
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
            // A NUL cannot be in any stored name (and would be cut short on the way to the database).
            if (String(value).removingPercentEncoding ?? String(value)).utf8.contains(0) { throw APIError.notFound("No resource at \(request.uri.path).") }
            guard let schema = operation.path[String(name)] else { continue }
            if schema.isNotAnIdentifier(String(value), name: String(name)) { throw APIError.notFound("No resource at \(request.uri.path).") }
            if schema.allowedValues != nil || schema.format == "date" || schema.type == "integer",
                let reason = schema.violation(ofParameter: String(value))
            {
                throw APIError.badParameter(String(name), reason)
            }
        }
        for (name, schema) in operation.headers {
            if let field = HTTPField.Name(name), let value = request.headers[field], let reason = schema.violation(ofParameter: value) {
                throw APIError.badParameter(name, reason)
            }
        }
        for name in operation.requiredQuery.sorted() where request.uri.queryParameters[name[...]] == nil {
            throw APIError.badParameter(name, "is required")
        }
        for (name, value) in request.uri.queryParameters {
            if let schema = operation.query[String(name)], let reason = schema.violation(ofParameter: String(value)) {
                throw APIError.badParameter(String(name), reason)
            }
        }
        guard !operation.bodyMediaTypes.isEmpty else { return try await next(request, context) }
        var request = request
        let mediaType = request.headers[.contentType].map(Self.mediaType)
        guard let mediaType, operation.bodyMediaTypes.contains(mediaType) else {
            // No body at all is the generated layer's to answer (400 when one is required).
            if mediaType == nil, try await request.collectBody(upTo: context.maxUploadSize).readableBytes == 0 {
                return try await next(request, context)
            }
            throw APIError.unsupportedMediaType(accepted: operation.bodyMediaTypes.sorted())
        }
        guard let body = operation.body, mediaType == "application/json" else { return try await next(request, context) }
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        // Malformed JSON is left to the generated decoder, which answers it as such.
        if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView)) {
            var problems: [APIError.InvalidParam] = []
            body.violations(of: value, at: "", into: &problems)
            if !problems.isEmpty { throw APIError.validation(problems) }
        }
        return try await next(request, context)
    }

    /// `application/json; charset=utf-8` → `application/json`.
    static func mediaType(_ contentType: String) -> String {
        String(contentType.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased()
    }
}
