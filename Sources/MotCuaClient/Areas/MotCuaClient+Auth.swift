import Foundation
import MotCuaAPI

extension MotCuaClient {
    /// Log in, log out, and who am I.
    ///
    /// ```swift
    /// let session = try await client.auth.login(username: "tiepnhan.tanphu", password: password)
    /// print(session.user.fullName, session.expiresAt)
    /// let me = try await client.auth.me()
    /// try await client.auth.logout()
    /// ```
    public struct Auth: Sendable {
        let client: MotCuaClient

        /// Exchanges a username and password for a bearer token, which the client keeps and sends
        /// from then on (`client.token`).
        ///
        /// - Throws: `MotCuaClientError.problem` with code `unauthenticated` (401) for a wrong
        ///   password, or `rate-limited` (429) after repeated failures.
        @discardableResult
        public func login(username: String, password: String) async throws -> TokenResponse {
            let response: TokenResponse = try await client.call {
                try await $0.createToken(body: .json(.init(username: username, password: password))).created.body.json
            }
            client.token = response.token
            return response
        }

        /// Revokes the client's token on the server and forgets it.
        public func logout() async throws {
            _ = try await client.call { try await $0.revokeCurrentToken().noContent }
            client.token = nil
        }

        /// The user the client's token belongs to.
        public func me() async throws -> User {
            try await client.call { try await $0.getCurrentUser().ok.body.json }
        }

        /// Changes the caller's password; their other sessions end, this client's token keeps working.
        ///
        /// - Throws: `MotCuaClientError.problem` with code `validation-failed` naming `currentPassword`
        ///   when it is wrong (it counts as a failed login), or `newPassword` when it is too short.
        public func changePassword(from currentPassword: String, to newPassword: String) async throws {
            _ = try await client.call {
                try await $0.changeOwnPassword(body: .json(.init(currentPassword: currentPassword, newPassword: newPassword))).noContent
            }
        }

        /// One page of the login audit, newest first (admins and auditors: their province).
        public func loginAudit(
            username: String? = nil, outcome: LoginOutcome? = nil, since: Date? = nil, limit: Int? = nil, cursor: String? = nil
        ) async throws -> Page<LoginAttempt> {
            let page = try await client.call {
                try await $0.listLoginAudit(
                    query: .init(limit: limit, cursor: cursor, username: username, outcome: outcome?.schema, since: since)).ok.body.json
            }
            return Page(page.items, nextCursor: page.nextCursor)
        }
    }
}
