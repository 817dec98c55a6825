import MotCuaDomain

/// The authenticated caller: who they are, their unit and province, and their roles.
///
/// What the caller may see and do is decided by the access policy (`AccessPolicy.swift`); which
/// dossier actions each role may take, by the domain's `DossierRules`.
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

    /// True when the caller has at least one of `roles` (admin has them all but `national_admin`).
    public func has(anyOf roles: Set<Role>) -> Bool {
        !self.roles.isDisjoint(with: roles) || (isAdmin && roles.contains { $0 != .nationalAdmin })
    }
}
