import MotCuaPostgres

extension Principal {
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
}
