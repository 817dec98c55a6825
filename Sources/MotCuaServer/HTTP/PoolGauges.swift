import MotCuaPostgres
import Prometheus

/// Database pool usage as Prometheus gauges, refreshed when `/metrics` is scraped.
struct PoolGauges: Sendable {
    let open: Gauge
    let idle: Gauge
    let inUse: Gauge
    let waiters: Gauge

    init(registry: PrometheusCollectorRegistry) {
        open = registry.makeGauge(name: "motcua_db_pool_connections", labels: [("state", "open")])
        idle = registry.makeGauge(name: "motcua_db_pool_connections", labels: [("state", "idle")])
        inUse = registry.makeGauge(name: "motcua_db_pool_connections", labels: [("state", "in_use")])
        waiters = registry.makeGauge(name: "motcua_db_pool_waiters", labels: [])
    }

    func update(_ stats: PostgresPool.Statistics) {
        open.set(Double(stats.open))
        idle.set(Double(stats.idle))
        inUse.set(Double(stats.inUse))
        waiters.set(Double(stats.waiters))
    }
}
