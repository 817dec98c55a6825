import Crypto
import Foundation
import MotCuaPostgres

/// Bearer tokens: 256 random bits handed to the client once; only their SHA-256 is stored.
public struct TokenStore: Sendable {
    let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// A new random token (base64url, 43 characters).
    public static func generateToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The stored form of a token: its SHA-256 as lowercase hex.
    public static func hash(_ token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    public func insert(tokenHash: String, userID: Int64, expiresAt: Date) async throws {
        try await pool.query("""
            INSERT INTO auth_tokens (token_hash, user_id, expires_at) VALUES (decode(\(tokenHash), 'hex'), \(userID), \(expiresAt))
            """)
    }

    /// The principal of a live token (not revoked, not expired at `now`, its user active) and its expiry.
    public func principal(tokenHash: String, now: Date) async throws -> (principal: Principal, expiresAt: Date)? {
        let rows = try await pool.query("""
            SELECT \(unescaped: UserStore.columns), t.expires_at
            FROM auth_tokens t JOIN users u ON u.id = t.user_id JOIN units un ON un.code = u.unit_code
            WHERE t.token_hash = decode(\(tokenHash), 'hex') AND t.revoked_at IS NULL AND t.expires_at > \(now) AND u.active
            """)
        guard let row = rows.first else { return nil }
        return (try UserStore.decode(row).principal, try row.decode(Date.self, at: 8))
    }

    public func revoke(tokenHash: String) async throws {
        try await pool.query("UPDATE auth_tokens SET revoked_at = now() WHERE token_hash = decode(\(tokenHash), 'hex') AND revoked_at IS NULL")
    }

    /// Revokes every live token of a user, but the one whose hash is `except`.
    public func revokeAll(userID: Int64, except: String?) async throws {
        try await pool.withConnection { try await Self.revokeAll(userID: userID, except: except, in: $0) }
    }

    static func revokeAll(userID: Int64, except: String?, in connection: PostgresConnection) async throws {
        try await connection.query("""
            UPDATE auth_tokens SET revoked_at = now()
            WHERE user_id = \(userID) AND revoked_at IS NULL AND token_hash IS DISTINCT FROM decode(\(except), 'hex')
            """)
    }

    /// Deletes tokens that expired more than a day before `now`.
    public func purgeExpired(now: Date) async throws -> Int {
        try await pool.query("DELETE FROM auth_tokens WHERE expires_at < \(now)::timestamptz - interval '1 day'").affectedRows
    }
}
