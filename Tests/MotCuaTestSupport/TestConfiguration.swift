import MotCuaServer

/// The server configuration tests run with: the migrated test database, port 0, bcrypt cost 4,
/// no deadline sweeps, feed sequencing or webhook deliveries (the portal tests turn them on), no
/// demo data, a small pool, and tokens that live 90 days (the longest allowed) so that a test moving
/// the server's clock weeks ahead keeps its logins. `environment` entries override these.
public func testConfiguration(databaseURL: String, environment: [String: String] = [:]) throws -> ServerConfiguration {
    let defaults = [
        "DATABASE_URL": databaseURL, "MOTCUA_PORT": "0", "MOTCUA_BCRYPT_COST": "4", "MOTCUA_SWEEP_INTERVAL_SECONDS": "0",
        "MOTCUA_FEED_INTERVAL_MS": "0", "MOTCUA_WEBHOOK_INTERVAL_MS": "0", "MOTCUA_SEED_DEMO": "false", "MOTCUA_DB_POOL_SIZE": "4",
        "MOTCUA_TOKEN_TTL_HOURS": "2160",
    ]
    return try ServerConfiguration(environment: defaults.merging(environment) { $1 })
}
