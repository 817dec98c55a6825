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
        // The body's shape (codes, a name of 1-200 characters, not blank) is the contract's.
        let unit = try await units.create(
            code: body.code, name: body.name.trimmingCharacters(in: .whitespacesAndNewlines), kind: body.kind == .province ? .province : .commune, province: body.province)
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
        // The body's shape (username, name, unit code, roles, password length) is the contract's.
        try PasswordHasher.check(body.password, field: "password")
        let roles = Self.roles(body.roles)
        if let unit = try await units.get(body.unitCode) {
            try Self.checkAdministration(of: unit, roles: roles, by: principal)
        }  // an unknown unit is reported by the store
        let hash = try await passwords.hash(body.password)
        let user = try await users.create(
            username: body.username, fullName: body.fullName.trimmingCharacters(in: .whitespacesAndNewlines), unitCode: body.unitCode,
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
        if let violation = Role.placementViolation(of: roles, inCommune: unit.kind == .commune) {
            throw APIError.validation("unitCode", violation)
        }
    }
}
