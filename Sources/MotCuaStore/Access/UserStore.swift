import Foundation
import MotCuaDomain
import MotCuaPostgres

/// An officer or an integration account. The password hash never leaves the store except for login.
public struct UserRecord: Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var fullName: String
    public var unitCode: String
    public var province: String
    public var roles: [Role]
    public var active: Bool
    public var createdAt: Date

    public init(
        id: Int64, username: String, fullName: String, unitCode: String, province: String, roles: [Role], active: Bool, createdAt: Date
    ) {
        self.id = id
        self.username = username
        self.fullName = fullName
        self.unitCode = unitCode
        self.province = province
        self.roles = roles
        self.active = active
        self.createdAt = createdAt
    }

    public var principal: Principal {
        Principal(userID: id, username: username, fullName: fullName, unitCode: unitCode, province: province, roles: Set(roles))
    }
}

/// Users and their roles.
public struct UserStore: Sendable {
    let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    public func create(username: String, fullName: String, unitCode: String, roles: [Role], passwordHash: String) async throws -> UserRecord {
        do {
            let rows = try await pool.query("""
                WITH inserted AS (
                    INSERT INTO users (username, full_name, unit_code, roles, password_hash)
                    SELECT \(username), \(fullName), \(unitCode), \(roles.map(\.rawValue)), \(passwordHash)
                    WHERE EXISTS (SELECT 1 FROM units WHERE code = \(unitCode))
                    RETURNING *)
                SELECT \(unescaped: Self.columns) FROM inserted u JOIN units un ON un.code = u.unit_code
                """)
            guard let row = rows.first else { throw StoreError.invalid(field: "unitCode", reason: "no unit with code \(unitCode)") }
            return try Self.decode(row)
        } catch let error as PostgresError where error.code == .uniqueViolation {
            throw StoreError.conflict(code: "conflict", detail: "The username \(username) is taken.")
        }
    }

    public func get(username: String) async throws -> UserRecord? {
        try await pool.query("""
            SELECT \(unescaped: Self.columns) FROM users u JOIN units un ON un.code = u.unit_code WHERE u.username = \(username)
            """).first.map(Self.decode)
    }

    /// The active user and their password hash, for a login attempt.
    public func credentials(username: String) async throws -> (user: UserRecord, passwordHash: String)? {
        let rows = try await pool.query("""
            SELECT \(unescaped: Self.columns), u.password_hash FROM users u JOIN units un ON un.code = u.unit_code
            WHERE u.username = \(username) AND u.active
            """)
        guard let row = rows.first else { return nil }
        return (try Self.decode(row), try row.decode(String.self, at: 8))
    }

    /// What an admin changes about a user; nil leaves a field as it is.
    public struct Change: Sendable {
        public var fullName: String?
        public var unitCode: String?
        public var roles: [Role]?
        public var active: Bool?

        public init(fullName: String? = nil, unitCode: String? = nil, roles: [Role]? = nil, active: Bool? = nil) {
            self.fullName = fullName
            self.unitCode = unitCode
            self.roles = roles
            self.active = active
        }
    }

    /// Applies `change`; deactivating also revokes every token and API key of the user, in the same
    /// transaction. Nil when there is no such user.
    public func update(id: Int64, _ change: Change) async throws -> UserRecord? {
        try await pool.withTransaction { tx in
            let rows = try await tx.query("""
                WITH updated AS (
                    UPDATE users SET
                        full_name = coalesce(\(change.fullName), full_name),
                        unit_code = coalesce(\(change.unitCode), unit_code),
                        roles = coalesce(\(change.roles?.map(\.rawValue))::text[], roles),
                        active = coalesce(\(change.active), active)
                    WHERE id = \(id)
                    RETURNING *)
                SELECT \(unescaped: Self.columns) FROM updated u JOIN units un ON un.code = u.unit_code
                """)
            guard let row = rows.first else { return nil }
            if change.active == false {
                try await tx.query("UPDATE auth_tokens SET revoked_at = now() WHERE user_id = \(id) AND revoked_at IS NULL")
                try await tx.query("UPDATE api_keys SET revoked_at = now() WHERE user_id = \(id) AND revoked_at IS NULL")
            }
            return try Self.decode(row)
        }
    }

    /// Sets a new password hash and revokes the user's tokens, except `keepingToken` (the one the
    /// user changed their password with).
    public func setPassword(id: Int64, hash: String, keepingToken: String?) async throws {
        try await pool.withTransaction { tx in
            try await tx.query("UPDATE users SET password_hash = \(hash) WHERE id = \(id)")
            try await TokenStore.revokeAll(userID: id, except: keepingToken, in: tx)
        }
    }

    /// Users ordered by username, filtered by province, unit and role.
    public func list(province: String?, unit: String?, role: Role?, limit: Int, cursor: String?) async throws -> Page<UserRecord> {
        let after = try cursor.map { try PageCursor(decoding: $0, count: 1).values[0] }
        var query: PostgresQuery = "SELECT \(unescaped: Self.columns) FROM users u JOIN units un ON un.code = u.unit_code WHERE true"
        if let province { query += " AND un.province = \(province)" }
        if let unit { query += " AND u.unit_code = \(unit)" }
        if let role { query += " AND \(role.rawValue) = ANY (u.roles)" }
        if let after { query += " AND u.username > \(after)" }
        query += " ORDER BY u.username LIMIT \(limit + 1)"
        let users = try await pool.query(query).map(Self.decode)
        return Page(fetched: users, limit: limit) { [$0.username] }
    }

    public func adminExists() async throws -> Bool {
        try await pool.query("SELECT EXISTS (SELECT 1 FROM users WHERE 'admin' = ANY (roles) AND active)").first?.decode(Bool.self, at: 0) ?? false
    }

    static let columns = "u.id, u.username, u.full_name, u.unit_code, un.province, u.roles, u.active, u.created_at"

    static func decode(_ row: PostgresRow) throws -> UserRecord {
        let (id, username, fullName, unitCode, province, roles, active, createdAt) =
            try row.decode((Int64, String, String, String, String, [String], Bool, Date).self)
        return UserRecord(
            id: id, username: username, fullName: fullName, unitCode: unitCode, province: province,
            roles: roles.compactMap(Role.init(rawValue:)), active: active, createdAt: createdAt)
    }
}
