import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

extension APIHandler {
    func listUnits(_ input: Operations.ListUnits.Input) async throws -> Operations.ListUnits.Output {
        _ = try principal
        let page = try await units.list(province: input.query.province, limit: pageSize(input.query.limit), cursor: input.query.cursor)
        return .ok(.init(body: .json(.init(items: page.items.map(Components.Schemas.Unit.init), nextCursor: NullableString(page.nextCursor)))))
    }

    func createUnit(_ input: Operations.CreateUnit.Input) async throws -> Operations.CreateUnit.Output {
        let principal = try requireAdministrator(to: "create units")
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        // A new province is national business; a commune is its province's (a missing one is the store's 422).
        if body.kind == .province {
            guard principal.isNationalAdmin else { throw APIError.forbidden("Only national_admin may create a province.") }
        } else if let province = body.province, !principal.administers(province: province) {
            throw APIError.forbidden("Admins create communes of their own province only.")
        }
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [APIError.InvalidParam] = []
        if !Self.isUnitCode(body.code) { problems.append(.init(name: "code", reason: "must be 1-35 upper-case letters, digits or dots")) }
        if let province = body.province, !Self.isUnitCode(province) {
            problems.append(.init(name: "province", reason: "must be 1-35 upper-case letters, digits or dots"))
        }
        if name.isEmpty { problems.append(.init(name: "name", reason: "must not be blank")) }
        if name.count > 200 { problems.append(.init(name: "name", reason: "must be at most 200 characters")) }
        if !problems.isEmpty { throw APIError.validation(problems) }
        let unit = try await units.create(
            code: body.code, name: name, kind: body.kind == .province ? .province : .commune, province: body.province)
        return .created(.init(headers: .init(location: "/v1/units/\(unit.code)"), body: .json(.init(unit))))
    }

    func getUnit(_ input: Operations.GetUnit.Input) async throws -> Operations.GetUnit.Output {
        _ = try principal
        guard let unit = try await units.get(input.path.unitCode) else { throw APIError.notFound("No unit \(input.path.unitCode).") }
        return .ok(.init(body: .json(.init(unit))))
    }

    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        let principal = try self.principal
        var unit = input.query.unit
        var province: String? = principal.province
        if principal.isNationalAdmin {
            province = nil
        } else if !principal.isAdmin {
            // A leader sees their own unit only.
            guard principal.roles.contains(.leader) else { throw APIError.forbidden("Only admin or leader may list users.") }
            if let unit, unit != principal.unitCode { throw APIError.forbidden("A leader lists the users of their own unit only.") }
            unit = principal.unitCode
        }
        let role = input.query.role.flatMap { Role(rawValue: $0.rawValue) }
        let page = try await users.list(
            province: province, unit: unit, role: role, limit: pageSize(input.query.limit), cursor: input.query.cursor)
        return .ok(.init(body: .json(.init(items: page.items.map(Components.Schemas.User.init), nextCursor: NullableString(page.nextCursor)))))
    }

    func createUser(_ input: Operations.CreateUser.Input) async throws -> Operations.CreateUser.Output {
        let principal = try requireAdministrator(to: "create users")
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        var problems: [APIError.InvalidParam] = []
        if !Self.isUsername(body.username) {
            problems.append(.init(name: "username", reason: "must be 3-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"))
        }
        let fullName = body.fullName.trimmingCharacters(in: .whitespaces)
        if fullName.isEmpty { problems.append(.init(name: "fullName", reason: "must not be blank")) }
        if fullName.count > 200 { problems.append(.init(name: "fullName", reason: "must be at most 200 characters")) }
        if !Self.isUnitCode(body.unitCode) { problems.append(.init(name: "unitCode", reason: "must be 1-35 upper-case letters, digits or dots")) }
        if body.roles.isEmpty { problems.append(.init(name: "roles", reason: "needs at least one role")) }
        if body.password.count < 10 { problems.append(.init(name: "password", reason: "needs at least 10 characters")) }
        if body.password.utf8.count > 72 { problems.append(.init(name: "password", reason: "must be at most 72 bytes")) }
        if !problems.isEmpty { throw APIError.validation(problems) }
        let roles = Self.roles(body.roles)
        if let unit = try await units.get(body.unitCode) {
            try Self.checkAdministration(of: unit, roles: roles, by: principal)
        }  // an unknown unit is reported by the store
        let hash = try await passwords.hash(body.password)
        let user = try await users.create(
            username: body.username, fullName: body.fullName.trimmingCharacters(in: .whitespaces), unitCode: body.unitCode,
            roles: roles, passwordHash: hash)
        return .created(.init(headers: .init(location: "/v1/users/\(user.username)"), body: .json(.init(user))))
    }

    func getUser(_ input: Operations.GetUser.Input) async throws -> Operations.GetUser.Output {
        let principal = try self.principal
        let notFound = APIError.notFound("No user \(input.path.username).")
        guard let user = try await users.get(username: input.path.username) else { throw notFound }
        let allowed = principal.administers(province: user.province) || principal.userID == user.id
            || (principal.roles.contains(.leader) && principal.unitCode == user.unitCode)
        guard allowed else { throw notFound }  // do not reveal who exists elsewhere
        return .ok(.init(body: .json(.init(user))))
    }
}

extension APIHandler {
    /// Roles as sent, without repeats, in a stable order.
    static func roles(_ roles: [Components.Schemas.Role]) -> [Role] {
        Array(Set(roles.compactMap { Role(rawValue: $0.rawValue) })).sorted { $0.rawValue < $1.rawValue }
    }

    /// Whether `principal` may give an account `roles` in `unit`: the unit is in a province they
    /// administer, only a national admin hands out `national_admin`, and province-wide accounts
    /// belong to a province unit.
    static func checkAdministration(of unit: UnitRecord, roles: [Role], by principal: Principal) throws {
        guard principal.administers(province: unit.province) else {
            throw APIError.forbidden("Admins manage the users of their own province only.")
        }
        if roles.contains(.nationalAdmin) && !principal.isNationalAdmin {
            throw APIError.forbidden("Only national_admin may grant national_admin.")
        }
        if !Set(roles).isDisjoint(with: Principal.provinceWideRoles) && unit.kind == .commune {
            throw APIError.validation("unitCode", "admin, national_admin, portal and auditor accounts belong to a province unit")
        }
    }

    /// `^[A-Z0-9.]{1,35}$`, as the contract and the `units` table require.
    static func isUnitCode(_ code: String) -> Bool {
        (1...35).contains(code.utf8.count) && code.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".")
        }
    }

    /// `^[a-z0-9][a-z0-9._-]{2,63}$`, as the contract and the `users` table require.
    static func isUsername(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func alphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard (3...64).contains(bytes.count), alphanumeric(bytes[0]) else { return false }
        return bytes.dropFirst().allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }
}
