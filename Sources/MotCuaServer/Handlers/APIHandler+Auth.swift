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
        guard let user = try await verifyPassword(body.password, username: body.username.lowercased()) else {
            throw APIError(.unauthorized, code: "unauthenticated", title: "Authentication failed", detail: "Wrong username or password.")
        }
        let token = TokenStore.generateToken()
        // On the server's clock, which the authenticator judges expiry by.
        let expiresAt = clock.now.addingTimeInterval(TimeInterval(configuration.tokenLifetime.components.seconds))
        try await authenticator.tokens.insert(tokenHash: TokenStore.hash(token), userID: user.id, expiresAt: expiresAt)
        return .created(.init(body: .json(.init(token: token, expiresAt: expiresAt, user: .init(user)))))
    }

    /// The active user whose password this is, or nil; under the login throttle (429, 503), and
    /// recorded in the login audit either way.
    func verifyPassword(_ password: String, username: String) async throws -> UserRecord? {
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
        let matched = try await passwords.verify(password, hash: found?.passwordHash)
        outcome = matched ? .passwordMatched : .passwordWrong
        try await loginAudit.record(
            username: username, outcome: matched ? .succeeded : .failed, clientAddress: context.clientAddress?.description,
            userAgent: context.userAgent, at: clock.now)
        guard matched, let user = found?.user else {
            context.logger.notice("failed login", metadata: ["username": "\(username)", "client": "\(context.clientLimitKey)"])
            return nil
        }
        return user
    }

    func changeOwnPassword(_ input: Operations.ChangeOwnPassword.Input) async throws -> Operations.ChangeOwnPassword.Output {
        let principal = try self.principal
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        try PasswordHasher.check(body.newPassword, field: "newPassword")
        guard body.newPassword != body.currentPassword else {
            throw APIError.validation("newPassword", "must differ from the current password")
        }
        guard let user = try await verifyPassword(body.currentPassword, username: principal.username) else {
            throw APIError.validation("currentPassword", "is not your current password")
        }
        let hash = try await passwords.hash(body.newPassword)
        try await users.setPassword(id: user.id, hash: hash, keepingToken: try context.bearerToken.map(TokenStore.hash))
        authenticator.forget(userID: user.id)
        return .noContent(.init())
    }

    func listLoginAudit(_ input: Operations.ListLoginAudit.Input) async throws -> Operations.ListLoginAudit.Output {
        let page = try await loginAudit.list(
            province: try principal.loginAuditScope(), username: input.query.username,
            outcome: input.query.outcome.map { LoginAttemptRecord.Outcome($0) }, since: input.query.since,
            limit: pageSize(input.query.limit), cursor: input.query.cursor)
        let items = page.items.map { attempt in
            Components.Schemas.LoginAttempt(
                id: attempt.id, at: attempt.at, username: attempt.username, outcome: .init(attempt.outcome),
                clientAddress: attempt.clientAddress, userAgent: attempt.userAgent)
        }
        return .ok(.init(body: .json(.init(items: items, nextCursor: NullableString(page.nextCursor)))))
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
