import Foundation
import MotCuaFoundation
import MotCuaStore

/// Resolves bearer tokens and integration accounts' API keys (`mck_...`) to principals with a
/// short-lived in-process cache, so authenticating a request costs no query on the hot path, while a
/// token or key revoked on another instance stops working within `cacheLifetime`.
public final class Authenticator: Sendable {
    let tokens: any TokenStoring
    let apiKeys: any APIKeyStoring
    let cacheLifetime: TimeInterval
    /// The server's clock: token and key expiry, and the cache's age, are judged on it.
    let clock: ServerClock
    private let cache = LockedValue<[String: Entry]>([:])

    private struct Entry {
        var principal: Principal
        var expiresAt: Date
        var cachedAt: Date
    }

    public init(tokens: any TokenStoring, apiKeys: any APIKeyStoring, clock: ServerClock, cacheLifetime: TimeInterval = 5) {
        self.tokens = tokens
        self.apiKeys = apiKeys
        self.clock = clock
        self.cacheLifetime = cacheLifetime
    }

    /// The principal of a live token or API key, or nil.
    public func principal(token: String) async throws -> Principal? {
        let now = clock.now
        let hash = TokenStore.hash(token)
        let cached = cache.withLock { $0[hash] }
        // A clock set back (a test's, or the system's after a correction) makes the entry stale, not eternal.
        if let cached, now < cached.expiresAt, (0..<cacheLifetime).contains(now.timeIntervalSince(cached.cachedAt)) {
            return cached.principal
        }
        let found = token.hasPrefix(APIKeyStore.keyPrefix)
            ? try await apiKeys.principal(keyHash: hash, now: now).map { ($0.principal, $0.expiresAt ?? .distantFuture) }
            : try await tokens.principal(tokenHash: hash, now: now).map { ($0.principal, $0.expiresAt) }
        guard let found else {
            cache.withLock { $0[hash] = nil }
            return nil
        }
        cache.withLock { cache in
            if cache.count > 50_000 { cache.removeAll() }
            cache[hash] = Entry(principal: found.0, expiresAt: found.1, cachedAt: now)
        }
        return found.0
    }

    /// Revokes a token everywhere; this instance forgets it at once.
    public func revoke(token: String) async throws {
        let hash = TokenStore.hash(token)
        try await tokens.revoke(tokenHash: hash)
        forget(hash: hash)
    }

    /// Forgets every cached token and key of a user (deactivated, roles changed, logged out
    /// everywhere) on this instance at once; other instances re-read them within `cacheLifetime`.
    public func forget(userID: Int64) {
        cache.withLock { cache in cache = cache.filter { $0.value.principal.userID != userID } }
    }

    /// Forgets a revoked token or key (by its stored hash) on this instance at once.
    public func forget(hash: String) {
        cache.withLock { $0[hash] = nil }
    }
}
