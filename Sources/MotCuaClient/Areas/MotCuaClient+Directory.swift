import Foundation
import MotCuaAPI

extension MotCuaClient {
    /// Communes and provinces.
    ///
    /// ```swift
    /// let commune = try await client.units.create(.init(code: "H15.50.05.13", name: "Xã Tân Phú",
    ///                                                   province: "H15", kind: .commune))
    /// let communes = try await client.units.all(province: "H15").collect()
    /// ```
    public struct Units: Sendable {
        let client: MotCuaClient

        /// One page of units, ordered by code.
        public func list(province: String? = nil, limit: Int? = nil, cursor: String? = nil) async throws -> Page<Unit> {
            let page = try await client.call {
                try await $0.listUnits(query: .init(limit: limit, cursor: cursor, province: province)).ok.body.json
            }
            return Page(page.items, nextCursor: page.nextCursor)
        }

        /// Every unit (of `province`, when given), page after page.
        public func all(province: String? = nil, pageSize: Int = 500) -> Paginated<Unit> {
            Paginated { cursor in
                let page = try await list(province: province, limit: pageSize, cursor: cursor)
                return (page.items, page.nextCursor)
            }
        }

        /// One unit by its code.
        public func get(_ code: String) async throws -> Unit {
            try await client.call { try await $0.getUnit(path: .init(unitCode: code)).ok.body.json }
        }

        /// Creates a unit (admin only).
        public func create(_ unit: UnitInput) async throws -> Unit {
            try await client.call { try await $0.createUnit(body: .json(unit.schema)).created.body.json }
        }
    }

    /// Officers and integration accounts.
    ///
    /// ```swift
    /// let officer = try await client.users.create(.init(
    ///     username: "chuyenvien.tp", fullName: "Trần Thị Bích", unitCode: "H15.50.05.13",
    ///     roles: [.specialist], password: "a-long-secret-1"))
    /// ```
    public struct Users: Sendable {
        let client: MotCuaClient

        /// One page of users, ordered by username.
        public func list(unit: String? = nil, role: Role? = nil, limit: Int? = nil, cursor: String? = nil) async throws -> Page<User> {
            let page = try await client.call {
                try await $0.listUsers(query: .init(limit: limit, cursor: cursor, unit: unit, role: role?.schema)).ok.body.json
            }
            return Page(page.items, nextCursor: page.nextCursor)
        }

        /// Every user matching the filters, page after page.
        public func all(unit: String? = nil, role: Role? = nil, pageSize: Int = 500) -> Paginated<User> {
            Paginated { cursor in
                let page = try await list(unit: unit, role: role, limit: pageSize, cursor: cursor)
                return (page.items, page.nextCursor)
            }
        }

        /// One user by username.
        public func get(_ username: String) async throws -> User {
            try await client.call { try await $0.getUser(path: .init(username: username)).ok.body.json }
        }

        /// Creates a user (admin of the unit's province).
        public func create(_ user: UserInput) async throws -> User {
            try await client.call { try await $0.createUser(body: .json(user.schema)).created.body.json }
        }

        /// Changes a user's name, unit, roles or active state; only the fields given change.
        /// `active: false` revokes the user's tokens and API keys at once.
        public func update(
            _ username: String, fullName: String? = nil, unitCode: String? = nil, roles: [Role]? = nil, active: Bool? = nil
        ) async throws -> User {
            let change = UserPatch(fullName: fullName, unitCode: unitCode, roles: roles, active: active)
            return try await client.call { try await $0.updateUser(path: .init(username: username), body: .json(change.schema)).ok.body.json }
        }

        /// Sets a new password for a user who forgot theirs (admin); every session of the user ends.
        public func resetPassword(_ username: String, to password: String) async throws {
            _ = try await client.call {
                try await $0.resetUserPassword(path: .init(username: username), body: .json(.init(password: password))).noContent
            }
        }

        /// Revokes every token of the user (the user themself, or their admin).
        public func logOutEverywhere(_ username: String) async throws {
            _ = try await client.call { try await $0.revokeUserTokens(path: .init(username: username)).noContent }
        }
    }
}
