import Foundation
import MotCuaPostgres

/// One event of the change feed: a change of a dossier and the dossier as the portal stores it.
public struct FeedEvent: Sendable, Hashable {
    /// The feed position: stable, increasing in commit order.
    public var id: Int64
    /// `dossier.` and the history event's type.
    public var type: String
    public var occurredAt: Date
    public var dossierCode: String
    /// The `PortalDossier` JSON object written with the change (`motcua_portal_dossier`).
    public var dossierJSON: String

}

extension FeedEvent {
    /// The columns `init(row:at:)` reads, from `outbox o`.
    static let columns = "o.position, o.topic, o.occurred_at, o.payload->>'code', o.payload::text"

    /// Decodes `columns` from `index` on. (An extension, so the memberwise initializer stays for tests.)
    init(row: PostgresRow, at index: Int = 0) throws {
        id = try row.decode(Int64.self, at: index)
        type = try row.decode(String.self, at: index + 1)
        occurredAt = try row.decode(Date.self, at: index + 2)
        dossierCode = try row.decode(String.self, at: index + 3)
        dossierJSON = try row.decode(String.self, at: index + 4)
    }
}

/// The change feed over the outbox. Writers insert outbox rows in their own transactions, without a
/// position; `sequence` then numbers the committed ones. Only one sequencer runs at a time (an
/// advisory lock), and it numbers after the previous one committed, so positions become visible in
/// increasing order with no gap left to fill later: a reader paging by position never skips a
/// change whose transaction committed after a later-numbered one's.
public struct EventFeed: Sendable {
    let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// The advisory lock key of the sequencer ("MotCua feed").
    static let sequencerLock: Int64 = 0x4D6F_7443_7561_0001

    /// Numbers up to `batch` committed events without a position, in outbox order (which is commit
    /// order for the events of one dossier: each waits for the previous one's row lock). Returns how
    /// many, or nil when another sequencer holds the lock.
    public func sequence(batch: Int = 5000) async throws -> Int? {
        try await pool.withTransaction { tx in
            guard try await tx.query("SELECT pg_try_advisory_xact_lock(\(Self.sequencerLock))").first!.decode(Bool.self, at: 0) else {
                return nil
            }
            // A statement of its own, after the lock: its snapshot sees the previous sequencer's commit.
            return try await tx.query(Self.sequenceQuery(batch: batch)).affectedRows
        }
    }

    /// Numbers the batch after the highest position. That highest position is a scalar subquery,
    /// computed once (an InitPlan): as a joined aggregate, a plan made while the outbox looked empty
    /// recomputed it for every row (seconds for a batch).
    static func sequenceQuery(batch: Int) -> PostgresQuery {
        """
        WITH batch AS (
            SELECT id, row_number() OVER (ORDER BY id) AS n
            FROM (SELECT id FROM outbox WHERE position IS NULL ORDER BY id LIMIT \(batch)) unsequenced)
        UPDATE outbox o SET position = (SELECT coalesce(max(position), 0) FROM outbox) + batch.n
        FROM batch WHERE o.id = batch.id
        """
    }

    /// The highest position given so far (0 before any).
    public func lastPosition() async throws -> Int64 {
        try await pool.query("SELECT coalesce(max(position), 0) FROM outbox").first?.decode(Int64.self, at: 0) ?? 0
    }

    /// The province's events after position `after`, oldest first.
    public func page(province: String, after: Int64, limit: Int) async throws -> [FeedEvent] {
        try await pool.query("""
            SELECT \(unescaped: FeedEvent.columns) FROM outbox o
            WHERE o.province = \(province) AND o.position > \(after) ORDER BY o.position LIMIT \(limit)
            """).map { try FeedEvent(row: $0) }
    }

    /// Marks the province's events up to `position` as acknowledged by the portal (Decision 766 1.4).
    public func acknowledge(province: String, through position: Int64) async throws {
        _ = try await pool.execute("""
            UPDATE outbox SET delivered_at = now() WHERE province = \(province) AND position <= \(position) AND delivered_at IS NULL
            """)
    }
}
