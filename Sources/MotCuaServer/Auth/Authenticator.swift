import Foundation
import MotCuaStore
import NIOConcurrencyHelpers

/// Resolves bearer tokens to principals with a short-lived in-process cache, so authenticating a
/// request costs no query on the hot path, while a token revoked on another instance stops working
/// within `cacheLifetime`.
public final class Authenticator: Sendable {
    let tokens: TokenStore
    let cacheLifetime: TimeInterval
    private let cache = NIOLockedValueBox<[String: Entry]>([:])

    private struct Entry {
        var principal: Principal
        var expiresAt: Date
        var cachedAt: Date
    }

    public init(tokens: TokenStore, cacheLifetime: TimeInterval = 5) {
        self.tokens = tokens
        self.cacheLifetime = cacheLifetime
    }

    /// The principal of a live token, or nil.
    public func principal(token: String, now: Date = Date()) async throws -> Principal? {
        let hash = TokenStore.hash(token)
        let cached = cache.withLockedValue { $0[hash] }
        if let cached, now < cached.expiresAt, now.timeIntervalSince(cached.cachedAt) < cacheLifetime {
            return cached.principal
        }
        guard let found = try await tokens.principal(tokenHash: hash) else {
            cache.withLockedValue { $0[hash] = nil }
            return nil
        }
        cache.withLockedValue { cache in
            if cache.count > 50_000 { cache.removeAll() }
            cache[hash] = Entry(principal: found.principal, expiresAt: found.expiresAt, cachedAt: now)
        }
        return found.principal
    }

    /// Revokes a token everywhere; this instance forgets it at once.
    public func revoke(token: String) async throws {
        let hash = TokenStore.hash(token)
        try await tokens.revoke(tokenHash: hash)
        cache.withLockedValue { $0[hash] = nil }
    }
}
