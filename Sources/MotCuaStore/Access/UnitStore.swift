import Foundation
import MotCuaPostgres

/// A commune or a province. `code` is the agency electronic ID used in dossier codes.
public struct UnitRecord: Sendable, Equatable {
    public enum Kind: String, Sendable { case commune, province }
    public var code: String
    public var name: String
    public var kind: Kind
    public var province: String
    public var createdAt: Date

    public init(code: String, name: String, kind: Kind, province: String, createdAt: Date) {
        self.code = code
        self.name = name
        self.kind = kind
        self.province = province
        self.createdAt = createdAt
    }
}

/// Units: communes and provinces.
public struct UnitStore: Sendable {
    let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// Creates a unit. A province's `province` is itself; a commune's must be an existing province.
    public func create(code: String, name: String, kind: UnitRecord.Kind, province: String?) async throws -> UnitRecord {
        let provinceCode = kind == .province ? code : province
        guard let provinceCode else { throw StoreError.invalid(field: "province", reason: "a commune names its province") }
        if kind == .province, let province, province != code {
            throw StoreError.invalid(field: "province", reason: "a province belongs to itself")
        }
        do {
            let rows = try await pool.query("""
                INSERT INTO units (code, name, kind, province)
                SELECT \(code), \(name), \(kind.rawValue), \(provinceCode)
                WHERE \(kind.rawValue) = 'province' OR EXISTS (SELECT 1 FROM units WHERE code = \(provinceCode) AND kind = 'province')
                RETURNING \(unescaped: Self.columns)
                """)
            guard let row = rows.first else {
                throw StoreError.invalid(field: "province", reason: "no province unit with code \(provinceCode)")
            }
            return try Self.decode(row)
        } catch let error as PostgresError where error.code == .uniqueViolation {
            throw StoreError.conflict(code: "conflict", detail: "A unit with code \(code) exists.")
        }
    }

    public func get(_ code: String) async throws -> UnitRecord? {
        try await pool.query("SELECT \(unescaped: Self.columns) FROM units WHERE code = \(code)").first.map(Self.decode)
    }

    /// Units ordered by code, optionally of one province.
    public func list(province: String?, limit: Int, cursor: String?) async throws -> Page<UnitRecord> {
        let after = try cursor.map { try PageCursor(decoding: $0, count: 1).values[0] }
        var query: PostgresQuery = "SELECT \(unescaped: Self.columns) FROM units WHERE true"
        if let province { query += " AND province = \(province)" }
        if let after { query += " AND code > \(after)" }
        query += " ORDER BY code LIMIT \(limit + 1)"
        let units = try await pool.query(query).map(Self.decode)
        return Page(fetched: units, limit: limit) { [$0.code] }
    }

    static let columns = "code, name, kind, province, created_at"

    static func decode(_ row: PostgresRow) throws -> UnitRecord {
        let (code, name, kind, province, createdAt) = try row.decode((String, String, String, String, Date).self)
        return UnitRecord(code: code, name: name, kind: UnitRecord.Kind(rawValue: kind) ?? .commune, province: province, createdAt: createdAt)
    }
}
