import Foundation
import MotCuaPostgres

/// A registered webhook and its delivery counts.
public struct WebhookRecord: Sendable, Hashable {
    public var id: Int64
    public var province: String
    public var url: String
    /// Event types sent; empty means every type.
    public var eventTypes: [String]
    public var description: String?
    public var createdAt: Date
    public var pending: Int
    public var delivered: Int
    public var dead: Int
}

/// One event for one webhook.
public struct DeliveryRecord: Sendable, Hashable {
    public enum State: String, Sendable, CaseIterable { case pending, delivered, dead }
    public var id: Int64
    public var eventID: Int64
    public var eventType: String
    public var dossierCode: String
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastAttemptAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var deliveredAt: Date?
    public var createdAt: Date
}

/// Webhooks of a province and their deliveries: registration, the fan-out of feed events into
/// deliveries, and the claims and outcomes of the delivery service.
public struct WebhookStore: Sendable {
    let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// Registers a webhook; without `startAfter` it starts at the current end of the feed.
    public func create(
        province: String, url: String, eventTypes: [String], secret: String, description: String?, startAfter: Int64?, createdBy: Int64
    ) async throws -> WebhookRecord {
        let rows = try await pool.query("""
            INSERT INTO webhooks (province, url, event_types, secret, description, fanned_out, created_by)
            VALUES (\(province), \(url), \(eventTypes), \(secret), \(description),
                    coalesce(\(startAfter), (SELECT coalesce(max(position), 0) FROM outbox)), \(createdBy))
            RETURNING id
            """)
        let id = try rows[0].decode(Int64.self, at: 0)
        guard let created = try await get(id: id, province: province) else { throw StoreError.notFound("No webhook \(id).") }
        return created
    }

    /// The province's webhooks, oldest first.
    public func list(province: String) async throws -> [WebhookRecord] {
        try await pool.query("\(unescaped: Self.select) WHERE w.province = \(province) ORDER BY w.id").map(Self.decode)
    }

    /// The webhook, or nil when it does not exist in the province.
    public func get(id: Int64, province: String) async throws -> WebhookRecord? {
        try await pool.query("\(unescaped: Self.select) WHERE w.id = \(id) AND w.province = \(province)").first.map(Self.decode)
    }

    /// Deletes the webhook and its deliveries; false when it does not exist in the province.
    public func delete(id: Int64, province: String) async throws -> Bool {
        try await pool.query("DELETE FROM webhooks WHERE id = \(id) AND province = \(province)").affectedRows > 0
    }

    /// A page of the webhook's deliveries, newest event first; nil when the webhook is not in the province.
    public func deliveries(webhookID: Int64, province: String, state: DeliveryRecord.State?, limit: Int, cursor: String?) async throws
        -> Page<DeliveryRecord>?
    {
        guard try await get(id: webhookID, province: province) != nil else { return nil }
        let after = try cursor.map { text throws(StoreError) -> Int64 in
            guard let position = Int64(try PageCursor(decoding: text, count: 1).values[0]) else { throw .invalidCursor }
            return position
        }
        var query: PostgresQuery = "\(unescaped: Self.deliverySelect(from: "webhook_deliveries")) WHERE wd.webhook_id = \(webhookID)"
        if let state { query += " AND wd.state = \(state.rawValue)" }
        if let after { query += " AND wd.position < \(after)" }
        query += " ORDER BY wd.position DESC LIMIT \(limit + 1)"
        let records = try await pool.query(query).map(Self.decodeDelivery)
        return Page(fetched: records, limit: limit) { [String($0.eventID)] }
    }

    /// Makes a delivery pending and due now (one still waiting for an earlier delivery of its dossier
    /// keeps waiting); a dead or delivered one gets a fresh set of attempts, out of order on purpose.
    /// Nil when there is no such delivery of a webhook of the province.
    public func redeliver(webhookID: Int64, deliveryID: Int64, province: String) async throws -> DeliveryRecord? {
        try await pool.query("""
            WITH updated AS (
                UPDATE webhook_deliveries wd
                SET attempts = CASE WHEN wd.state = 'pending' THEN wd.attempts ELSE 0 END,
                    next_attempt_at = CASE WHEN wd.state = 'pending' AND wd.next_attempt_at = 'infinity' THEN 'infinity'::timestamptz ELSE now() END,
                    state = 'pending', delivered_at = NULL
                FROM webhooks w
                WHERE wd.id = \(deliveryID) AND wd.webhook_id = \(webhookID) AND w.id = wd.webhook_id AND w.province = \(province)
                RETURNING wd.*)
            \(unescaped: Self.deliverySelect(from: "updated"))
            """).first.map(Self.decodeDelivery)
    }

    // MARK: - The delivery service

    /// Turns feed events past each webhook's `fanned_out` position into deliveries (of the types it
    /// wants), at most `batch` per webhook. Webhooks another instance is fanning out are skipped. A
    /// delivery is due at once only when it is its dossier's oldest pending one; the others wait
    /// (`infinity`) for `delivered`/`failed` to make them due in turn. Returns how many webhooks advanced.
    public func fanOut(batch: Int = 1000) async throws -> Int {
        try await pool.query("""
            WITH w AS (SELECT id, province, event_types, fanned_out FROM webhooks ORDER BY id FOR UPDATE SKIP LOCKED),
            picked AS (
                SELECT w.id AS webhook_id, w.event_types, o.id AS outbox_id, o.dossier_id, o.position, o.topic
                FROM w CROSS JOIN LATERAL (
                    SELECT id, dossier_id, position, topic FROM outbox
                    WHERE province = w.province AND position > w.fanned_out ORDER BY position LIMIT \(batch)) o),
            wanted AS (
                SELECT *, row_number() OVER (PARTITION BY webhook_id, dossier_id ORDER BY position) AS nth FROM picked
                WHERE cardinality(event_types) = 0 OR topic = ANY (event_types)),
            inserted AS (
                INSERT INTO webhook_deliveries (webhook_id, outbox_id, dossier_id, position, next_attempt_at)
                SELECT webhook_id, outbox_id, dossier_id, position,
                       CASE WHEN nth = 1 AND NOT EXISTS (
                                SELECT 1 FROM webhook_deliveries p
                                WHERE p.webhook_id = wanted.webhook_id AND p.dossier_id = wanted.dossier_id AND p.state = 'pending')
                            THEN now() ELSE 'infinity' END
                FROM wanted
                ON CONFLICT (webhook_id, position) DO NOTHING)
            UPDATE webhooks SET fanned_out = m.last
            FROM (SELECT webhook_id, max(position) AS last FROM picked GROUP BY webhook_id) m
            WHERE webhooks.id = m.webhook_id
            """).affectedRows
    }

    /// Makes due each dossier's oldest pending delivery that still waits: the safety net for a
    /// delivery fanned out while the one before it was being delivered (neither statement saw the
    /// other's row). Returns how many it made due.
    public func releaseWaiting() async throws -> Int {
        try await pool.query("""
            UPDATE webhook_deliveries w SET next_attempt_at = now()
            WHERE w.state = 'pending' AND w.next_attempt_at = 'infinity'
              AND NOT EXISTS (
                  SELECT 1 FROM webhook_deliveries earlier
                  WHERE earlier.webhook_id = w.webhook_id AND earlier.dossier_id = w.dossier_id
                    AND earlier.state = 'pending' AND earlier.position < w.position)
            """).affectedRows
    }

    /// Deletes deliveries delivered more than `age` ago (at most `batch` a call): the record of what
    /// each receiver acknowledged is kept for a while, not forever. Dead letters stay until
    /// redelivered or their webhook is deleted. Returns how many it deleted.
    public func purgeDelivered(olderThan age: Duration, batch: Int = 10_000) async throws -> Int {
        try await pool.execute("""
            DELETE FROM webhook_deliveries WHERE id IN (
                SELECT id FROM webhook_deliveries
                WHERE state = 'delivered' AND delivered_at < now() - \(Self.seconds(age)) * interval '1 second' LIMIT \(batch))
            """)
    }

    /// A delivery claimed for one attempt.
    public struct Claim: Sendable {
        public var deliveryID: Int64
        /// This attempt's number, from 1.
        public var attempt: Int
        public var url: String
        public var secret: String
        public var event: FeedEvent
    }

    /// Claims up to `limit` due deliveries for one attempt each (an index range scan: only each
    /// dossier's oldest pending delivery is due). A claim's next attempt moves `lease` ahead, so if
    /// this instance dies the delivery is tried again after it.
    public func claim(limit: Int, lease: Duration) async throws -> [Claim] {
        try await pool.query("""
            WITH due AS (
                SELECT id FROM webhook_deliveries
                WHERE state = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            UPDATE webhook_deliveries wd
            SET attempts = wd.attempts + 1, last_attempt_at = now(),
                next_attempt_at = now() + \(Self.seconds(lease)) * interval '1 second'
            FROM due, webhooks w, outbox o
            WHERE wd.id = due.id AND w.id = wd.webhook_id AND o.id = wd.outbox_id
            RETURNING wd.id, wd.attempts, w.url, w.secret, \(unescaped: FeedEvent.columns)
            """).map { row in
            Claim(
                deliveryID: try row.decode(Int64.self, at: 0), attempt: try row.decode(Int.self, at: 1),
                url: try row.decode(String.self, at: 2), secret: try row.decode(String.self, at: 3), event: try FeedEvent(row: row, at: 4))
        }
    }

    /// Records a 2xx answer: the delivery is done, its event counts as synchronised (766 1.4), and
    /// the dossier's next pending delivery becomes due. Ignored when the claim is stale (another
    /// instance claimed the delivery again since).
    public func delivered(_ claim: Claim, status: Int) async throws {
        _ = try await pool.execute("""
            WITH done AS (
                UPDATE webhook_deliveries SET state = 'delivered', delivered_at = now(), last_status = \(status), last_error = NULL
                WHERE id = \(claim.deliveryID) AND attempts = \(claim.attempt) AND state = 'pending'
                RETURNING id, webhook_id, dossier_id, outbox_id),
            \(unescaped: Self.releaseNext),
            acknowledged AS (
                UPDATE outbox SET delivered_at = now() FROM done WHERE outbox.id = done.outbox_id AND outbox.delivered_at IS NULL)
            SELECT 1
            """)
    }

    /// Records a failed attempt: retried after `retryAfter`, or dead when it was the last attempt
    /// (then the dossier's next pending delivery becomes due).
    public func failed(_ claim: Claim, status: Int?, error: String, retryAfter: Duration, maxAttempts: Int) async throws {
        _ = try await pool.execute("""
            WITH attempt AS (
                UPDATE webhook_deliveries
                SET last_status = \(status), last_error = \(String(error.prefix(500))),
                    state = CASE WHEN attempts >= \(maxAttempts) THEN 'dead' ELSE 'pending' END,
                    next_attempt_at = now() + \(Self.seconds(retryAfter)) * interval '1 second'
                WHERE id = \(claim.deliveryID) AND attempts = \(claim.attempt) AND state = 'pending'
                RETURNING id, webhook_id, dossier_id, state),
            done AS (SELECT id, webhook_id, dossier_id FROM attempt WHERE state = 'dead'),
            \(unescaped: Self.releaseNext)
            SELECT 1
            """)
    }

    /// The CTE making due the next waiting delivery of the dossier of the delivery in CTE `done`: its
    /// oldest other pending one (the statement's snapshot still shows `done`'s row as pending).
    static let releaseNext = """
        released AS (
            UPDATE webhook_deliveries SET next_attempt_at = now()
            WHERE id = (SELECT p.id FROM webhook_deliveries p JOIN done ON p.webhook_id = done.webhook_id AND p.dossier_id = done.dossier_id
                        WHERE p.state = 'pending' AND p.id <> done.id ORDER BY p.position LIMIT 1)
              AND next_attempt_at = 'infinity')
        """

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    // MARK: - Rows

    static let select = """
        SELECT w.id, w.province, w.url, w.event_types, w.description, w.created_at,
               (SELECT count(*) FROM webhook_deliveries wd WHERE wd.webhook_id = w.id AND wd.state = 'pending'),
               (SELECT count(*) FROM webhook_deliveries wd WHERE wd.webhook_id = w.id AND wd.state = 'delivered'),
               (SELECT count(*) FROM webhook_deliveries wd WHERE wd.webhook_id = w.id AND wd.state = 'dead')
        FROM webhooks w
        """

    static func decode(_ row: PostgresRow) throws -> WebhookRecord {
        WebhookRecord(
            id: try row.decode(Int64.self, at: 0), province: try row.decode(String.self, at: 1), url: try row.decode(String.self, at: 2),
            eventTypes: try row.decode([String].self, at: 3), description: try row.decode(String?.self, at: 4),
            createdAt: try row.decode(Date.self, at: 5), pending: try row.decode(Int.self, at: 6),
            delivered: try row.decode(Int.self, at: 7), dead: try row.decode(Int.self, at: 8))
    }

    /// The columns `decodeDelivery` reads, from `source wd` (the table, or a CTE of updated rows).
    static func deliverySelect(from source: String) -> String {
        """
        SELECT wd.id, wd.position, o.topic, o.payload->>'code', wd.state, wd.attempts, nullif(wd.next_attempt_at, 'infinity'), wd.last_attempt_at,
               wd.last_status, wd.last_error, wd.delivered_at, wd.created_at
        FROM \(source) wd JOIN outbox o ON o.id = wd.outbox_id
        """
    }

    static func decodeDelivery(_ row: PostgresRow) throws -> DeliveryRecord {
        let state = DeliveryRecord.State(rawValue: try row.decode(String.self, at: 4)) ?? .pending
        return DeliveryRecord(
            id: try row.decode(Int64.self, at: 0), eventID: try row.decode(Int64.self, at: 1), eventType: try row.decode(String.self, at: 2),
            dossierCode: try row.decode(String.self, at: 3), state: state, attempts: try row.decode(Int.self, at: 5),
            nextAttemptAt: state == .pending ? try row.decode(Date?.self, at: 6) : nil, lastAttemptAt: try row.decode(Date?.self, at: 7),
            lastStatus: try row.decode(Int?.self, at: 8), lastError: try row.decode(String?.self, at: 9),
            deliveredAt: try row.decode(Date?.self, at: 10), createdAt: try row.decode(Date.self, at: 11))
    }
}
