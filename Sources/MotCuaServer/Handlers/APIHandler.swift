import Foundation
import Logging
import MotCuaAPI
import MotCuaPostgres
import Prometheus

/// Implements every operation of `openapi.yaml` (the generated `APIProtocol`). Handlers are thin:
/// check input, call a store, map the result. Extensions split it by area: `APIHandler+Health.swift`, ...
struct APIHandler: APIProtocol {
    let pool: PostgresPool
    let metrics: PrometheusCollectorRegistry
    let poolGauges: PoolGauges
    let openAPIDocument: [UInt8]
    let logger: Logger

    /// The request context bound by `RequestContextMiddleware`.
    var context: AppRequestContext {
        get throws {
            guard let context = AppRequestContext.current else { throw APIError.internalError }
            return context
        }
    }
}
