import Foundation
import MotCuaDomain

// The seam between the handlers and storage: what the handlers, the authenticator, the calendar
// provider and the deadline sweeper ask of a store, as protocols. The PostgreSQL stores conform.
// Handler tests stand in-memory stores for accounts, units, the catalog and webhooks, and scripted
// answers for dossiers, evaluations and the change feed (whose rules, aggregates and ordering run in
// the store's transactions, tested against PostgreSQL), and run without a database. The background
// services (feed sequencer, webhook delivery) use the PostgreSQL stores directly.

/// Communes and provinces (`UnitStore`).
public protocol UnitStoring: Sendable {
    func create(code: String, name: String, kind: UnitRecord.Kind, province: String?) async throws -> UnitRecord
    func get(_ code: String) async throws -> UnitRecord?
    func list(province: String?, limit: Int, cursor: String?) async throws -> Page<UnitRecord>
}

/// Officer and integration accounts (`UserStore`).
public protocol UserStoring: Sendable {
    func create(username: String, fullName: String, unitCode: String, roles: [Role], passwordHash: String) async throws -> UserRecord
    func get(username: String) async throws -> UserRecord?
    /// The active user and their password hash.
    func credentials(username: String) async throws -> (user: UserRecord, passwordHash: String)?
    func update(id: Int64, _ change: UserStore.Change) async throws -> UserRecord?
    /// Sets the hash and revokes the user's tokens but `keepingToken` (a hash).
    func setPassword(id: Int64, hash: String, keepingToken: String?) async throws
    func list(province: String?, unit: String?, role: Role?, limit: Int, cursor: String?) async throws -> Page<UserRecord>
}

extension UserStoring {
    /// Sets the hash and revokes every token of the user.
    public func setPassword(id: Int64, hash: String) async throws { try await setPassword(id: id, hash: hash, keepingToken: nil) }
}

/// Login tokens, by their hash (`TokenStore`).
public protocol TokenStoring: Sendable {
    func insert(tokenHash: String, userID: Int64, expiresAt: Date) async throws
    /// The principal of a token live at `now`, and its expiry.
    func principal(tokenHash: String, now: Date) async throws -> (principal: Principal, expiresAt: Date)?
    func revoke(tokenHash: String) async throws
    /// Revokes every token of the user but `except` (a hash).
    func revokeAll(userID: Int64, except: String?) async throws
    func purgeExpired(now: Date) async throws -> Int
}

extension TokenStoring {
    /// Revokes every token of the user.
    public func revokeAll(userID: Int64) async throws { try await revokeAll(userID: userID, except: nil) }
}

/// Integration accounts' API keys (`APIKeyStore`).
public protocol APIKeyStoring: Sendable {
    func create(userID: Int64, name: String, expiresAt: Date?, createdBy: Int64) async throws -> (APIKeyRecord, key: String)
    func list(userID: Int64) async throws -> [APIKeyRecord]
    /// Revokes the key; its hash, or nil when the user has no such key.
    func revoke(userID: Int64, keyID: Int64) async throws -> String?
    /// The principal of a key live at `now`, and the key's expiry.
    func principal(keyHash: String, now: Date) async throws -> (principal: Principal, expiresAt: Date?)?
}

/// The login audit (`LoginAuditStore`).
public protocol LoginAuditStoring: Sendable {
    func record(username: String, outcome: LoginAttemptRecord.Outcome, clientAddress: String?, userAgent: String?, at: Date) async throws
    func list(
        province: String?, username: String?, outcome: LoginAttemptRecord.Outcome?, since: Date?, limit: Int, cursor: String?
    ) async throws -> Page<LoginAttemptRecord>
    /// Deletes attempts older than the retention at `now`.
    func purgeExpired(now: Date) async throws -> Int
}

/// The national procedure catalog (`ProcedureStore`).
public protocol ProcedureStoring: Sendable {
    func publish(_ definition: ProcedureDefinition, by userID: Int64?) async throws -> ProcedureRecord
    /// A version of a procedure (nil: the current one).
    func get(code: String, version: Int?) async throws -> ProcedureRecord?
    func list(search: String?, field: String?, limit: Int, cursor: String?) async throws -> Page<ProcedureRecord>
}

extension ProcedureStoring {
    /// The current version of a procedure.
    public func get(code: String) async throws -> ProcedureRecord? { try await get(code: code, version: nil) }
}

/// The national calendar's corrections (`CalendarStore`).
public protocol CalendarStoring: Sendable {
    func overrides() async throws -> [CalendarDay]
    func put(_ day: CalendarDay, by userID: Int64) async throws
    func delete(_ date: LocalDate) async throws
}

extension UnitStore: UnitStoring {}
extension UserStore: UserStoring {}
extension TokenStore: TokenStoring {}
extension APIKeyStore: APIKeyStoring {}
extension LoginAuditStore: LoginAuditStoring {}
extension ProcedureStore: ProcedureStoring {}
extension CalendarStore: CalendarStoring {}

/// Dossiers (`DossierStore`): intake, the actions and the reads, each in one transaction that applies
/// the rules of MotCuaDomain to the locked row.
public protocol DossierStoring: Sendable {
    /// Files a dossier, or answers a retry of the same `idempotency` key with the first response
    /// (`render` makes the response kept for retries; it is called only with a key).
    func intake(
        _ request: IntakeRequest, by principal: Principal, now: Date, clock: DeadlineClock, idempotency: IdempotencyKey?,
        render: @Sendable (DossierRecord) throws -> String
    ) async throws -> IntakeOutcome
    /// Performs `command` on the dossier `code` if the rules allow it (and its version is `ifMatch`, when given).
    func perform(
        _ command: DossierCommand, code: String, by principal: Principal, ifMatch: Int?, now: Date, clock: DeadlineClock
    ) async throws -> DossierRecord
    /// The dossier, if `principal` may see it.
    func get(code: String, for principal: Principal) async throws -> DossierRecord?
    /// The dossier for the citizen's lookup (the handler checks the lookup key).
    func getPublic(code: String) async throws -> DossierRecord?
    /// Every event of the dossier, oldest first, if `principal` may see it.
    func history(code: String, for principal: Principal) async throws -> [DossierStore.Event]?
    func list(_ filter: DossierFilter, for principal: Principal, today: LocalDate, limit: Int, cursor: String?) async throws
        -> Page<DossierRecord>
    func counts(unit: String?, for principal: Principal, today: LocalDate, dueSoonBy: LocalDate) async throws -> DossierCounts
    /// What the official forms print, if `principal` may see the dossier.
    func paperwork(code: String, for principal: Principal) async throws -> DossierPaperwork?
    func rate(
        dossierID: Int64, code: String, status: DossierStatus, rating: CitizenRating, comment: String?,
        source: DossierStore.RatingSource, actorID: Int64?, now: Date
    ) async throws -> RatingRecord
    func isRated(dossierID: Int64) async throws -> Bool
    /// Marks missed acceptance deadlines, expired completion requests and dossiers due soon, `batch` at a time.
    func sweep(now: Date, calendar: WorkCalendar, batch: Int, province: String?) async throws -> DossierStore.SweepResult
}

extension DossierStoring {
    /// Sweeps every province, in batches of 500.
    public func sweep(now: Date, calendar: WorkCalendar) async throws -> DossierStore.SweepResult {
        try await sweep(now: now, calendar: calendar, batch: 500, province: nil)
    }
}

extension DossierStore: DossierStoring {}

/// The evaluations' figures (`EvaluationStore`), aggregated in SQL; the handlers rank, sort and render them.
public protocol EvaluationStoring: Sendable {
    /// Figures per handling unit for the period [start, end), judged as of `asOf`; units without
    /// dossiers are included with zeros.
    func unitFigures(_ units: EvaluationStore.Units, start: Date, end: Date, asOf: Date) async throws -> [UnitFigures]
    /// Per officer of `unit`, the control-slip steps of `week` judged as of `now`.
    func officerFigures(unit: String, week: IsoWeek, now: Date) async throws -> [OfficerFigures]
    /// Per procedure handled by `unit` in the period.
    func procedureFigures(unit: String, start: Date, end: Date, asOf: Date) async throws -> [EvaluationStore.ProcedureFigures]
}

extension EvaluationStore: EvaluationStoring {}

/// The change feed as the portal reads it (`EventFeed`).
public protocol ChangeFeedStoring: Sendable {
    /// The province's events after position `after`, oldest first.
    func page(province: String, after: Int64, limit: Int) async throws -> [FeedEvent]
    /// Marks the province's events up to `position` as acknowledged by the portal.
    func acknowledge(province: String, through position: Int64) async throws
}

extension EventFeed: ChangeFeedStoring {}

/// Webhooks of a province as their administrators manage them (`WebhookStore`).
public protocol WebhookStoring: Sendable {
    /// Registers a webhook; without `startAfter` it starts at the current end of the feed.
    func create(
        province: String, url: String, eventTypes: [String], secret: String, description: String?, startAfter: Int64?, createdBy: Int64
    ) async throws -> WebhookRecord
    /// The province's webhooks, oldest first.
    func list(province: String) async throws -> [WebhookRecord]
    /// The webhook, or nil when it does not exist in the province.
    func get(id: Int64, province: String) async throws -> WebhookRecord?
    /// Deletes the webhook and its deliveries; false when it does not exist in the province.
    func delete(id: Int64, province: String) async throws -> Bool
    /// A page of the webhook's deliveries, newest event first; nil when the webhook is not in the province.
    func deliveries(webhookID: Int64, province: String, state: DeliveryRecord.State?, limit: Int, cursor: String?) async throws
        -> Page<DeliveryRecord>?
    /// Makes a delivery pending and due now; nil when there is no such delivery of a webhook of the province.
    func redeliver(webhookID: Int64, deliveryID: Int64, province: String) async throws -> DeliveryRecord?
}

extension WebhookStore: WebhookStoring {}
