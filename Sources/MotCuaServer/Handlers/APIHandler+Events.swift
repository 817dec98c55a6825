import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore
import ServiceLifecycle

extension APIHandler {
    func listEvents(_ input: Operations.ListEvents.Input) async throws -> Operations.ListEvents.Output {
        let principal = try require([.portal, .auditor], to: "read the change feed")
        let after = input.query.after ?? 0
        let limit = input.query.limit ?? 100
        // The portal asking for what follows `after` confirms it has everything up to it.
        if principal.roles.contains(.portal), after > 0 {
            try await feed.acknowledge(province: principal.province, through: after)
        }
        var seen = feedSignal.last
        var events = try await feed.page(province: principal.province, after: after, limit: limit)
        if events.isEmpty, let wait = input.query.wait, wait > 0 {
            let deadline = ContinuousClock.now + .seconds(wait)
            // A held request answers at once when the server shuts down, so it never delays the shutdown.
            while events.isEmpty, ContinuousClock.now < deadline, !Task.isCancelled, !Task.isShuttingDownGracefully {
                let (beyond, timeout) = (seen, deadline - ContinuousClock.now)
                await cancelWhenGracefulShutdown { await feedSignal.wait(beyond: beyond, timeout: timeout) }
                seen = feedSignal.last
                events = try await feed.page(province: principal.province, after: after, limit: limit)
            }
        }
        let decoder = Self.responseDecoder
        return .ok(.init(body: .json(.init(
            items: try events.map { try .init($0, decoder: decoder) }, nextAfter: events.last?.id ?? after, hasMore: events.count == limit))))
    }
}
