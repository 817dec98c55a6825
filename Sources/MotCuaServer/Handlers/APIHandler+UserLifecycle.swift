import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

/// Changing, deactivating and logging out users, and resetting their passwords: admins of the user's
/// province, national admins anywhere.
extension APIHandler {
    func updateUser(_ input: Operations.UpdateUser.Input) async throws -> Operations.UpdateUser.Output {
        let principal = try requireAdministrator(to: "change users")
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let user = try await administeredUser(input.path.username, by: principal)
        var change = UserStore.Change(active: body.active)
        change.fullName = body.fullName?.trimmingCharacters(in: .whitespacesAndNewlines)  // not blank: the contract's
        let roles = body.roles.map(Self.roles) ?? user.roles
        if body.roles != nil { change.roles = roles }
        if user.id == principal.userID {
            if body.active == false { throw APIError.validation("active", "you cannot deactivate your own account") }
            if !roles.contains(.admin) && principal.isAdmin { throw APIError.validation("roles", "you cannot remove your own admin role") }
        }
        let unitCode = body.unitCode ?? user.unitCode
        guard let unit = try await units.get(unitCode) else { throw APIError.validation("unitCode", "no unit with code \(unitCode)") }
        if body.unitCode != nil || body.roles != nil {
            try Self.checkAdministration(of: unit, roles: roles, by: principal)
            change.unitCode = body.unitCode
        }
        guard let updated = try await users.update(id: user.id, change) else { throw APIError.notFound("No user \(user.username).") }
        // Its cached tokens carry the old roles, unit or active state.
        authenticator.forget(userID: user.id)
        return .ok(.init(body: .json(.init(updated))))
    }

    func resetUserPassword(_ input: Operations.ResetUserPassword.Input) async throws -> Operations.ResetUserPassword.Output {
        let principal = try requireAdministrator(to: "reset passwords")
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        try PasswordHasher.check(body.password, field: "password")
        let user = try await administeredUser(input.path.username, by: principal)
        try await users.setPassword(id: user.id, hash: try await passwords.hash(body.password))
        authenticator.forget(userID: user.id)
        return .noContent(.init())
    }

    func revokeUserTokens(_ input: Operations.RevokeUserTokens.Input) async throws -> Operations.RevokeUserTokens.Output {
        let principal = try self.principal
        let user: UserRecord
        if input.path.username == principal.username, let own = try await users.get(username: principal.username) {
            user = own
        } else {
            user = try await administeredUser(input.path.username, by: principal)
        }
        try await authenticator.tokens.revokeAll(userID: user.id)
        authenticator.forget(userID: user.id)
        return .noContent(.init())
    }
}
