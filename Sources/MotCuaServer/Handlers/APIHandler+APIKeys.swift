import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

extension APIHandler {
    func createAPIKey(_ input: Operations.CreateAPIKey.Input) async throws -> Operations.CreateAPIKey.Output {
        let user = try await integrationAccount(input.path.username, admin: try require([.admin], to: "manage API keys"))
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        guard user.roles.contains(.portal) else {
            throw APIError.conflict("conflict", "API keys are for integration accounts: \(user.username) has no portal role.")
        }
        if let expiresAt = body.expiresAt, expiresAt <= clock.now { throw APIError.validation("expiresAt", "must be in the future") }
        let (record, key) = try await apiKeys.create(
            userID: user.id, name: body.name, expiresAt: body.expiresAt, createdBy: try principal.userID)
        return .created(.init(body: .json(.init(value1: .init(record), value2: .init(key: key)))))
    }

    func listAPIKeys(_ input: Operations.ListAPIKeys.Input) async throws -> Operations.ListAPIKeys.Output {
        let user = try await integrationAccount(input.path.username, admin: try require([.admin], to: "manage API keys"))
        return .ok(.init(body: .json(.init(items: try await apiKeys.list(userID: user.id).map(Components.Schemas.APIKey.init)))))
    }

    func revokeAPIKey(_ input: Operations.RevokeAPIKey.Input) async throws -> Operations.RevokeAPIKey.Output {
        let user = try await integrationAccount(input.path.username, admin: try require([.admin], to: "manage API keys"))
        guard let hash = try await apiKeys.revoke(userID: user.id, keyID: input.path.keyId) else {
            throw APIError.notFound("No API key \(input.path.keyId) of \(user.username).")
        }
        authenticator.forget(hash: hash)
        return .noContent(.init())
    }

    private func integrationAccount(_ username: String, admin: Principal) async throws -> UserRecord {
        try await administeredUser(username, by: admin)
    }
}
