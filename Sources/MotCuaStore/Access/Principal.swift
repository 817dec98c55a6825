import MotCuaDomain

/// The authenticated caller: who they are, their unit and province, and their roles.
///
/// Access rules live here and in the SQL scoping helpers, nowhere else: officers act on their own
/// unit's dossiers; `admin`, `portal` and `auditor` accounts are province-wide.
public struct Principal: Sendable, Equatable {
    public var userID: Int64
    public var username: String
    public var fullName: String
    public var unitCode: String
    public var province: String
    public var roles: Set<Role>

    public init(userID: Int64, username: String, fullName: String, unitCode: String, province: String, roles: Set<Role>) {
        self.userID = userID
        self.username = username
        self.fullName = fullName
        self.unitCode = unitCode
        self.province = province
        self.roles = roles
    }

    public var isAdmin: Bool { roles.contains(.admin) }

    public var isNationalAdmin: Bool { roles.contains(.nationalAdmin) }

    /// Admin, national admin, portal and auditor accounts (`Role.provinceWide`) see every unit of their province.
    public var isProvinceWide: Bool { !roles.isDisjoint(with: Role.provinceWide) }

    /// Whether the caller manages units, users and API keys of `province`: its admins, and national
    /// admins anywhere.
    public func administers(province: String) -> Bool {
        isNationalAdmin || (isAdmin && self.province == province)
    }

    /// Whether the caller may print a dossier's receipt, which carries its lookup key: the reception
    /// desk and leaders of the unit that received it, and admins (of its province, by the dossier scope).
    public func mayPrintReceipt(receivingUnit: String) -> Bool {
        isAdmin || (unitCode == receivingUnit && !roles.isDisjoint(with: [.reception, .leader]))
    }

    /// True when the caller has at least one of `roles` (admin has them all but `national_admin`).
    public func has(anyOf roles: Set<Role>) -> Bool {
        !self.roles.isDisjoint(with: roles) || (isAdmin && roles.contains { $0 != .nationalAdmin })
    }
}
