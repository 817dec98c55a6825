import Foundation
import Logging

/// Everything the server can be configured with, read from environment variables.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `MOTCUA_HOST` | `127.0.0.1` | address to bind |
/// | `MOTCUA_PORT` | `8080` | port to bind (0 picks a free one) |
/// | `DATABASE_URL` | none | PostgreSQL URL; without it `serve` runs an embedded cluster under `MOTCUA_DATA_DIR` |
/// | `MOTCUA_DATA_DIR` | `.motcua` | folder of the embedded cluster |
/// | `MOTCUA_DB_POOL_SIZE` | `16` | maximum database connections of this instance |
/// | `MOTCUA_DB_BACKGROUND_POOL_SIZE` | `4` | connections of the feed sequencer and webhook deliveries, besides the pool |
/// | `MOTCUA_DB_POOL_TIMEOUT_MS` | `5000` | how long a request waits for a free connection |
/// | `MOTCUA_DB_STATEMENT_TIMEOUT_MS` | `10000` | longest a request's statement may run (reads and writes; 0: no limit) |
/// | `MOTCUA_DB_REPORT_TIMEOUT_MS` | `60000` | longest an evaluation report's statement may run |
/// | `MOTCUA_REPORTS_PER_USER` | `2` | evaluation reports one user may run at once on this instance (more: 503 `busy`) |
/// | `MOTCUA_HTTP_IDLE_TIMEOUT_SECONDS` | `60` | a connection that sends no complete request head for this long is closed |
/// | `MOTCUA_LOG_LEVEL` | `info` | trace, debug, info, notice, warning, error, critical |
/// | `MOTCUA_MAX_BODY_BYTES` | `1048576` | larger request bodies are refused with 413 |
/// | `MOTCUA_BOOTSTRAP_ADMIN` | none | `username:password`: creates this admin at start when no admin exists |
/// | `MOTCUA_TOKEN_TTL_HOURS` | `12` | lifetime of a bearer token |
/// | `MOTCUA_BCRYPT_COST` | `10` | bcrypt work factor for new passwords (4-31) |
/// | `MOTCUA_SWEEP_INTERVAL_SECONDS` | `60` | how often the deadline sweeper runs (0 disables it) |
/// | `MOTCUA_ONLINE_INCOMPLETE_DAYS` | `15` | working days after which an incomplete online dossier is closed |
/// | `MOTCUA_FEED_INTERVAL_MS` | `100` | how often committed events are numbered into the feed (0 disables it on this instance) |
/// | `MOTCUA_WEBHOOK_INTERVAL_MS` | `200` | how often the webhook service looks for due deliveries when idle (0 disables it on this instance) |
/// | `MOTCUA_WEBHOOK_CONCURRENCY` | `16` | webhook requests in flight at once per instance |
/// | `MOTCUA_WEBHOOK_TIMEOUT_SECONDS` | `10` | a receiver must answer within this time |
/// | `MOTCUA_WEBHOOK_MAX_ATTEMPTS` | `12` | attempts before a delivery is dead-lettered |
/// | `MOTCUA_WEBHOOK_BACKOFF_MS` | `1000` | first retry delay; doubles per attempt (with jitter), at most one hour |
/// | `MOTCUA_CORS_ORIGINS` | none | comma-separated origins (`https://app.example.vn`) browser front ends may call the API from |
/// | `MOTCUA_PUBLIC_URL` | the request's `Host` over http | the address citizens reach the server at (`https://dichvucong.xa.gov.vn`), for the receipt's QR code of `/tra-cuu` |
/// | `MOTCUA_TRUSTED_PROXIES` | none | comma-separated addresses or CIDR blocks (`10.0.0.0/8, fd00::/8`) of reverse proxies whose `Forwarded`/`X-Forwarded-For` give the client's address |
/// | `MOTCUA_METRICS_TOKEN` | none | when set, `/metrics` answers only requests with `Authorization: Bearer <this token>` (at least 16 characters) |
/// | `MOTCUA_SEED_DEMO` | `false` (`true` on the embedded database) | load the demo province, communes, officers and procedures |
/// | `MOTCUA_HOT_ROUTES` | `true` | serve `GET /v1/dossiers` and `GET /v1/dossiers/{code}` by hand-written routes (same bytes, less CPU); `false` sends them through the generated layer |
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    public var databaseURL: String?
    public var dataDirectory: String = ".motcua"
    public var poolSize: Int = 16
    public var backgroundPoolSize: Int = 4
    public var poolTimeout: Duration = .milliseconds(5000)
    public var statementTimeout: Duration = .seconds(10)
    public var reportTimeout: Duration = .seconds(60)
    public var reportsPerUser = 2
    public var httpIdleTimeout: Duration = .seconds(60)
    public var logLevel: Logger.Level = .info
    public var maxBodyBytes: Int = 1 << 20
    public var bootstrapAdmin: (username: String, password: String)?
    public var tokenLifetime: Duration = .seconds(12 * 3600)
    public var bcryptCost: UInt8 = 10
    public var sweepInterval: Duration = .seconds(60)
    public var onlineIncompleteWorkingDays: Int = 15
    public var feedInterval: Duration = .milliseconds(100)
    public var webhooks = WebhookSettings()
    /// Lower-cased origins allowed to call the API from a browser (CORS); none by default.
    public var corsOrigins: Set<String> = []
    /// Where citizens reach the server (scheme, host, optional port and path prefix, no trailing slash).
    public var publicURL: String?
    /// The bearer token `/metrics` requires; open when nil.
    public var metricsToken: String?
    /// Reverse proxies whose forwarding headers name the client.
    public var trustedProxies = TrustedProxies()
    /// Limits on password logins (not from the environment: the defaults are the policy).
    public var loginThrottle = LoginThrottle.Policy()
    /// Load demo data at start; nil means "only on the embedded database".
    public var seedDemoData: Bool?
    /// Serve the hottest reads by hand-written routes (`HotRoutes`); off, every operation goes through
    /// the generated layer.
    public var hotRoutes = true

    /// Defaults for every setting.
    public init() {}

    /// Reads the variables of the table above; a malformed value is an error that names the variable.
    public init(environment: [String: String]) throws(ConfigurationError) {
        let reader = EnvironmentReader(environment)
        host = reader.string("MOTCUA_HOST") ?? host
        port = try reader.int("MOTCUA_PORT", in: 0...65535) ?? port
        databaseURL = reader.string("DATABASE_URL")
        dataDirectory = reader.string("MOTCUA_DATA_DIR") ?? dataDirectory
        poolSize = try reader.int("MOTCUA_DB_POOL_SIZE", in: 1...512) ?? poolSize
        backgroundPoolSize = try reader.int("MOTCUA_DB_BACKGROUND_POOL_SIZE", in: 1...64) ?? backgroundPoolSize
        if let ms = try reader.int("MOTCUA_DB_POOL_TIMEOUT_MS", in: 1...600_000) { poolTimeout = .milliseconds(ms) }
        if let ms = try reader.int("MOTCUA_DB_STATEMENT_TIMEOUT_MS", in: 0...3_600_000) { statementTimeout = .milliseconds(ms) }
        if let ms = try reader.int("MOTCUA_DB_REPORT_TIMEOUT_MS", in: 1...3_600_000) { reportTimeout = .milliseconds(ms) }
        reportsPerUser = try reader.int("MOTCUA_REPORTS_PER_USER", in: 1...64) ?? reportsPerUser
        if let seconds = try reader.int("MOTCUA_HTTP_IDLE_TIMEOUT_SECONDS", in: 1...3600) { httpIdleTimeout = .seconds(seconds) }
        if let level = reader.string("MOTCUA_LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError(variable: "MOTCUA_LOG_LEVEL", reason: "expected trace, debug, info, notice, warning, error or critical")
            }
            logLevel = parsed
        }
        maxBodyBytes = try reader.int("MOTCUA_MAX_BODY_BYTES", in: 1024...(256 << 20)) ?? maxBodyBytes
        if let admin = reader.string("MOTCUA_BOOTSTRAP_ADMIN") {
            guard let colon = admin.firstIndex(of: ":"), colon != admin.startIndex, admin.index(after: colon) != admin.endIndex else {
                throw ConfigurationError(variable: "MOTCUA_BOOTSTRAP_ADMIN", reason: "expected username:password")
            }
            bootstrapAdmin = (String(admin[..<colon]), String(admin[admin.index(after: colon)...]))
        }
        if let hours = try reader.int("MOTCUA_TOKEN_TTL_HOURS", in: 1...(24 * 90)) { tokenLifetime = .seconds(hours * 3600) }
        if let cost = try reader.int("MOTCUA_BCRYPT_COST", in: 4...31) { bcryptCost = UInt8(cost) }
        if let seconds = try reader.int("MOTCUA_SWEEP_INTERVAL_SECONDS", in: 0...86_400) { sweepInterval = .seconds(seconds) }
        onlineIncompleteWorkingDays = try reader.int("MOTCUA_ONLINE_INCOMPLETE_DAYS", in: 1...365) ?? onlineIncompleteWorkingDays
        if let ms = try reader.int("MOTCUA_FEED_INTERVAL_MS", in: 0...60_000) { feedInterval = .milliseconds(ms) }
        if let ms = try reader.int("MOTCUA_WEBHOOK_INTERVAL_MS", in: 0...60_000) { webhooks.interval = .milliseconds(ms) }
        webhooks.concurrency = try reader.int("MOTCUA_WEBHOOK_CONCURRENCY", in: 1...256) ?? webhooks.concurrency
        if let seconds = try reader.int("MOTCUA_WEBHOOK_TIMEOUT_SECONDS", in: 1...300) { webhooks.timeout = .seconds(seconds) }
        webhooks.maxAttempts = try reader.int("MOTCUA_WEBHOOK_MAX_ATTEMPTS", in: 1...100) ?? webhooks.maxAttempts
        if let ms = try reader.int("MOTCUA_WEBHOOK_BACKOFF_MS", in: 1...3_600_000) { webhooks.firstBackoff = .milliseconds(ms) }
        if let list = reader.string("MOTCUA_CORS_ORIGINS") {
            for entry in list.split(separator: ",") { corsOrigins.insert(try Self.origin(String(entry))) }
        }
        if let url = reader.string("MOTCUA_PUBLIC_URL") { publicURL = try Self.publicURL(url) }
        if let list = reader.string("MOTCUA_TRUSTED_PROXIES") {
            trustedProxies = TrustedProxies(try list.split(separator: ",").map { entry throws(ConfigurationError) in
                guard let network = IPNetwork(entry) else {
                    throw ConfigurationError(variable: "MOTCUA_TRUSTED_PROXIES", reason: "expected addresses or CIDR blocks like 10.0.0.0/8, got \(entry)")
                }
                return network
            })
        }
        if let token = reader.string("MOTCUA_METRICS_TOKEN") {
            guard token.count >= 16 else { throw ConfigurationError(variable: "MOTCUA_METRICS_TOKEN", reason: "needs at least 16 characters") }
            metricsToken = token
        }
        seedDemoData = try reader.bool("MOTCUA_SEED_DEMO")
        hotRoutes = try reader.bool("MOTCUA_HOT_ROUTES") ?? hotRoutes
    }

    /// An http(s) address without query or fragment, at most 200 characters (it goes into a QR code).
    private static func publicURL(_ text: String) throws(ConfigurationError) -> String {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard trimmed.count <= 200, let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), components.host?.isEmpty == false, components.query == nil, components.fragment == nil,
            components.user == nil
        else { throw ConfigurationError(variable: "MOTCUA_PUBLIC_URL", reason: "expected an address like https://dichvucong.xa.gov.vn, got \(text)") }
        return trimmed
    }

    /// `scheme://host[:port]` as a browser sends it in `Origin`, lower-cased; anything else names the variable.
    private static func origin(_ text: String) throws(ConfigurationError) -> String {
        let origin = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let components = URLComponents(string: origin), let scheme = components.scheme, ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty, components.path.isEmpty, components.query == nil, components.user == nil
        else { throw ConfigurationError(variable: "MOTCUA_CORS_ORIGINS", reason: "expected origins like https://app.example.vn, got \(text)") }
        return origin
    }
}

/// How the webhook delivery service runs (the `MOTCUA_WEBHOOK_*` variables).
public struct WebhookSettings: Sendable {
    public var interval: Duration = .milliseconds(200)
    public var concurrency = 16
    public var timeout: Duration = .seconds(10)
    public var maxAttempts = 12
    public var firstBackoff: Duration = .seconds(1)
    public var maxBackoff: Duration = .seconds(3600)

    public init() {}

    /// The delay before retrying after failed attempt number `attempt` (from 1): the first backoff
    /// doubled per earlier attempt, capped, with "equal jitter" (a random half on top of a fixed half),
    /// so receivers coming back up are not hit by every sender at once.
    public func backoff(afterAttempt attempt: Int, random: Double = Double.random(in: 0...1)) -> Duration {
        let doubled = firstBackoff * (1 << min(max(attempt - 1, 0), 30))
        let capped = min(doubled, maxBackoff)
        return capped / 2 + (capped / 2) * random
    }
}

/// A configuration variable that could not be read.
public struct ConfigurationError: Error, CustomStringConvertible {
    public var variable: String
    public var reason: String
    public var description: String { "\(variable): \(reason)" }
}

private struct EnvironmentReader {
    let environment: [String: String]
    init(_ environment: [String: String]) { self.environment = environment }

    func string(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func bool(_ name: String) throws(ConfigurationError) -> Bool? {
        guard let text = string(name)?.lowercased() else { return nil }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigurationError(variable: name, reason: "expected true or false, got \(text)")
        }
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(variable: name, reason: "expected a whole number in \(range.lowerBound)...\(range.upperBound), got \(text)")
        }
        return value
    }
}

extension Duration {
    /// The duration in whole milliseconds, for settings PostgreSQL takes in milliseconds.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
