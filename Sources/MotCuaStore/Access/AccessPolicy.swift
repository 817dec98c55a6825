import MotCuaDomain
import MotCuaPostgres

/// The access policy: who may see and do what, in one place for the handlers (the decisions below,
/// which throw `StoreError.forbidden` or, where the caller must not learn that a thing exists,
/// `StoreError.notFound`) and for the stores (the SQL scope of dossier queries).
///
/// Officers act on their own unit's dossiers; admin, national admin, portal and auditor accounts
/// (`Role.provinceWide`) see every unit of their province; national admins administer every province.
extension Principal {
    // MARK: Roles

    /// Passes when the caller holds one of `roles` (admin holds them all but `national_admin`).
    public func authorize(anyOf roles: Set<Role>, to action: String) throws {
        guard has(anyOf: roles) else {
            let names = roles.map(\.rawValue).sorted().joined(separator: " or ")
            throw StoreError.forbidden("Only \(names) may \(action).")
        }
    }

    /// Passes for the accounts that manage units and users: admins and national admins.
    public func authorizeAdministration(to action: String) throws {
        guard isAdmin || isNationalAdmin else { throw StoreError.forbidden("Only admin may \(action).") }
    }

    // MARK: Units and users

    /// A new province is national business; a commune is its province's (a missing province is the
    /// store's 422).
    public func authorizeUnitCreation(kind: UnitRecord.Kind, province: String?) throws {
        switch kind {
        case .province:
            guard isNationalAdmin else { throw StoreError.forbidden("Only national_admin may create a province.") }
        case .commune:
            if let province, !administers(province: province) {
                throw StoreError.forbidden("Admins create communes of their own province only.")
            }
        }
    }

    /// Which users the caller may list, given the unit asked for: a national admin anyone, an admin
    /// their province, a leader their own unit.
    public func userListScope(unit: String?) throws -> (province: String?, unit: String?) {
        if isNationalAdmin { return (nil, unit) }
        if isAdmin { return (province, unit) }
        guard roles.contains(.leader) else { throw StoreError.forbidden("Only admin or leader may list users.") }
        if let unit, unit != unitCode { throw StoreError.forbidden("A leader lists the users of their own unit only.") }
        return (province, unitCode)
    }

    /// Passes when the caller may read `user`: its administrators, the user, and leaders of its unit.
    /// Anyone else is told there is no such user, so nobody learns who exists elsewhere.
    public func authorizeReading(_ user: UserRecord) throws {
        guard administers(province: user.province) || userID == user.id || (roles.contains(.leader) && unitCode == user.unitCode) else {
            throw StoreError.notFound("No user \(user.username).")
        }
    }

    /// Passes when the caller administers `user`: admins of its province (a national admin's account
    /// only national admins). Anyone else is told there is no such user.
    public func authorizeManagement(of user: UserRecord) throws {
        guard administers(province: user.province), isNationalAdmin || !user.roles.contains(.nationalAdmin) else {
            throw StoreError.notFound("No user \(user.username).")
        }
    }

    /// Passes when the caller may give an account `roles` in `unit`: the unit is in a province they
    /// administer, and only a national admin hands out `national_admin`. (Where province-wide roles
    /// may sit is a rule of the domain: `Role.placementViolation`.)
    public func authorizeGranting(_ roles: [Role], in unit: UnitRecord) throws {
        guard administers(province: unit.province) else {
            throw StoreError.forbidden("Admins manage the users of their own province only.")
        }
        if roles.contains(.nationalAdmin) && !isNationalAdmin {
            throw StoreError.forbidden("Only national_admin may grant national_admin.")
        }
    }

    /// The province whose login audit the caller reads (nil: every province, for a national admin).
    public func loginAuditScope() throws -> String? {
        guard isNationalAdmin || has(anyOf: [.admin, .auditor]) else {
            throw StoreError.forbidden("Only admin or auditor may read the login audit.")
        }
        return isNationalAdmin ? nil : province
    }

    // MARK: Evaluation and dossiers

    /// Passes when the caller may see `unit`'s evaluation: province-wide accounts of its province, or
    /// officers of the unit (its leaders only, with `leadersOnly`). A unit of another province is
    /// not found.
    public func authorizeEvaluation(of unit: UnitRecord, leadersOnly: Bool) throws {
        guard unit.province == province else { throw StoreError.notFound("No unit \(unit.code) in your province.") }
        if isProvinceWide { return }
        guard unitCode == unit.code, !leadersOnly || roles.contains(.leader) else {
            throw StoreError.forbidden(
                leadersOnly ? "Only the unit's leaders see its officers' figures." : "Officers see their own unit's evaluation only.")
        }
    }

    /// Passes for the province ranking: province-wide accounts.
    public func authorizeProvinceRanking() throws {
        guard isProvinceWide else { throw StoreError.forbidden("The province ranking is for admin, portal and auditor accounts.") }
    }

    /// Passes when the caller may receive a dossier at `unit`: officers at their own unit,
    /// province-wide accounts at any (whether the unit is in their province is a field check).
    public func authorizeReceiving(at unit: String) throws {
        guard isProvinceWide || unit == unitCode else {
            throw StoreError.forbidden("Officers receive dossiers at their own unit (\(unitCode)).")
        }
    }

    /// Passes when the caller may print a dossier's receipt, which carries its lookup key: the
    /// reception desk and leaders of the unit that received it, and admins (of its province, by the
    /// dossier scope).
    public func authorizeReceipt(receivingUnit: String) throws {
        guard isAdmin || (unitCode == receivingUnit && !roles.isDisjoint(with: [.reception, .leader])) else {
            throw StoreError.forbidden("Only reception and leaders of the receiving unit may print the receipt: it carries the lookup key.")
        }
    }

    /// The dossiers this caller may see, as a condition on `dossiers d`: part of every dossier query,
    /// so another unit's rows are never fetched to be filtered out in Swift.
    var dossierScope: PostgresQuery {
        isProvinceWide ? "d.province = \(province)" : Self.receivedOrHandled(by: unitCode)
    }

    /// Dossiers `unit` received or handles. Written so that each side of the OR has an index (a bitmap
    /// OR of `dossiers_receiving` and the partial `dossiers_cross_handling`): no index covers
    /// `handling_unit` alone, and a plain `receiving_unit = U OR handling_unit = U` read every dossier.
    static func receivedOrHandled(by unit: String) -> PostgresQuery {
        "(d.receiving_unit = \(unit) OR (d.handling_unit = \(unit) AND d.handling_unit <> d.receiving_unit))"
    }

    /// The dossier scope narrowed to a unit filter (nil: none), as OR branches whose conditions each
    /// start with an indexed column (the list runs one indexed query per branch).
    func dossierListBranches(unit: String?) -> [PostgresQuery] {
        // "Handled by U, received elsewhere" states `handling_unit <> receiving_unit` itself, so that the
        // partial indexes `dossiers_cross_handling*` (which hold only such dossiers) serve it.
        if isProvinceWide {
            guard let unit else { return ["d.province = \(province)"] }
            return [
                "d.receiving_unit = \(unit) AND d.province = \(province)",
                "d.handling_unit = \(unit) AND d.handling_unit <> d.receiving_unit AND d.province = \(province)",
            ]
        }
        let own = unitCode
        guard let unit, unit != own else {
            return ["d.receiving_unit = \(own)", "d.handling_unit = \(own) AND d.handling_unit <> d.receiving_unit"]
        }
        // Another unit's dossiers are visible only where the officer's own unit is the other side.
        return [
            "d.receiving_unit = \(unit) AND d.handling_unit = \(own) AND d.handling_unit <> d.receiving_unit",
            "d.handling_unit = \(unit) AND d.handling_unit <> d.receiving_unit AND d.receiving_unit = \(own)",
        ]
    }
}
