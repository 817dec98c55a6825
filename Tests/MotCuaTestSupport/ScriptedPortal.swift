import Foundation
import MotCuaFoundation
@testable import MotCuaStore
import Testing

/// The change feed a test scripts: the pages it answers and what the portal acknowledged. Unscripted,
/// the feed is empty. Its ordering and acknowledgement are SQL, tested against PostgreSQL.
public struct ScriptedFeed: ChangeFeedStoring {
    public var page: @Sendable (_ province: String, _ after: Int64, _ limit: Int) async throws -> [FeedEvent] = { _, _, _ in [] }
    /// Each `acknowledge(province:through:)`, in order.
    public let acknowledged = LockedValue<[(province: String, position: Int64)]>([])

    public init() {}

    public func page(province: String, after: Int64, limit: Int) async throws -> [FeedEvent] { try await page(province, after, limit) }

    public func acknowledge(province: String, through position: Int64) async throws {
        acknowledged.withLock { $0.append((province, position)) }
    }
}

extension FeedEvent {
    /// The event at feed position `id` of the dossier `code`, with a minimal portal view.
    public static func sample(_ id: Int64, code: String, type: String = "dossier.accept", at: Date = Date(timeIntervalSince1970: 1_772_416_800))
        -> FeedEvent
    {
        let dossier = """
            {"code":"\(code)","version":2,"statusCode":2,"status":"received","statusName":"Đã tiếp nhận",\
            "procedure":{"code":"1.001193","version":1},"receivingUnit":"T00.01","handlingUnit":"T00.01","channel":"counter",\
            "applicant":{"idNumber":"001190012345","fullName":"Nguyễn Thị Ánh"},"fees":{"requested":0,"paid":0,"paidOnline":false},\
            "supplementRequested":false,"supplementRequests":0,"apologized":false,"updatedAt":"2026-03-02T02:00:00Z"}
            """
        return FeedEvent(id: id, type: type, occurredAt: at, dossierCode: code, dossierJSON: dossier)
    }
}

/// Webhooks in memory, by province, with the deliveries a test adds; what `WebhookStore` keeps in SQL
/// and its delivery service works through (tested against PostgreSQL).
public final class MemoryWebhooks: WebhookStoring {
    private struct State {
        var webhooks: [Int64: (record: WebhookRecord, secret: String)] = [:]
        var deliveries: [Int64: [DeliveryRecord]] = [:]
        var nextID: Int64 = 1
    }
    private let state = LockedValue(State())

    public init() {}

    /// The secret a webhook was created with.
    public func secret(of id: Int64) -> String? { state.withLock { $0.webhooks[id]?.secret } }

    /// Adds a delivery of webhook `id` (newest last).
    public func addDelivery(_ delivery: DeliveryRecord, to id: Int64) { state.withLock { $0.deliveries[id, default: []].append(delivery) } }

    public func create(
        province: String, url: String, eventTypes: [String], secret: String, description: String?, startAfter: Int64?, createdBy: Int64
    ) async throws -> WebhookRecord {
        state.withLock { state in
            defer { state.nextID += 1 }
            let record = WebhookRecord(
                id: state.nextID, province: province, url: url, eventTypes: eventTypes, description: description, createdAt: Date(),
                pending: 0, delivered: 0, dead: 0)
            state.webhooks[record.id] = (record, secret)
            return record
        }
    }

    public func list(province: String) async throws -> [WebhookRecord] {
        state.withLock { $0.webhooks.values.map(\.record).filter { $0.province == province }.sorted { $0.id < $1.id } }
    }

    public func get(id: Int64, province: String) async throws -> WebhookRecord? {
        state.withLock { state in state.webhooks[id].map(\.record).flatMap { $0.province == province ? $0 : nil } }
    }

    public func delete(id: Int64, province: String) async throws -> Bool {
        state.withLock { state in
            guard state.webhooks[id]?.record.province == province else { return false }
            state.webhooks[id] = nil
            state.deliveries[id] = nil
            return true
        }
    }

    public func deliveries(webhookID: Int64, province: String, state wanted: DeliveryRecord.State?, limit: Int, cursor: String?) async throws
        -> Page<DeliveryRecord>?
    {
        guard try await get(id: webhookID, province: province) != nil else { return nil }
        let after = try cursor.map { text throws(StoreError) -> Int64 in
            guard let position = Int64(try PageCursor(decoding: text, count: 1).values[0]) else { throw .invalidCursor }
            return position
        }
        let newestFirst = state.withLock { $0.deliveries[webhookID] ?? [] }.reversed().filter { delivery in
            (wanted.map { delivery.state == $0 } ?? true) && (after.map { delivery.eventID < $0 } ?? true)
        }
        return Page(fetched: Array(newestFirst.prefix(limit + 1)), limit: limit) { [String($0.eventID)] }
    }

    public func redeliver(webhookID: Int64, deliveryID: Int64, province: String) async throws -> DeliveryRecord? {
        guard try await get(id: webhookID, province: province) != nil else { return nil }
        return state.withLock { state in
            guard var deliveries = state.deliveries[webhookID], let index = deliveries.firstIndex(where: { $0.id == deliveryID }) else {
                return nil
            }
            if deliveries[index].state != .pending { deliveries[index].attempts = 0 }
            deliveries[index].state = .pending
            deliveries[index].deliveredAt = nil
            state.deliveries[webhookID] = deliveries
            return deliveries[index]
        }
    }
}
