import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaAPI
import MotCuaServer
import MotCuaTestSupport
import NIOConcurrencyHelpers

/// A real HTTP receiver for webhook tests: records every request it gets, and answers 500 to the
/// first `failFirst` attempts of each event (or to everything while `down` is set).
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var eventID: Int64
        var attempt: Int
        var signature: String
        var body: Data
        var answered: Int
        var event: Components.Schemas.Event? { try? JSON.decoder.decode(Components.Schemas.Event.self, from: body) }
    }

    private struct State {
        var received: [Received] = []
        var attemptsByEvent: [Int64: Int] = [:]
        var failing = false
    }

    let failFirst: Int
    private let state = NIOLockedValueBox(State())

    init(failFirst: Int = 0) { self.failFirst = failFirst }

    /// Every request in arrival order.
    var received: [Received] { state.withLockedValue { $0.received } }

    /// The events answered 2xx, in arrival order.
    var delivered: [Received] { received.filter { (200..<300).contains($0.answered) } }

    /// While true, every request is answered 503.
    func setFailing(_ failing: Bool) { state.withLockedValue { $0.failing = failing } }

    private func answer(_ request: Request) async throws -> Response {
        let body = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
        let eventID = request.headers[HTTPField.Name("X-MotCua-Event-Id")!].flatMap { Int64($0) } ?? -1
        let status: Int = state.withLockedValue { state in
            let count = state.attemptsByEvent[eventID, default: 0] + 1
            state.attemptsByEvent[eventID] = count
            let status = state.failing ? 503 : count <= failFirst ? 500 : 204
            state.received.append(Received(
                eventID: eventID, attempt: request.headers[HTTPField.Name("X-MotCua-Delivery-Attempt")!].flatMap { Int($0) } ?? 0,
                signature: request.headers[HTTPField.Name(WebhookSignature.headerName)!] ?? "", body: body, answered: status))
            return status
        }
        return Response(status: .init(code: status))
    }

    /// Serves the receiver on 127.0.0.1 (port chosen by the system) at `/hook` while `body` runs.
    func serve<Value: Sendable>(_ body: @escaping @Sendable (_ url: String) async throws -> Value) async throws -> Value {
        let router = Router()
        router.post("hook") { request, _ in try await self.answer(request) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)/hook?source=motcua")
        }
    }
}
