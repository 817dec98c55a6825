import Foundation
import MotCuaDomain
import MotCuaPostgres
import MotCuaStore
import MotCuaTestSupport

/// Makes what a test needs on the shared database, unique per test: a province with its admin
/// (through the stores, the one thing the API cannot bootstrap); everything else goes through the
/// client under test.
struct Fixtures: Sendable {
    let pool: PostgresPool

    /// A new province `T????????` and an admin of it; returns the province code and admin username.
    func makeProvinceAdmin() async throws -> (province: String, admin: String) {
        let province = Fixture.provinceCode()
        _ = try await UnitStore(pool: pool).create(code: province, name: "Tỉnh thử \(province)", kind: .province, province: nil)
        let admin = Fixture.username("admin")
        _ = try await UserStore(pool: pool).create(
            username: admin, fullName: "Quản trị \(admin)", unitCode: province, roles: [.admin, .nationalAdmin], passwordHash: Fixture.passwordHash)
        return (province, admin)
    }
}
