import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

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
            while events.isEmpty, ContinuousClock.now < deadline, !Task.isCancelled {
                await feedSignal.wait(beyond: seen, timeout: deadline - ContinuousClock.now)
                seen = feedSignal.last
                events = try await feed.page(province: principal.province, after: after, limit: limit)
            }
        }
        return .ok(.init(body: .json(.init(
            items: try events.map(Components.Schemas.Event.init), nextAfter: events.last?.id ?? after, hasMore: events.count == limit))))
    }
}
