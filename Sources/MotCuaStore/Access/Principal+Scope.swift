import MotCuaPostgres

extension Principal {
    /// The dossiers this caller may see, as a condition on `dossiers d`: part of every dossier query,
    /// so another unit's rows are never fetched to be filtered out in Swift.
    var dossierScope: PostgresQuery {
        isProvinceWide
            ? "d.province = \(province)"
            : "(d.receiving_unit = \(unitCode) OR d.handling_unit = \(unitCode))"
    }
}
