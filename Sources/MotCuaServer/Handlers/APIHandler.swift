import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaStore
import Prometheus

/// Implements every operation of `openapi.yaml` (the generated `APIProtocol`). Handlers are thin:
/// check the caller and the input, call a store, map the result. Extensions split it by area.
struct APIHandler: APIProtocol {
    let pool: PostgresPool
    let units: UnitStore
    let users: UserStore
    let procedures: ProcedureStore
    let dossiers: DossierStore
    let evaluations: EvaluationStore
    let feed: EventFeed
    let feedSignal: FeedSignal
    let webhooks: WebhookStore
    let apiKeys: APIKeyStore
    let calendarStore: CalendarStore
    let calendars: CalendarProvider
    let authenticator: Authenticator
    let loginAudit: LoginAuditStore
    let passwords: PasswordHasher
    let loginThrottle: LoginThrottle
    /// Limits public lookups and ratings per client address (lookup keys must not be guessable).
    let publicLimiter: RateLimiter
    let metrics: PrometheusCollectorRegistry
    let poolGauges: PoolGauges
    let openAPIDocument: [UInt8]
    let clock: ServerClock
    let configuration: ServerConfiguration
    let logger: Logger

    /// The request context bound by `RequestContextMiddleware`.
    var context: AppRequestContext {
        get throws {
            guard let context = AppRequestContext.current else { throw APIError.internalError }
            return context
        }
    }

    /// The authenticated caller; `AuthMiddleware` guarantees one on protected routes.
    var principal: Principal {
        get throws {
            guard let principal = try context.principal else { throw APIError.unauthenticated }
            return principal
        }
    }

    /// The caller, who must administer units and users (an admin or a national admin).
    func requireAdministrator(to action: String) throws -> Principal {
        let principal = try self.principal
        guard principal.isAdmin || principal.isNationalAdmin else { throw APIError.forbidden("Only admin may \(action).") }
        return principal
    }

    /// The user `username` when `principal` administers their province (a national admin's account
    /// only by national admins); otherwise, as when there is no such user, 404 (an admin does not
    /// learn who exists elsewhere).
    func administeredUser(_ username: String, by principal: Principal) async throws -> UserRecord {
        guard let user = try await users.get(username: username), principal.administers(province: user.province),
            principal.isNationalAdmin || !user.roles.contains(.nationalAdmin)
        else {
            throw APIError.notFound("No user \(username).")
        }
        return user
    }

    /// The caller, who must hold one of `roles` (admin holds them all).
    func require(_ roles: Set<Role>, to action: String) throws -> Principal {
        let principal = try self.principal
        guard principal.has(anyOf: roles) else {
            let names = roles.map(\.rawValue).sorted().joined(separator: " or ")
            throw APIError.forbidden("Only \(names) may \(action).")
        }
        return principal
    }

    /// The page size of a list request, default 50; `ContractValidationMiddleware` refuses a `limit`
    /// outside the contract's 1-500 before the handler runs.
    func pageSize(_ limit: Int?) -> Int { limit ?? 50 }
}
