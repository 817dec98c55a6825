import Foundation
import MotCuaPostgres

/// An integration account's API key as listed (the key itself is never stored).
public struct APIKeyRecord: Sendable, Hashable {
    public var id: Int64
    public var name: String
    /// The key's first characters, to recognise it.
    public var prefix: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(id: Int64, name: String, prefix: String, createdAt: Date, expiresAt: Date?, lastUsedAt: Date?, revokedAt: Date?) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}

/// Long-lived keys of integration accounts (`mck_` and 256 random bits, base64url): handed out once,
/// stored as their SHA-256 like bearer tokens.
public struct APIKeyStore: Sendable {
    let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// What every key starts with, so the authenticator tells keys from tokens without a query.
    public static let keyPrefix = "mck_"

    /// Creates a key for the user; returns it (shown once) with its record.
    public func create(userID: Int64, name: String, expiresAt: Date?, createdBy: Int64) async throws -> (APIKeyRecord, key: String) {
        let key = Self.keyPrefix + TokenStore.generateToken()
        let rows = try await pool.query("""
            INSERT INTO api_keys (user_id, name, key_hash, prefix, created_by, expires_at)
            VALUES (\(userID), \(name), decode(\(TokenStore.hash(key)), 'hex'), \(String(key.prefix(12))), \(createdBy), \(expiresAt))
            RETURNING \(unescaped: Self.columns)
            """)
        return (try Self.decode(rows[0]), key)
    }

    /// The user's keys, newest first.
    public func list(userID: Int64) async throws -> [APIKeyRecord] {
        try await pool.query("SELECT \(unescaped: Self.columns) FROM api_keys WHERE user_id = \(userID) ORDER BY id DESC").map(Self.decode)
    }

    /// Revokes the user's key; returns its hash (hex) so caches can forget it, or nil when there is no such key.
    public func revoke(userID: Int64, keyID: Int64) async throws -> String? {
        try await pool.query("""
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = \(keyID) AND user_id = \(userID)
            RETURNING encode(key_hash, 'hex')
            """).first?.decode(String.self, at: 0)
    }

    /// The principal of a key live at `now` (not expired, not revoked, its user active), with the
    /// key's expiry. Records the use (at `now`) at most once a minute.
    public func principal(keyHash: String, now: Date) async throws -> (principal: Principal, expiresAt: Date?)? {
        let live: PostgresQuery = "k.key_hash = decode(\(keyHash), 'hex') AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > \(now))"
        // A data-modifying CTE runs whether or not the query reads it.
        let rows = try await pool.query("""
            WITH touched AS (
                UPDATE api_keys k SET last_used_at = \(now)
                WHERE \(live) AND (k.last_used_at IS NULL OR k.last_used_at < \(now)::timestamptz - interval '1 minute'))
            SELECT \(unescaped: UserStore.columns), k.expires_at
            FROM api_keys k JOIN users u ON u.id = k.user_id JOIN units un ON un.code = u.unit_code
            WHERE \(live) AND u.active
            """)
        guard let row = rows.first else { return nil }
        return (try UserStore.decode(row).principal, try row.decode(Date?.self, at: 8))
    }

    static let columns = "id, name, prefix, created_at, expires_at, last_used_at, revoked_at"

    static func decode(_ row: PostgresRow) throws -> APIKeyRecord {
        APIKeyRecord(
            id: try row.decode(Int64.self, at: 0), name: try row.decode(String.self, at: 1), prefix: try row.decode(String.self, at: 2),
            createdAt: try row.decode(Date.self, at: 3), expiresAt: try row.decode(Date?.self, at: 4),
            lastUsedAt: try row.decode(Date?.self, at: 5), revokedAt: try row.decode(Date?.self, at: 6))
    }
}
