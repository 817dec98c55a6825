import MotCuaPostgres
import Prometheus

/// Database pool usage and the change feed's held requests as Prometheus gauges, refreshed when
/// `/metrics` is scraped.
struct ScrapedGauges: Sendable {
    let open: Gauge
    let idle: Gauge
    let inUse: Gauge
    let waiters: Gauge
    let feedWaiting: Gauge

    init(registry: PrometheusCollectorRegistry) {
        open = registry.makeGauge(name: "motcua_db_pool_connections", labels: [("state", "open")])
        idle = registry.makeGauge(name: "motcua_db_pool_connections", labels: [("state", "idle")])
        inUse = registry.makeGauge(name: "motcua_db_pool_connections", labels: [("state", "in_use")])
        waiters = registry.makeGauge(name: "motcua_db_pool_waiters", labels: [])
        feedWaiting = registry.makeGauge(name: "motcua_feed_waiting_requests", labels: [])
    }

    func update(_ stats: PostgresPool.Statistics, feedWaiting waiting: Int) {
        open.set(Double(stats.open))
        idle.set(Double(stats.idle))
        inUse.set(Double(stats.inUse))
        waiters.set(Double(stats.waiters))
        feedWaiting.set(Double(waiting))
    }
}
