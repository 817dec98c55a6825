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
    let units: any UnitStoring
    let users: any UserStoring
    let procedures: any ProcedureStoring
    let dossiers: any DossierStoring
    let evaluations: any EvaluationStoring
    let feed: any ChangeFeedStoring
    let feedSignal: FeedSignal
    let webhooks: any WebhookStoring
    let apiKeys: any APIKeyStoring
    let calendarStore: any CalendarStoring
    let calendars: CalendarProvider
    let authenticator: Authenticator
    let loginAudit: any LoginAuditStoring
    let passwords: PasswordHasher
    let loginThrottle: LoginThrottle
    /// Limits public lookups and ratings per client address (lookup keys must not be guessable).
    let publicLimiter: RateLimiter
    let metrics: PrometheusCollectorRegistry
    let scrapedGauges: ScrapedGauges
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

    /// The caller, who must administer units and users (`Principal.authorizeAdministration`).
    func requireAdministrator(to action: String) throws -> Principal {
        let principal = try self.principal
        try principal.authorizeAdministration(to: action)
        return principal
    }

    /// The user `username` when `principal` administers them (`Principal.authorizeManagement`);
    /// otherwise, as when there is no such user, 404.
    func administeredUser(_ username: String, by principal: Principal) async throws -> UserRecord {
        guard let user = try await users.get(username: username) else { throw APIError.notFound("No user \(username).") }
        try principal.authorizeManagement(of: user)
        return user
    }

    /// The caller, who must hold one of `roles` (`Principal.authorize(anyOf:to:)`).
    func require(_ roles: Set<Role>, to action: String) throws -> Principal {
        let principal = try self.principal
        try principal.authorize(anyOf: roles, to: action)
        return principal
    }

    /// The page size of a list request, default 50; `ContractValidationMiddleware` refuses a `limit`
    /// outside the contract's 1-500 before the handler runs.
    func pageSize(_ limit: Int?) -> Int { limit ?? 50 }
}
