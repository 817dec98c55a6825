import Foundation
import MotCuaDomain
import MotCuaFoundation
import MotCuaPostgres
@_spi(Testing) import MotCuaServer
import MotCuaStore

// In-memory stand-ins for the account and catalog stores (`StoreSeams.swift`), for handler tests
// without a database. They keep what a handler can observe (records, uniqueness, who is active,
// which tokens live, pages and cursors) and nothing of the SQL: the PostgreSQL stores have their
// own live tests.

/// The shared state of the in-memory stores: units, users with their password hashes, tokens,
/// API keys and the login audit.
final class MemoryDatabase: Sendable {
    struct StoredUser: Sendable {
        var record: UserRecord
        var passwordHash: String
    }

    struct Token: Sendable {
        var userID: Int64
        var expiresAt: Date
        var revoked = false
    }

    struct APIKey: Sendable {
        var userID: Int64
        var hash: String
        var record: APIKeyRecord
    }

    struct State: Sendable {
        var units: [String: UnitRecord] = [:]
        var users: [String: StoredUser] = [:]
        var tokens: [String: Token] = [:]
        var apiKeys: [APIKey] = []
        /// Each attempt with the province of its account when it was made (nil: no such account).
        var logins: [(attempt: LoginAttemptRecord, province: String?)] = []
        var nextID: Int64 = 1
    }

    let state = LockedValue(State())

    init() {}

    func user(id: Int64) -> UserRecord? { state.withLock { $0.users.values.first { $0.record.id == id }?.record } }

    /// The app's stores with the account and catalog ones in this memory; the others on `pool`.
    /// The stores a test scripts rather than keeps in memory.
    struct Scripted {
        var dossiers: ScriptedDossiers
        var evaluations: ScriptedEvaluations
        var feed: ScriptedFeed
        var webhooks: MemoryWebhooks
    }

    func stores(pool: PostgresPool, configuration: ServerConfiguration, scripted: Scripted) -> ServerStores {
        var stores = ServerStores(pool: pool, configuration: configuration)
        stores.units = MemoryUnits(database: self)
        stores.users = MemoryUsers(database: self)
        stores.tokens = MemoryTokens(database: self)
        stores.apiKeys = MemoryAPIKeys(database: self)
        stores.loginAudit = MemoryLoginAudit(database: self)
        stores.procedures = MemoryProcedures()
        stores.calendar = MemoryCalendar()
        stores.dossiers = scripted.dossiers
        stores.evaluations = scripted.evaluations
        stores.feed = scripted.feed
        stores.webhooks = scripted.webhooks
        return stores
    }
}

struct MemoryUnits: UnitStoring {
    let database: MemoryDatabase

    func create(code: String, name: String, kind: UnitRecord.Kind, province: String?) async throws -> UnitRecord {
        if kind == .commune, province == nil { throw StoreError.invalid(field: "province", reason: "a commune names its province") }
        if kind == .province, let province, province != code {
            throw StoreError.invalid(field: "province", reason: "a province belongs to itself")
        }
        return try database.state.withLock { state in
            let provinceCode = kind == .province ? code : province ?? ""
            guard kind == .province || state.units[provinceCode]?.kind == .province else {
                throw StoreError.invalid(field: "province", reason: "no province unit with code \(provinceCode)")
            }
            guard state.units[code] == nil else { throw StoreError.conflict(code: "conflict", detail: "A unit with code \(code) exists.") }
            let unit = UnitRecord(code: code, name: name, kind: kind, province: provinceCode, createdAt: Date())
            state.units[code] = unit
            return unit
        }
    }

    func get(_ code: String) async throws -> UnitRecord? { database.state.withLock { $0.units[code] } }

    func list(province: String?, limit: Int, cursor: String?) async throws -> Page<UnitRecord> {
        let after = try cursor.map { try PageCursor(decoding: $0, count: 1).values[0] }
        let units = database.state.withLock { state in
            state.units.values.filter { unit in (province == nil || unit.province == province) && (after.map { unit.code > $0 } ?? true) }
        }
        return Page(fetched: units.sorted { $0.code < $1.code }.prefix(limit + 1).map { $0 }, limit: limit) { [$0.code] }
    }
}

struct MemoryUsers: UserStoring {
    let database: MemoryDatabase

    func create(username: String, fullName: String, unitCode: String, roles: [Role], passwordHash: String) async throws -> UserRecord {
        try database.state.withLock { state in
            guard let unit = state.units[unitCode] else { throw StoreError.invalid(field: "unitCode", reason: "no unit with code \(unitCode)") }
            guard state.users[username] == nil else { throw StoreError.conflict(code: "conflict", detail: "The username \(username) is taken.") }
            let record = UserRecord(
                id: state.nextID, username: username, fullName: fullName, unitCode: unitCode, province: unit.province, roles: roles,
                active: true, createdAt: Date())
            state.nextID += 1
            state.users[username] = .init(record: record, passwordHash: passwordHash)
            return record
        }
    }

    func get(username: String) async throws -> UserRecord? { database.state.withLock { $0.users[username]?.record } }

    func credentials(username: String) async throws -> (user: UserRecord, passwordHash: String)? {
        database.state.withLock { state in
            state.users[username].flatMap { $0.record.active ? ($0.record, $0.passwordHash) : nil }
        }
    }

    func update(id: Int64, _ change: UserStore.Change) async throws -> UserRecord? {
        database.state.withLock { state in
            guard var stored = state.users.values.first(where: { $0.record.id == id }) else { return nil }
            if let fullName = change.fullName { stored.record.fullName = fullName }
            if let unitCode = change.unitCode, let unit = state.units[unitCode] {
                stored.record.unitCode = unitCode
                stored.record.province = unit.province
            }
            if let roles = change.roles { stored.record.roles = roles }
            if let active = change.active { stored.record.active = active }
            state.users[stored.record.username] = stored
            if change.active == false {
                for (hash, token) in state.tokens where token.userID == id { state.tokens[hash]?.revoked = true }
                for index in state.apiKeys.indices where state.apiKeys[index].userID == id && state.apiKeys[index].record.revokedAt == nil {
                    state.apiKeys[index].record.revokedAt = Date()
                }
            }
            return stored.record
        }
    }

    func setPassword(id: Int64, hash: String, keepingToken: String?) async throws {
        database.state.withLock { state in
            guard let username = state.users.values.first(where: { $0.record.id == id })?.record.username else { return }
            state.users[username]?.passwordHash = hash
            for (tokenHash, token) in state.tokens where token.userID == id && tokenHash != keepingToken {
                state.tokens[tokenHash]?.revoked = true
            }
        }
    }

    func list(province: String?, unit: String?, role: Role?, limit: Int, cursor: String?) async throws -> Page<UserRecord> {
        let users = database.state.withLock { state in
            state.users.values.map(\.record).filter {
                (province == nil || $0.province == province) && (unit == nil || $0.unitCode == unit) && (role.map($0.roles.contains) ?? true)
            }
        }
        let after = try cursor.map { try PageCursor(decoding: $0, count: 1).values[0] }
        let page = users.filter { user in after.map { user.username > $0 } ?? true }.sorted { $0.username < $1.username }.prefix(limit + 1)
        return Page(fetched: Array(page), limit: limit) { [$0.username] }
    }
}

struct MemoryTokens: TokenStoring {
    let database: MemoryDatabase

    func insert(tokenHash: String, userID: Int64, expiresAt: Date) async throws {
        database.state.withLock { $0.tokens[tokenHash] = .init(userID: userID, expiresAt: expiresAt) }
    }

    func principal(tokenHash: String, now: Date) async throws -> (principal: Principal, expiresAt: Date)? {
        database.state.withLock { state in
            guard let token = state.tokens[tokenHash], !token.revoked, token.expiresAt > now,
                let user = state.users.values.first(where: { $0.record.id == token.userID })?.record, user.active
            else { return nil }
            return (user.principal, token.expiresAt)
        }
    }

    func revoke(tokenHash: String) async throws { database.state.withLock { $0.tokens[tokenHash]?.revoked = true } }

    func revokeAll(userID: Int64, except: String?) async throws {
        database.state.withLock { state in
            for (hash, token) in state.tokens where token.userID == userID && hash != except { state.tokens[hash]?.revoked = true }
        }
    }

    func purgeExpired(now: Date) async throws -> Int {
        database.state.withLock { state in
            let expired = state.tokens.filter { $0.value.expiresAt < now.addingTimeInterval(-86_400) }.keys
            expired.forEach { state.tokens[$0] = nil }
            return expired.count
        }
    }
}

/// Integration accounts' keys, by their hash; like the PostgreSQL store, a key lives while it is not
/// revoked, not expired and its user is active.
struct MemoryAPIKeys: APIKeyStoring {
    let database: MemoryDatabase

    func create(userID: Int64, name: String, expiresAt: Date?, createdBy: Int64) async throws -> (APIKeyRecord, key: String) {
        let key = APIKeyStore.keyPrefix + TokenStore.generateToken()
        return database.state.withLock { state in
            let record = APIKeyRecord(
                id: Int64(state.apiKeys.count + 1), name: name, prefix: String(key.prefix(12)), createdAt: Date(), expiresAt: expiresAt,
                lastUsedAt: nil, revokedAt: nil)
            state.apiKeys.append(.init(userID: userID, hash: TokenStore.hash(key), record: record))
            return (record, key)
        }
    }

    func list(userID: Int64) async throws -> [APIKeyRecord] {
        database.state.withLock { $0.apiKeys.filter { $0.userID == userID }.map(\.record).reversed() }
    }

    func revoke(userID: Int64, keyID: Int64) async throws -> String? {
        database.state.withLock { state in
            guard let index = state.apiKeys.firstIndex(where: { $0.userID == userID && $0.record.id == keyID }) else { return nil }
            if state.apiKeys[index].record.revokedAt == nil { state.apiKeys[index].record.revokedAt = Date() }
            return state.apiKeys[index].hash
        }
    }

    func principal(keyHash: String, now: Date) async throws -> (principal: Principal, expiresAt: Date?)? {
        let live = database.state.withLock { state in
            state.apiKeys.first { $0.hash == keyHash && $0.record.revokedAt == nil && ($0.record.expiresAt.map { $0 > now } ?? true) }
        }
        guard let live, let user = database.user(id: live.userID), user.active else { return nil }
        return (user.principal, live.record.expiresAt)
    }
}

struct MemoryLoginAudit: LoginAuditStoring {
    let database: MemoryDatabase

    func record(username: String, outcome: LoginAttemptRecord.Outcome, clientAddress: String?, userAgent: String?, at: Date) async throws {
        database.state.withLock { state in
            let attempt = LoginAttemptRecord(
                id: Int64(state.logins.count + 1), at: at, username: username, outcome: outcome, clientAddress: clientAddress, userAgent: userAgent)
            state.logins.append((attempt, state.users[username]?.record.province))
        }
    }

    func list(
        province: String?, username: String?, outcome: LoginAttemptRecord.Outcome?, since: Date?, limit: Int, cursor: String?
    ) async throws -> Page<LoginAttemptRecord> {
        let before = try cursor.map { text in
            guard let id = Int64(try PageCursor(decoding: text, count: 1).values[0]) else { throw StoreError.invalidCursor }
            return id
        }
        let attempts = database.state.withLock { state in
            state.logins.reversed().filter { login in
                (province == nil || login.province == province) && (username.map { login.attempt.username == $0.lowercased() } ?? true)
                    && (outcome.map { login.attempt.outcome == $0 } ?? true) && (since.map { login.attempt.at >= $0 } ?? true)
                    && (before.map { login.attempt.id < $0 } ?? true)
            }.map(\.attempt)
        }
        return Page(fetched: Array(attempts.prefix(limit + 1)), limit: limit) { [String($0.id)] }
    }

    func purgeExpired(now: Date) async throws -> Int {
        database.state.withLock { state in
            let cutoff = now.addingTimeInterval(-Double(LoginAuditStore.retentionDays) * 86_400)
            let before = state.logins.count
            state.logins.removeAll { $0.attempt.at < cutoff }
            return before - state.logins.count
        }
    }
}

/// The procedure catalog: every published version, the last one current.
struct MemoryProcedures: ProcedureStoring {
    let versions = LockedValue<[String: [ProcedureRecord]]>([:])

    func publish(_ definition: ProcedureDefinition, by userID: Int64?) async throws -> ProcedureRecord {
        versions.withLock { versions in
            let record = ProcedureRecord(definition: definition, version: (versions[definition.code]?.count ?? 0) + 1, publishedAt: Date())
            versions[definition.code, default: []].append(record)
            return record
        }
    }

    func get(code: String, version: Int?) async throws -> ProcedureRecord? {
        versions.withLock { versions in
            guard let all = versions[code] else { return nil }
            return version.map { version in all.first { $0.version == version } } ?? all.last
        }
    }

    /// Current versions by code; every word of `search` (as the PostgreSQL store takes them) must occur
    /// in the code or the name, case and accents aside.
    func list(search: String?, field: String?, limit: Int, cursor: String?) async throws -> Page<ProcedureRecord> {
        let after = try cursor.map { try PageCursor(decoding: $0, count: 1).values[0] }
        // As `motcua_fold` (unaccent, then lower case): `đ` is a letter of its own to Foundation, not a `d` with a mark.
        func folded(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "đ", with: "d")
        }
        let words = ProcedureStore.searchWords(search).map(folded)
        let current = versions.withLock { $0.values.compactMap(\.last) }.filter { record in
            let text = folded(record.definition.code + " " + record.definition.name)
            return words.allSatisfy(text.contains) && (field.map { record.definition.field == $0 } ?? true)
                && (after.map { record.definition.code > $0 } ?? true)
        }
        return Page(fetched: Array(current.sorted { $0.definition.code < $1.definition.code }.prefix(limit + 1)), limit: limit) { [$0.definition.code] }
    }
}

/// The national calendar's corrections.
struct MemoryCalendar: CalendarStoring {
    let days = LockedValue<[LocalDate: CalendarDay]>([:])

    func overrides() async throws -> [CalendarDay] { days.withLock { $0.values.sorted { $0.date < $1.date } } }
    func put(_ day: CalendarDay, by userID: Int64) async throws { days.withLock { $0[day.date] = day } }
    func delete(_ date: LocalDate) async throws { days.withLock { $0[date] = nil } }
}
