import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

extension APIHandler {
    func createWebhook(_ input: Operations.CreateWebhook.Input) async throws -> Operations.CreateWebhook.Output {
        let principal = try require([.admin], to: "manage webhooks")
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        guard WebhookTarget(body.url) != nil else { throw APIError.validation("url", "must be an http or https URL with a host") }
        let secret = body.secret ?? TokenStore.generateToken()
        let webhook = try await webhooks.create(
            province: principal.province, url: body.url, eventTypes: (body.eventTypes ?? []).map(\.rawValue), secret: secret,
            description: body.description, startAfter: body.startAfter, createdBy: principal.userID)
        return .created(.init(
            headers: .init(location: "/v1/webhooks/\(webhook.id)"),
            body: .json(.init(value1: .init(webhook), value2: .init(secret: secret)))))
    }

    func listWebhooks(_ input: Operations.ListWebhooks.Input) async throws -> Operations.ListWebhooks.Output {
        let principal = try require([.admin], to: "manage webhooks")
        return .ok(.init(body: .json(.init(items: try await webhooks.list(province: principal.province).map(Components.Schemas.Webhook.init)))))
    }

    func getWebhook(_ input: Operations.GetWebhook.Input) async throws -> Operations.GetWebhook.Output {
        let principal = try require([.admin], to: "manage webhooks")
        guard let webhook = try await webhooks.get(id: input.path.webhookId, province: principal.province) else {
            throw APIError.notFound("No webhook \(input.path.webhookId).")
        }
        return .ok(.init(body: .json(.init(webhook))))
    }

    func deleteWebhook(_ input: Operations.DeleteWebhook.Input) async throws -> Operations.DeleteWebhook.Output {
        let principal = try require([.admin], to: "manage webhooks")
        guard try await webhooks.delete(id: input.path.webhookId, province: principal.province) else {
            throw APIError.notFound("No webhook \(input.path.webhookId).")
        }
        return .noContent(.init())
    }

    func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws -> Operations.ListWebhookDeliveries.Output {
        let principal = try require([.admin], to: "manage webhooks")
        let page = try await webhooks.deliveries(
            webhookID: input.path.webhookId, province: principal.province,
            state: input.query.state.map { DeliveryRecord.State($0) }, limit: pageSize(input.query.limit),
            cursor: input.query.cursor)
        guard let page else { throw APIError.notFound("No webhook \(input.path.webhookId).") }
        return .ok(.init(body: .json(.init(
            items: try page.items.map(Components.Schemas.WebhookDelivery.init), nextCursor: NullableString(page.nextCursor)))))
    }

    func redeliverWebhookDelivery(_ input: Operations.RedeliverWebhookDelivery.Input) async throws
        -> Operations.RedeliverWebhookDelivery.Output
    {
        let principal = try require([.admin], to: "manage webhooks")
        guard let delivery = try await webhooks.redeliver(
            webhookID: input.path.webhookId, deliveryID: input.path.deliveryId, province: principal.province)
        else { throw APIError.notFound("No delivery \(input.path.deliveryId) of webhook \(input.path.webhookId).") }
        return .accepted(.init(body: .json(try .init(delivery))))
    }
}
