import MotCuaDomain
import MotCuaPostgres

/// Demo data for `make run` and `motcua-server seed`: a province with two communes, officers of
/// every role, and the real procedures of docs/domain.md §5. Applying it twice changes nothing.
public struct DemoSeed: Sendable {
    /// The password of every demo account (printed at start; change it for anything but a demo).
    public static let password = "motcua-demo-2026"
    public static let province = (code: "H15", name: "Tỉnh Demo")
    public static let communes = [(code: "H15.50.05.13", name: "Xã Tân Phú"), (code: "H15.50.05.14", name: "Xã Hòa Bình")]

    /// (username, full name, unit, roles) of every demo account.
    public static let accounts: [(username: String, fullName: String, unit: String, roles: [Role])] = [
        ("admin", "Quản trị hệ thống", "H15", [.admin, .nationalAdmin]),
        ("portal", "Cổng Dịch vụ công quốc gia", "H15", [.portal]),
        ("thanhtra", "Thanh tra tỉnh", "H15", [.auditor]),
        ("tiepnhan.tanphu", "Nguyễn Văn An", "H15.50.05.13", [.reception]),
        ("lanhdao.tanphu", "Trần Thị Bình", "H15.50.05.13", [.leader]),
        ("chuyenvien.tanphu", "Lê Minh Châu", "H15.50.05.13", [.specialist]),
        ("chuyenvien2.tanphu", "Phạm Thu Dung", "H15.50.05.13", [.specialist]),
        ("tiepnhan.hoabinh", "Hoàng Văn Em", "H15.50.05.14", [.reception]),
        ("lanhdao.hoabinh", "Vũ Thị Giang", "H15.50.05.14", [.leader]),
        ("chuyenvien.hoabinh", "Đặng Quốc Huy", "H15.50.05.14", [.specialist]),
    ]

    let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// Inserts what is missing; `hash` turns the demo password into a stored hash. Returns true when
    /// the demo accounts were created by this call.
    public func apply(passwordHash: String) async throws -> Bool {
        try await pool.withTransaction { tx in
            try await tx.query("""
                INSERT INTO units (code, name, kind, province) VALUES (\(Self.province.code), \(Self.province.name), 'province', \(Self.province.code))
                ON CONFLICT (code) DO NOTHING
                """)
            for commune in Self.communes {
                try await tx.query("""
                    INSERT INTO units (code, name, kind, province) VALUES (\(commune.code), \(commune.name), 'commune', \(Self.province.code))
                    ON CONFLICT (code) DO NOTHING
                    """)
            }
            var created = false
            for account in Self.accounts {
                let rows = try await tx.query("""
                    INSERT INTO users (username, full_name, unit_code, roles, password_hash)
                    VALUES (\(account.username), \(account.fullName), \(account.unit), \(account.roles.map(\.rawValue)), \(passwordHash))
                    ON CONFLICT (username) DO NOTHING RETURNING id
                    """)
                created = created || !rows.isEmpty
            }
            return created
        }
    }

    /// Publishes each demo procedure that the catalog does not have yet.
    public func applyProcedures(store: ProcedureStore) async throws {
        for definition in DemoProcedures.all where try await store.get(code: definition.code) == nil {
            do {
                _ = try await store.publish(definition, by: nil)
            } catch let error as PostgresError where error.code == .uniqueViolation {
                continue  // another instance seeding at the same moment published it first
            }
        }
    }
}
