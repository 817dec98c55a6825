import Foundation
import HTTPTypes
import Hummingbird
import MotCuaAPI
import MotCuaDomain
import MotCuaStore
import OpenAPIHummingbird
import OpenAPIRuntime

/// Registers the generated operations on the router, except the two hottest reads: `GET
/// /v1/dossiers/{code}` and `GET /v1/dossiers` are answered by hand-written code that shares the
/// handler's logic (`APIHandler.readDossier`, `readDossierPage`) and writes the same JSON bytes with
/// `JSONWriter` in one buffer, without building the generated types and encoding them with Foundation
/// (a page of 50 dossiers spent 43% of its time in `JSONEncoder`). A request the hand-written code
/// does not take as it is (an `Accept` other than JSON, a query parameter written in a way only the
/// generated decoder reads) goes to the generated handler, so every answer stays the contract's.
/// `HotRoutesTests` compares both paths byte for byte.
struct HotRoutes: ServerTransport {
    typealias Generated = @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    typealias Hot = @Sendable (Request, AppRequestContext) async throws -> Response?

    let router: Router<AppRequestContext>
    let handler: APIHandler

    func register(_ generated: @escaping Generated, method: HTTPRequest.Method, path: String) throws {
        guard let hot = hotRoute(method: method, path: path) else {
            router.register(generated, method: method, path: path)
            return
        }
        // The generated handler alone on a router of its own: the fallback, behind the same middleware.
        let single = Router(context: AppRequestContext.self)
        single.register(generated, method: method, path: path)
        let fallback = single.buildResponder()
        router.on(RouterPath(path), method: method) { request, context in
            if Self.acceptsJSON(request.headers), let response = try await hot(request, context) { return response }
            return try await fallback.respond(to: request, context: context)
        }
    }

    private func hotRoute(method: HTTPRequest.Method, path: String) -> Hot? {
        guard method == .get else { return nil }
        let handler = handler
        switch path {
        case "/v1/dossiers/{code}":
            return { request, context in
                guard let code = context.parameters.get("code"), !code.contains("%") else { return nil }
                let (record, principal) = try await handler.readDossier(code: code)
                var json = JSONWriter()
                json.dossier(record, now: handler.clock.now, for: principal)
                return Self.json(json, headers: [.eTag: record.eTag])
            }
        case "/v1/dossiers":
            return { request, _ in
                guard let query = Self.listQuery(request.uri.query) else { return nil }
                let (page, now, principal) = try await handler.readDossierPage(query)
                var json = JSONWriter(capacity: 2048 * max(page.items.count, 1))
                json.object { w in
                    w.key("items")
                    w.array(page.items) { $0.dossier($1, now: now, for: principal) }
                    w.key("nextCursor")
                    if let cursor = page.nextCursor { w.string(cursor) } else { w.null() }
                }
                return Self.json(json)
            }
        default:
            return nil
        }
    }

    private static func json(_ json: JSONWriter, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: json.buffer))
    }

    /// No `Accept`, or one with a range that covers JSON and a quality above 0; anything else is the
    /// generated layer's to answer.
    static func acceptsJSON(_ headers: HTTPFields) -> Bool {
        let values = headers[values: .accept]
        guard !values.isEmpty else { return true }
        return values.joined(separator: ",").split(separator: ",").contains { range in
            let parts = range.split(separator: ";").map { $0.filter { !$0.isWhitespace }.lowercased() }
            guard let type = parts.first, ["application/json", "application/*", "*/*"].contains(type) else { return false }
            return !parts.dropFirst().contains { $0.hasPrefix("q=") && Double($0.dropFirst(2)) == 0 }
        }
    }

    /// The list's query parameters this code reads itself: those of the contract (the validation
    /// middleware has checked their values), each at most once, not empty, with no `%` or `+` to decode.
    static let listParameters: Set<String> = [
        "status", "procedure", "unit", "assignee", "overdue", "dueBefore", "receivedFrom", "receivedTo", "q",
        "externalReference", "updatedSince", "limit", "cursor",
    ]

    /// The generated layer's `Query` of a list request, or nil when the generated decoder should read it.
    static func listQuery(_ rawQuery: String?) -> Operations.ListDossiers.Input.Query? {
        var values: [String: String] = [:]
        for item in (rawQuery ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            guard listParameters.contains(name), values[name] == nil, !value.isEmpty, !value.contains("%"), !value.contains("+") else {
                return nil
            }
            values[name] = value
        }
        var query = Operations.ListDossiers.Input.Query()
        if let status = values["status"] { guard let value = Components.Schemas.DossierStatus(rawValue: status) else { return nil }; query.status = value }
        if let overdue = values["overdue"] { guard let value = Bool(overdue) else { return nil }; query.overdue = value }
        if let limit = values["limit"] { guard let value = Int(limit) else { return nil }; query.limit = value }
        if let since = values["updatedSince"] {
            guard let value = try? RFC3339DateTranscoder().decode(since) else { return nil }
            query.updatedSince = value
        }
        query.procedure = values["procedure"]
        query.unit = values["unit"]
        query.assignee = values["assignee"]
        query.dueBefore = values["dueBefore"]
        query.receivedFrom = values["receivedFrom"]
        query.receivedTo = values["receivedTo"]
        query.q = values["q"]
        query.externalReference = values["externalReference"]
        query.cursor = values["cursor"]
        return query
    }
}
