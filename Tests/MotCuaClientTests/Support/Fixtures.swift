import Foundation
import HummingbirdBcrypt
import MotCuaDomain
import MotCuaPostgres
import MotCuaStore

/// Makes what a test needs on the shared database, unique per test: a province with its admin
/// (through the stores, the one thing the API cannot bootstrap); everything else goes through the
/// client under test.
struct Fixtures: Sendable {
    let pool: PostgresPool

    static let password = "test-password-2026"
    static let passwordHash = Bcrypt.hash(password, cost: 4)

    static func random(_ count: Int, from alphabet: String = "abcdefghijklmnopqrstuvwxyz0123456789") -> String {
        let characters = Array(alphabet)
        return String((0..<count).map { _ in characters.randomElement()! })
    }

    /// A new province `T????????` and an admin of it; returns the province code and admin username.
    func makeProvinceAdmin() async throws -> (province: String, admin: String) {
        let province = "T" + Self.random(8, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        _ = try await UnitStore(pool: pool).create(code: province, name: "Tỉnh thử \(province)", kind: .province, province: nil)
        let admin = "admin." + Self.random(10)
        _ = try await UserStore(pool: pool).create(
            username: admin, fullName: "Quản trị \(admin)", unitCode: province, roles: [.admin, .nationalAdmin], passwordHash: Self.passwordHash)
        return (province, admin)
    }
}
