import Foundation
import MotCuaPostgres

/// One password login attempt.
public struct LoginAttemptRecord: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable {
        case succeeded, failed
    }

    public var id: Int64
    public var at: Date
    public var username: String
    public var outcome: Outcome
    public var clientAddress: String?
    public var userAgent: String?

    public init(id: Int64, at: Date, username: String, outcome: Outcome, clientAddress: String?, userAgent: String?) {
        self.id = id
        self.at = at
        self.username = username
        self.outcome = outcome
        self.clientAddress = clientAddress
        self.userAgent = userAgent
    }
}

/// The audit of password logins (`login_audit`), kept for `retentionDays`.
public struct LoginAuditStore: Sendable {
    let pool: PostgresPool
    public static let retentionDays = 400

    public init(pool: PostgresPool) { self.pool = pool }

    /// Records an attempt; the account's id and province are looked up from the username.
    public func record(username: String, outcome: LoginAttemptRecord.Outcome, clientAddress: String?, userAgent: String?, at: Date) async throws {
        try await pool.query("""
            INSERT INTO login_audit (at, username, user_id, province, outcome, client_address, user_agent)
            SELECT \(at), \(username), u.id, un.province, \(outcome.rawValue), \(clientAddress), \(userAgent.map { String($0.prefix(300)) })
            FROM (SELECT 1) one
            LEFT JOIN users u ON u.username = \(username) LEFT JOIN units un ON un.code = u.unit_code
            """)
    }

    /// Attempts newest first; `province` nil lists every attempt (national admins), including those
    /// for usernames that do not exist.
    public func list(
        province: String?, username: String?, outcome: LoginAttemptRecord.Outcome?, since: Date?, limit: Int, cursor: String?
    ) async throws -> Page<LoginAttemptRecord> {
        let before = try cursor.map { text throws(StoreError) in
            guard let id = Int64(try PageCursor(decoding: text, count: 1).values[0]) else { throw StoreError.invalidCursor }
            return id
        }
        var query: PostgresQuery = "SELECT id, at, username, outcome, client_address, user_agent FROM login_audit WHERE true"
        if let province { query += " AND province = \(province)" }
        if let username { query += " AND username = \(username.lowercased())" }
        if let outcome { query += " AND outcome = \(outcome.rawValue)" }
        if let since { query += " AND at >= \(since)" }
        if let before { query += " AND id < \(before)" }
        query += " ORDER BY id DESC LIMIT \(limit + 1)"
        let attempts = try await pool.query(query).map { row in
            let (id, at, username, outcome, address, agent) = try row.decode((Int64, Date, String, String, String?, String?).self)
            return LoginAttemptRecord(
                id: id, at: at, username: username, outcome: LoginAttemptRecord.Outcome(rawValue: outcome) ?? .failed,
                clientAddress: address, userAgent: agent)
        }
        return Page(fetched: attempts, limit: limit) { [String($0.id)] }
    }

    /// Deletes attempts older than the retention at `now`.
    public func purgeExpired(now: Date) async throws -> Int {
        try await pool.query("DELETE FROM login_audit WHERE at < \(now)::timestamptz - make_interval(days => \(Self.retentionDays))").affectedRows
    }
}
