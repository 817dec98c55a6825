import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

@Suite struct ConfigurationTests {
    @Test func defaultsApplyWhenNothingIsSet() throws {
        let configuration = try ServerConfiguration(environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.databaseURL == nil)
        #expect(configuration.poolSize == 16)
        #expect(configuration.maxBodyBytes == 1 << 20)
        #expect(configuration.bcryptCost == 10)
        #expect(configuration.tokenLifetime == .seconds(12 * 3600))
        #expect(configuration.seedDemoData == nil)
        #expect(configuration.bootstrapAdmin == nil)
    }

    @Test func readsEveryVariable() throws {
        let configuration = try ServerConfiguration(environment: [
            "MOTCUA_HOST": "0.0.0.0", "MOTCUA_PORT": "0", "DATABASE_URL": "postgresql://a@b/c", "MOTCUA_DB_POOL_SIZE": "3",
            "MOTCUA_DB_POOL_TIMEOUT_MS": "250", "MOTCUA_LOG_LEVEL": "DEBUG", "MOTCUA_MAX_BODY_BYTES": "2048",
            "MOTCUA_BOOTSTRAP_ADMIN": "root:pass:with:colons", "MOTCUA_TOKEN_TTL_HOURS": "2", "MOTCUA_BCRYPT_COST": "4",
            "MOTCUA_SWEEP_INTERVAL_SECONDS": "0", "MOTCUA_ONLINE_INCOMPLETE_DAYS": "10", "MOTCUA_SEED_DEMO": "yes",
            "MOTCUA_DB_BACKGROUND_POOL_SIZE": "2", "MOTCUA_FEED_INTERVAL_MS": "50", "MOTCUA_WEBHOOK_INTERVAL_MS": "0",
            "MOTCUA_WEBHOOK_CONCURRENCY": "4", "MOTCUA_WEBHOOK_TIMEOUT_SECONDS": "3", "MOTCUA_WEBHOOK_MAX_ATTEMPTS": "7",
            "MOTCUA_WEBHOOK_BACKOFF_MS": "250", "MOTCUA_HOT_ROUTES": "false",
        ])
        #expect(configuration.host == "0.0.0.0")
        #expect(!configuration.hotRoutes)
        #expect(configuration.port == 0)
        #expect(configuration.databaseURL == "postgresql://a@b/c")
        #expect(configuration.poolSize == 3)
        #expect(configuration.poolTimeout == .milliseconds(250))
        #expect(configuration.logLevel == .debug)
        #expect(configuration.maxBodyBytes == 2048)
        #expect(configuration.bootstrapAdmin?.username == "root")
        #expect(configuration.bootstrapAdmin?.password == "pass:with:colons")
        #expect(configuration.tokenLifetime == .seconds(7200))
        #expect(configuration.bcryptCost == 4)
        #expect(configuration.sweepInterval == .zero)
        #expect(configuration.onlineIncompleteWorkingDays == 10)
        #expect(configuration.seedDemoData == true)
        #expect(configuration.backgroundPoolSize == 2 && configuration.feedInterval == .milliseconds(50))
        #expect(configuration.webhooks.interval == .zero && configuration.webhooks.concurrency == 4)
        #expect(configuration.webhooks.timeout == .seconds(3) && configuration.webhooks.maxAttempts == 7)
        #expect(configuration.webhooks.firstBackoff == .milliseconds(250))
    }

    @Test(arguments: [
        ("MOTCUA_PORT", "eighty"), ("MOTCUA_PORT", "70000"), ("MOTCUA_DB_POOL_SIZE", "0"), ("MOTCUA_DB_POOL_TIMEOUT_MS", "-1"),
        ("MOTCUA_LOG_LEVEL", "loud"), ("MOTCUA_MAX_BODY_BYTES", "12"), ("MOTCUA_BOOTSTRAP_ADMIN", "no-colon"),
        ("MOTCUA_BOOTSTRAP_ADMIN", ":password"), ("MOTCUA_BOOTSTRAP_ADMIN", "admin:"), ("MOTCUA_TOKEN_TTL_HOURS", "0"),
        ("MOTCUA_BCRYPT_COST", "3"), ("MOTCUA_SWEEP_INTERVAL_SECONDS", "soon"), ("MOTCUA_ONLINE_INCOMPLETE_DAYS", "0"),
        ("MOTCUA_SEED_DEMO", "maybe"), ("MOTCUA_DB_BACKGROUND_POOL_SIZE", "0"), ("MOTCUA_FEED_INTERVAL_MS", "fast"),
        ("MOTCUA_WEBHOOK_CONCURRENCY", "0"), ("MOTCUA_WEBHOOK_TIMEOUT_SECONDS", "0"), ("MOTCUA_WEBHOOK_MAX_ATTEMPTS", "0"),
        ("MOTCUA_WEBHOOK_BACKOFF_MS", "0"), ("MOTCUA_WEBHOOK_INTERVAL_MS", "-5"), ("MOTCUA_HOT_ROUTES", "sometimes"),
    ])
    func malformedValueIsAnErrorNamingTheVariable(variable: String, value: String) {
        do {
            _ = try ServerConfiguration(environment: [variable: value])
            Issue.record("\(variable)=\(value) was accepted")
        } catch {
            #expect(error.variable == variable)
            #expect(error.description.hasPrefix(variable))
            #expect(!error.reason.isEmpty)
        }
    }

    @Test func blankValuesMeanUnset() throws {
        let configuration = try ServerConfiguration(environment: ["MOTCUA_PORT": "  ", "DATABASE_URL": ""])
        #expect(configuration.port == 8080)
        #expect(configuration.databaseURL == nil)
    }
}
