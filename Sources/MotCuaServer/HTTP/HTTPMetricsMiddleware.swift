import Hummingbird
import MotCuaFoundation
import Prometheus

/// Counts requests and records their latency by route template, method and status into the
/// application's own Prometheus registry (no process-wide metrics system, so several applications,
/// e.g. in tests, never share counters).
struct HTTPMetricsMiddleware: RouterMiddleware {
    let registry: PrometheusCollectorRegistry
    private let cache = LockedValue<[Key: Instruments]>([:])

    private struct Key: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct Instruments: Sendable {
        var count: Counter
        var duration: DurationHistogram
    }

    static let buckets: [Duration] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500].map { .milliseconds($0) }

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        // The route template keeps label cardinality bounded: /v1/dossiers/{code}, not each code.
        let key = Key(route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: Int(response.status.code))
        let instruments = self.instruments(for: key)
        instruments.count.increment()
        instruments.duration.record(ContinuousClock.now - start)
        return response
    }

    private func instruments(for key: Key) -> Instruments {
        cache.withLock { cache in
            if let found = cache[key] { return found }
            let labels = [("route", key.route), ("method", key.method), ("status", String(key.status))]
            let made = Instruments(
                count: registry.makeCounter(name: "http_requests_total", labels: labels),
                duration: registry.makeDurationHistogram(name: "http_request_duration_seconds", labels: labels, buckets: Self.buckets))
            cache[key] = made
            return made
        }
    }
}
