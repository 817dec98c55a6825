import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

extension APIHandler {
    func createToken(_ input: Operations.CreateToken.Input) async throws -> Operations.CreateToken.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let username = body.username.lowercased()
        let context = try self.context
        let throttleKeys = ["user:" + username, "addr:" + context.clientAddress]
        if let wait = loginThrottle.retryAfter(throttleKeys, now: clock.now) {
            throw APIError.rateLimited(retryAfterSeconds: wait)
        }
        let found = try await users.credentials(username: username)
        // Unknown users are verified against a decoy hash, so both answers take as long.
        guard try await passwords.verify(body.password, hash: found?.passwordHash), let user = found?.user else {
            loginThrottle.recordFailure(throttleKeys, now: clock.now)
            context.logger.notice("failed login", metadata: ["username": "\(username)"])
            throw APIError(.unauthorized, code: "unauthenticated", title: "Authentication failed", detail: "Wrong username or password.")
        }
        loginThrottle.recordSuccess(username: throttleKeys[0])
        let token = TokenStore.generateToken()
        // Wall-clock time, not the injected clock: expiry is enforced against the database's now()
        // and the authenticator's cache, so a test clock set in the past must not mint dead tokens.
        let expiresAt = Date().addingTimeInterval(TimeInterval(configuration.tokenLifetime.components.seconds))
        try await authenticator.tokens.insert(tokenHash: TokenStore.hash(token), userID: user.id, expiresAt: expiresAt)
        return .created(.init(body: .json(.init(token: token, expiresAt: expiresAt, user: .init(user)))))
    }

    func revokeCurrentToken(_ input: Operations.RevokeCurrentToken.Input) async throws -> Operations.RevokeCurrentToken.Output {
        guard let token = try context.bearerToken else { throw APIError.unauthenticated }
        try await authenticator.revoke(token: token)
        return .noContent(.init())
    }

    func getCurrentUser(_ input: Operations.GetCurrentUser.Input) async throws -> Operations.GetCurrentUser.Output {
        let principal = try self.principal
        guard let user = try await users.get(username: principal.username) else { throw APIError.unauthenticated }
        return .ok(.init(body: .json(.init(user))))
    }
}
