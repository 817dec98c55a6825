import Foundation
import Hummingbird
import Logging
import MotCuaPostgres
import MotCuaStore
import OpenAPIHummingbird
import Prometheus
import ServiceLifecycle

/// The composition root: wires configuration, logger, database pool, stores, middleware and routes.
///
/// `configuration.databaseURL` must be set; `motcua-server serve` starts the embedded cluster first
/// when it is not. Migrations run before the server accepts connections.
public func buildApplication(
    configuration: ServerConfiguration, logger: Logger, customizeRouter: (Router<AppRequestContext>) -> Void = { _ in }
) throws -> some ApplicationProtocol {
    guard let url = configuration.databaseURL else {
        throw ConfigurationError(variable: "DATABASE_URL", reason: "not set")
    }
    let pool = PostgresPool(
        configuration: try PostgresConfiguration(url: url, applicationName: "motcua-server"),
        maxConnections: configuration.poolSize,
        acquireTimeout: configuration.poolTimeout,
        logger: logger)
    let registry = PrometheusCollectorRegistry()
    let router = Router(context: AppRequestContext.self)
    let handler = APIHandler(
        pool: pool, metrics: registry, poolGauges: PoolGauges(registry: registry),
        openAPIDocument: try OpenAPIDocument.bytes(), logger: logger)
    try handler.registerHandlers(on: router)
    customizeRouter(router)
    let routes = RouteTable(router)
    router.addMiddleware {
        RequestIDMiddleware()
        HTTPMetricsMiddleware(registry: registry)
        ProblemMiddleware(routes: routes)
        BodyLimitMiddleware(limit: configuration.maxBodyBytes)
        RequestContextMiddleware()
    }
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "motcua"),
        services: [pool],
        logger: logger)
    app.beforeServerStarts {
        let applied = try await PostgresMigrator(pool: pool, logger: logger).migrate(MotCuaMigrations.all())
        if !applied.isEmpty { logger.info("applied migrations", metadata: ["versions": "\(applied)"]) }
    }
    return app
}

/// The contract the server was built from, served at `GET /openapi.yaml`.
enum OpenAPIDocument {
    static func bytes() throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Resources") else {
            throw ConfigurationError(variable: "openapi.yaml", reason: "missing from the server's resources")
        }
        return Array(try Data(contentsOf: url))
    }
}
