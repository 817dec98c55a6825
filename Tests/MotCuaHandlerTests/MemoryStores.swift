import Foundation
import MotCuaDomain
import MotCuaFoundation
@testable import MotCuaStore

// In-memory stand-ins for the account and catalog stores (`StoreSeams.swift`), for handler tests
// without a database. They keep what a handler can observe (records, uniqueness, who is active,
// which tokens live) and nothing of the SQL: the PostgreSQL stores have their own live tests.

/// The shared state of the in-memory stores: units, users with their password hashes, tokens,
/// API keys and the login audit.
final class MemoryDatabase: Sendable {
    struct StoredUser {
        var record: UserRecord
        var passwordHash: String
    }

    struct Token {
        var userID: Int64
        var expiresAt: Date
        var revoked = false
    }

    struct State {
        var units: [String: UnitRecord] = [:]
        var users: [String: StoredUser] = [:]
        var tokens: [String: Token] = [:]
        var logins: [LoginAttemptRecord] = []
        var nextID: Int64 = 1
    }

    let state = LockedValue(State())

    func user(id: Int64) -> StoredUser? { state.withLock { $0.users.values.first { $0.record.id == id } } }
}

struct MemoryUnits: UnitStoring {
    let database: MemoryDatabase

    func create(code: String, name: String, kind: UnitRecord.Kind, province: String?) async throws -> UnitRecord {
        try database.state.withLock { state in
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
        let units = database.state.withLock { $0.units.values.filter { province == nil || $0.province == province } }
        return Page(items: units.sorted { $0.code < $1.code }, nextCursor: nil)
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
        return Page(items: users.sorted { $0.username < $1.username }, nextCursor: nil)
    }

    func adminExists() async throws -> Bool {
        database.state.withLock { $0.users.values.contains { $0.record.active && $0.record.roles.contains(.admin) } }
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

/// No integration accounts: every key is unknown.
struct NoAPIKeys: APIKeyStoring {
    func create(userID: Int64, name: String, expiresAt: Date?, createdBy: Int64) async throws -> (APIKeyRecord, key: String) {
        throw StoreError.invalid(field: "username", reason: "API keys are not kept by the in-memory stores")
    }
    func list(userID: Int64) async throws -> [APIKeyRecord] { [] }
    func revoke(userID: Int64, keyID: Int64) async throws -> String? { nil }
    func principal(keyHash: String, now: Date) async throws -> (principal: Principal, expiresAt: Date?)? { nil }
}

struct MemoryLoginAudit: LoginAuditStoring {
    let database: MemoryDatabase

    func record(username: String, outcome: LoginAttemptRecord.Outcome, clientAddress: String?, userAgent: String?, at: Date) async throws {
        database.state.withLock { state in
            state.logins.append(.init(
                id: Int64(state.logins.count + 1), at: at, username: username, outcome: outcome, clientAddress: clientAddress, userAgent: userAgent))
        }
    }

    func list(
        province: String?, username: String?, outcome: LoginAttemptRecord.Outcome?, since: Date?, limit: Int, cursor: String?
    ) async throws -> Page<LoginAttemptRecord> {
        let attempts = database.state.withLock { state in
            state.logins.reversed().filter { attempt in
                (province == nil || state.users[attempt.username]?.record.province == province)
                    && (username == nil || attempt.username == username) && (outcome == nil || attempt.outcome == outcome)
            }
        }
        return Page(items: Array(attempts), nextCursor: nil)
    }

    func purgeExpired() async throws -> Int { 0 }
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

    func list(search: String?, field: String?, limit: Int, cursor: String?) async throws -> Page<ProcedureRecord> {
        Page(items: versions.withLock { $0.values.compactMap(\.last).sorted { $0.definition.code < $1.definition.code } }, nextCursor: nil)
    }
}

/// The national calendar's corrections.
struct MemoryCalendar: CalendarStoring {
    let days = LockedValue<[LocalDate: CalendarDay]>([:])

    func overrides() async throws -> [CalendarDay] { days.withLock { $0.values.sorted { $0.date < $1.date } } }
    func put(_ day: CalendarDay, by userID: Int64) async throws { days.withLock { $0[day.date] = day } }
    func delete(_ date: LocalDate) async throws { days.withLock { $0[date] = nil } }
}
