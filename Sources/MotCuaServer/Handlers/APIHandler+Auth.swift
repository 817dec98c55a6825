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
        let attempt: LoginThrottle.Attempt
        switch loginThrottle.admit(username: username, addressKey: context.clientLimitKey, now: clock.now) {
        case .refused(let wait): throw APIError.rateLimited(retryAfterSeconds: wait)
        case .busy: throw APIError.busy(retryAfterSeconds: 1)
        case .admitted(let admitted): attempt = admitted
        }
        var outcome = LoginThrottle.Outcome.abandoned
        defer { loginThrottle.finish(attempt, outcome) }
        if attempt.delay > .zero { try await Task.sleep(for: attempt.delay) }
        let found = try await users.credentials(username: username)
        // Unknown users are verified against a decoy hash, so both answers take as long.
        guard try await passwords.verify(body.password, hash: found?.passwordHash), let user = found?.user else {
            outcome = .passwordWrong
            context.logger.notice("failed login", metadata: ["username": "\(username)", "client": "\(context.clientLimitKey)"])
            throw APIError(.unauthorized, code: "unauthenticated", title: "Authentication failed", detail: "Wrong username or password.")
        }
        outcome = .passwordMatched
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
