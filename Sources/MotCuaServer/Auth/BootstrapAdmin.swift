import Logging
import MotCuaDomain
import MotCuaPostgres
import MotCuaStore

/// Creates the first admin (from `MOTCUA_BOOTSTRAP_ADMIN` or `motcua-server create-admin`) when the
/// database has none, together with a province unit for it when there is no unit at all. It is also a
/// national admin: someone must be able to publish the catalog and correct the calendar.
struct BootstrapAdmin {
    let pool: PostgresPool
    let passwords: PasswordHasher
    let logger: Logger

    /// Returns false when an admin already existed and nothing was created.
    @discardableResult
    func ensure(username: String, password: String, unitCode: String? = nil) async throws -> Bool {
        let users = UserStore(pool: pool)
        guard try await !users.adminExists() else { return false }
        guard password.count >= 10 else { throw ConfigurationError(variable: "admin password", reason: "needs at least 10 characters") }
        let unit = try await provinceUnit(unitCode)
        _ = try await users.create(
            username: username.lowercased(), fullName: "Administrator", unitCode: unit, roles: [.admin, .nationalAdmin],
            passwordHash: try await passwords.hash(password))
        logger.notice("created the bootstrap admin", metadata: ["username": "\(username)", "unit": "\(unit)"])
        return true
    }

    /// The given unit, the first province unit, or a new placeholder province `PROVINCE`.
    private func provinceUnit(_ code: String?) async throws -> String {
        if let code { return code }
        let existing = try await pool.query("SELECT code FROM units WHERE kind = 'province' ORDER BY code LIMIT 1")
        if let row = existing.first { return try row.decode(String.self, at: 0) }
        return try await UnitStore(pool: pool).create(code: "PROVINCE", name: "Province", kind: .province, province: nil).code
    }
}
