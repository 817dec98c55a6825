import Foundation
import Hummingbird
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaStore
import NIOPosix
import OpenAPIHummingbird
import OpenAPIRuntime
import Prometheus
import ServiceLifecycle

/// The composition root: wires configuration, logger, database pool, stores, middleware and routes.
///
/// `configuration.databaseURL` must be set (`motcua-server serve` starts the embedded cluster first
/// when it is not). Migrations, the bootstrap admin and demo data are applied before the server
/// accepts connections.
public func buildApplication(
    configuration: ServerConfiguration, logger: Logger, clock: ServerClock = .system,
    customizeRouter: (Router<AppRequestContext>) -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let pool = try makePool(configuration: configuration, logger: logger)
    let passwordThreads = NIOThreadPool(numberOfThreads: 2)
    passwordThreads.start()
    let passwords = PasswordHasher(cost: configuration.bcryptCost, threads: passwordThreads)
    let stores = ServerStores(pool: pool, configuration: configuration)
    let handler = try APIHandler(stores: stores, pool: pool, passwords: passwords, clock: clock, configuration: configuration, logger: logger)
    let router = try buildRouter(handler: handler, configuration: configuration, customizeRouter: customizeRouter)

    let databasePrepared = DatabaseGate()
    var background: [any Service] = []
    var services: [any Service] = [pool, ThreadPoolService(pool: passwordThreads)]
    if configuration.sweepInterval > .zero {
        background.append(DeadlineSweeper(
            dossiers: stores.dossiers, tokens: stores.tokens, loginAudit: stores.loginAudit, calendars: handler.calendars, clock: clock,
            interval: configuration.sweepInterval, logger: logger))
    }
    if configuration.feedInterval > .zero || configuration.webhooks.interval > .zero {
        // The feed and the webhook deliveries keep up under full request load only with connections
        // of their own: behind the requests' queue for the pool they would get a trickle.
        let backgroundPool = try makePool(configuration: configuration, logger: logger, size: configuration.backgroundPoolSize)
        services.append(backgroundPool)
        if configuration.feedInterval > .zero {
            background.append(FeedSequencer(
                feed: EventFeed(pool: backgroundPool), signal: handler.feedSignal, interval: configuration.feedInterval, logger: logger))
        }
        if configuration.webhooks.interval > .zero {
            background.append(WebhookDispatcher(
                store: WebhookStore(pool: backgroundPool), settings: configuration.webhooks, clock: clock, logger: logger))
        }
    }
    services += background.map { AfterDatabasePrepared(gate: databasePrepared, service: $0) }
    var app = Application(
        router: router,
        server: .http1(configuration: .init(
            additionalChannelHandlers: [ClientGoneHandler(eventLoop: MultiThreadedEventLoopGroup.singleton.next())],
            idleTimeout: .init(configuration.httpIdleTimeout))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "motcua"),
        services: services,
        logger: logger)
    app.beforeServerStarts {
        try await prepareDatabase(pool: pool, configuration: configuration, passwords: passwords, logger: logger)
        databasePrepared.open()
    }
    return app
}

/// The stores the handlers use. The account and catalog stores are seams (`StoreSeams.swift`):
/// handler tests put in-memory ones in their place.
@_spi(Testing) public struct ServerStores: Sendable {
    public var units: any UnitStoring
    public var users: any UserStoring
    public var tokens: any TokenStoring
    public var apiKeys: any APIKeyStoring
    public var loginAudit: any LoginAuditStoring
    public var procedures: any ProcedureStoring
    public var calendar: any CalendarStoring
    public var dossiers: any DossierStoring
    public var evaluations: any EvaluationStoring
    public var feed: any ChangeFeedStoring
    public var webhooks: any WebhookStoring

    /// The PostgreSQL stores on `pool`.
    public init(pool: PostgresPool, configuration: ServerConfiguration) {
        units = UnitStore(pool: pool)
        users = UserStore(pool: pool)
        tokens = TokenStore(pool: pool)
        apiKeys = APIKeyStore(pool: pool)
        loginAudit = LoginAuditStore(pool: pool)
        procedures = ProcedureStore(pool: pool)
        calendar = CalendarStore(pool: pool)
        dossiers = DossierStore(pool: pool, onlineIncompleteWorkingDays: configuration.onlineIncompleteWorkingDays)
        evaluations = EvaluationStore(pool: pool, timeoutMilliseconds: configuration.reportTimeout.wholeMilliseconds)
        feed = EventFeed(pool: pool)
        webhooks = WebhookStore(pool: pool)
    }
}

/// An application over `stores` with every middleware and handler but none of the services of
/// `buildApplication(configuration:logger:clock:customizeRouter:)`: no pool service, no background
/// work, no migrations or demo data. For handler tests on in-memory stores (driven through
/// `.router`); `pool` is what the readiness check reads, there a pool that never connects.
@_spi(Testing) public func buildApplication(
    stores: ServerStores, pool: PostgresPool, configuration: ServerConfiguration, logger: Logger, clock: ServerClock,
    customizeRouter: (Router<AppRequestContext>) -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let passwords = PasswordHasher(cost: configuration.bcryptCost, threads: .singleton)
    let handler = try APIHandler(stores: stores, pool: pool, passwords: passwords, clock: clock, configuration: configuration, logger: logger)
    return Application(
        router: try buildRouter(handler: handler, configuration: configuration, customizeRouter: customizeRouter),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "motcua"), logger: logger)
}

extension APIHandler {
    /// The handler over `stores`; `pool` is the one the readiness check and the pool gauges read.
    init(
        stores: ServerStores, pool: PostgresPool, passwords: PasswordHasher, clock: ServerClock, configuration: ServerConfiguration,
        logger: Logger
    ) throws {
        let registry = PrometheusCollectorRegistry()
        self.init(
            pool: pool, units: stores.units, users: stores.users, procedures: stores.procedures, dossiers: stores.dossiers,
            evaluations: stores.evaluations, feed: stores.feed, feedSignal: FeedSignal(), webhooks: stores.webhooks, apiKeys: stores.apiKeys,
            calendarStore: stores.calendar, calendars: CalendarProvider(store: stores.calendar, clock: clock),
            authenticator: Authenticator(tokens: stores.tokens, apiKeys: stores.apiKeys, clock: clock), loginAudit: stores.loginAudit,
            passwords: passwords, loginThrottle: LoginThrottle(policy: configuration.loginThrottle),
            publicLimiter: RateLimiter(limit: 60, window: 60), metrics: registry, scrapedGauges: ScrapedGauges(registry: registry),
            openAPIDocument: try MotCuaContract.bytes.get(), clock: clock, configuration: configuration, logger: logger)
    }
}

/// The router: the middleware in order and every operation of the contract on `handler` (the two
/// hottest reads by `HotRoutes` unless `configuration.hotRoutes` is off), then `customizeRouter`'s routes.
func buildRouter(
    handler: APIHandler, configuration: ServerConfiguration, customizeRouter: (Router<AppRequestContext>) -> Void = { _ in }
) throws -> Router<AppRequestContext> {
    let constraints = try ContractConstraints.motCua.get()
    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        RequestIDMiddleware()
        HTTPMetricsMiddleware(registry: handler.metrics)
    }
    let problems = ProblemMiddleware()
    if !configuration.corsOrigins.isEmpty {
        router.add(middleware: CORSMiddleware(origins: configuration.corsOrigins, routes: problems.routes))
    }
    router.addMiddleware {
        NoStoreMiddleware()
        HTMLPageHeadersMiddleware()
        problems
        BodyLimitMiddleware(limit: configuration.maxBodyBytes)
        AuthMiddleware(authenticator: handler.authenticator, metricsToken: configuration.metricsToken, contract: constraints)
        ReportGuardMiddleware(perUser: configuration.reportsPerUser)
        ContractValidationMiddleware(constraints: constraints)
        RequestContextMiddleware(trustedProxies: configuration.trustedProxies)
    }
    if configuration.hotRoutes {
        try handler.registerHandlers(on: HotRoutes(router: router, handler: handler), configuration: .motCua)
    } else {
        try handler.registerHandlers(on: router, configuration: .motCua)
    }
    customizeRouter(router)
    problems.routes.set(RouteTable(router))
    return router
}

func makePool(configuration: ServerConfiguration, logger: Logger, size: Int? = nil) throws -> PostgresPool {
    guard let url = configuration.databaseURL else { throw ConfigurationError(variable: "DATABASE_URL", reason: "not set") }
    var postgres = try PostgresConfiguration(url: url)
    postgres.applicationName = "motcua-server"
    // Short OLTP statements and aggregates of a few hundred thousand rows: compiling them with LLVM
    // costs more than it saves (the province ranking took 1.2 s with JIT, 0.65 s without).
    postgres.sessionSettings = [("jit", "off")]
    // Every request's statements; reports raise it for their transaction, migrations lift it.
    if configuration.statementTimeout > .zero { postgres.statementTimeoutMilliseconds = configuration.statementTimeout.wholeMilliseconds }
    var poolConfiguration = PostgresPool.Configuration(maxConnections: size ?? configuration.poolSize)
    poolConfiguration.acquireTimeout = configuration.poolTimeout
    return PostgresPool(configuration: postgres, poolConfiguration: poolConfiguration, logger: logger)
}

/// Applies pending migrations, then the recomputations they queued that need the working calendar;
/// returns the migration versions applied.
func migrateSchema(pool: PostgresPool, logger: Logger) async throws -> [Int] {
    let applied = try await PostgresMigrator(pool: pool, logger: logger).migrate(MotCuaMigrations.all())
    if !applied.isEmpty { logger.info("applied migrations", metadata: ["versions": "\(applied)"]) }
    let calendar = WorkCalendar(overrides: try await CalendarStore(pool: pool).overrides())
    let backfilled = try await DossierStore(pool: pool).runPendingBackfills(calendar: calendar)
    if !backfilled.isEmpty { logger.info("recomputed stored data", metadata: ["backfills": "\(backfilled)"]) }
    return applied
}

/// Migrates, creates the bootstrap admin when no admin exists, and loads demo data when asked.
func prepareDatabase(pool: PostgresPool, configuration: ServerConfiguration, passwords: PasswordHasher, logger: Logger) async throws {
    _ = try await migrateSchema(pool: pool, logger: logger)
    if configuration.seedDemoData ?? false {
        let seed = DemoSeed(pool: pool)
        _ = try await seed.apply(passwordHash: try await passwords.hash(DemoSeed.password))
        try await seed.applyProcedures(store: ProcedureStore(pool: pool))
    }
    if let admin = configuration.bootstrapAdmin {
        try await BootstrapAdmin(pool: pool, passwords: passwords, logger: logger).ensure(username: admin.username, password: admin.password)
    }
}

/// Keeps a thread pool for the application's lifetime and shuts it down gracefully.
struct ThreadPoolService: Service {
    let pool: NIOThreadPool

    func run() async throws {
        try? await gracefulShutdown()
        try await pool.shutdownGracefully()
    }
}
