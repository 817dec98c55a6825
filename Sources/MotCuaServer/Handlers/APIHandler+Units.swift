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
        let kind: UnitRecord.Kind = body.kind == .province ? .province : .commune
        try principal.authorizeUnitCreation(kind: kind, province: body.province)
        // The body's shape (codes, a name of 1-200 characters, not blank) is the contract's.
        let unit = try await units.create(
            code: body.code, name: body.name.trimmingCharacters(in: .whitespacesAndNewlines), kind: kind, province: body.province)
        return .created(.init(headers: .init(location: "/v1/units/\(unit.code)"), body: .json(.init(unit))))
    }

    func getUnit(_ input: Operations.GetUnit.Input) async throws -> Operations.GetUnit.Output {
        _ = try principal
        guard let unit = try await units.get(input.path.unitCode) else { throw APIError.notFound("No unit \(input.path.unitCode).") }
        return .ok(.init(body: .json(.init(unit))))
    }

    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        let (province, unit) = try principal.userListScope(unit: input.query.unit)
        let role = input.query.role.map { Role($0) }
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
        guard let user = try await users.get(username: input.path.username) else { throw APIError.notFound("No user \(input.path.username).") }
        try principal.authorizeReading(user)
        return .ok(.init(body: .json(.init(user))))
    }
}

extension APIHandler {
    /// Roles as sent, without repeats, in a stable order.
    static func roles(_ roles: [Components.Schemas.Role]) -> [Role] {
        Array(Set(roles.map { Role($0) })).sorted { $0.rawValue < $1.rawValue }
    }

    /// Whether `principal` may give an account `roles` in `unit` (`Principal.authorizeGranting`), and
    /// whether the roles may sit there (province-wide accounts belong to a province unit).
    static func checkAdministration(of unit: UnitRecord, roles: [Role], by principal: Principal) throws {
        try principal.authorizeGranting(roles, in: unit)
        if let violation = Role.placementViolation(of: roles, inCommune: unit.kind == .commune) {
            throw APIError.validation("unitCode", violation)
        }
    }
}
