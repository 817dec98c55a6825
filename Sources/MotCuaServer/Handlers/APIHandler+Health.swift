import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaStore
import OpenAPIRuntime
import Prometheus

extension APIHandler {
    func getLiveness(_ input: Operations.GetLiveness.Input) async throws -> Operations.GetLiveness.Output {
        .ok(.init(body: .json(.init(status: .ok))))
    }

    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        do {
            try await withTimeout(.seconds(1)) { try await pool.query("SELECT 1") }
            return .ok(.init(body: .json(.init(status: .ok, database: .ok))))
        } catch {
            logger.warning("readiness check failed", metadata: ["error": "\(error)"])
            throw APIError.unavailable
        }
    }

    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        scrapedGauges.update(pool.statistics, feedWaiting: feedSignal.waiting)
        return .ok(.init(body: .plainText(HTTPBody(metrics.emitToBuffer()))))
    }

    func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws -> Operations.GetOpenAPIDocument.Output {
        .ok(.init(body: .yaml(HTTPBody(openAPIDocument))))
    }

    func getDocumentation(_ input: Operations.GetDocumentation.Input) async throws -> Operations.GetDocumentation.Output {
        .ok(.init(body: .html(HTTPBody(try DocumentationPage.cached(yaml: openAPIDocument)))))
    }
}

/// Runs `body`, throwing `CancellationError` when it takes longer than `limit`.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw CancellationError()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
