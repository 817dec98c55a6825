import Foundation
import MotCuaDomain
import MotCuaPostgres

/// A published version of a procedure.
public struct ProcedureRecord: Sendable, Equatable {
    public var definition: ProcedureDefinition
    public var version: Int
    public var publishedAt: Date

    public init(definition: ProcedureDefinition, version: Int, publishedAt: Date) {
        self.definition = definition
        self.version = version
        self.publishedAt = publishedAt
    }
}

/// The procedure catalog: every version kept, one current version per code.
public struct ProcedureStore: Sendable {
    let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// Publishes `definition` as the next version of its code (version 1 when new). Concurrent
    /// publications of one code serialise on the catalog row, so versions never collide.
    public func publish(_ definition: ProcedureDefinition, by userID: Int64?) async throws -> ProcedureRecord {
        try await pool.withTransaction { tx in
            let current = try await tx.query("SELECT current_version FROM procedures WHERE code = \(definition.code) FOR UPDATE")
                .first?.decode(Int.self, at: 0)
            let version = (current ?? 0) + 1
            let d = definition
            let row = try await tx.query("""
                INSERT INTO procedure_versions AS v (code, version, name, field, processing_value, processing_unit, cutoff_time,
                    fee_amount, fee_description, documents, steps, online_level, legal_basis, result, published_by)
                VALUES (\(d.code), \(version), \(d.name), \(d.field), \(d.processingTime.value), \(d.processingTime.unit.rawValue),
                    \(d.cutoff.description), \(d.feeAmount), \(d.feeDescription), \(PostgresJSON(d.documents))::jsonb,
                    \(PostgresJSON(d.steps))::jsonb, \(d.onlineLevel.rawValue), \(d.legalBasis), \(d.result), \(userID))
                RETURNING \(unescaped: Self.columns)
                """).first!
            try await tx.query("""
                INSERT INTO procedures (code, current_version, name, field) VALUES (\(d.code), \(version), \(d.name), \(d.field))
                ON CONFLICT (code) DO UPDATE SET current_version = EXCLUDED.current_version, name = EXCLUDED.name, field = EXCLUDED.field
                """)
            return try Self.decode(row)
        }
    }

    /// The current version, or `version` when given.
    public func get(code: String, version: Int?) async throws -> ProcedureRecord? {
        let query: PostgresQuery = if let version {
            Self.versionQuery(code: code, version: version)
        } else {
            """
            SELECT \(unescaped: Self.columns) FROM procedures p JOIN procedure_versions v ON v.code = p.code AND v.version = p.current_version
            WHERE p.code = \(code)
            """
        }
        return try await pool.query(query).first.map(Self.decode)
    }

    /// The words of a search (`q`) that take part in it: single characters match nearly everything and
    /// cannot use the trigram indexes, so they are ignored; past 8 words the rest are too.
    public static func searchWords(_ search: String?) -> [String] {
        Array((search ?? "").split(whereSeparator: \.isWhitespace).filter { $0.count >= 2 }.prefix(8).map(String.init))
    }

    /// Current versions ordered by code. Every word of `search` must occur in the code or the
    /// accent-folded name (served by the trigram index on `procedures.search_text`).
    public func list(search: String?, field: String?, limit: Int, cursor: String?) async throws -> Page<ProcedureRecord> {
        let after = try cursor.map { try PageCursor(decoding: $0, count: 1).values[0] }
        var query: PostgresQuery = """
            SELECT \(unescaped: Self.columns) FROM procedures p JOIN procedure_versions v ON v.code = p.code AND v.version = p.current_version
            WHERE true
            """
        for word in Self.searchWords(search) {
            query += " AND p.search_text LIKE '%' || motcua_fold(\(Self.escapeLike(word))) || '%'"
        }
        if let field { query += " AND p.field = \(field)" }
        if let after { query += " AND p.code > \(after)" }
        query += " ORDER BY p.code LIMIT \(limit + 1)"
        let records = try await pool.query(query).map(Self.decode)
        return Page(fetched: records, limit: limit) { [$0.definition.code] }
    }

    /// Version `version` of procedure `code`, as `decode` reads it.
    static func versionQuery(code: String, version: Int) -> PostgresQuery {
        "SELECT \(unescaped: columns) FROM procedure_versions v WHERE v.code = \(code) AND v.version = \(version)"
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    static let columns = """
        v.code, v.version, v.name, v.field, v.processing_value, v.processing_unit, v.cutoff_time, v.fee_amount,
        v.fee_description, v.documents, v.steps, v.online_level, v.legal_basis, v.result, v.published_at
        """

    static func decode(_ row: PostgresRow) throws -> ProcedureRecord {
        let (code, version, name, field, value, unit, cutoff) = try row.decode((String, Int, String, String, Int, String, String).self)
        let documents = try row.decode(PostgresJSON<[ProcedureDefinition.Document]>.self, at: 9).value
        let steps = try row.decode(PostgresJSON<[ProcedureDefinition.Step]>.self, at: 10).value
        let definition = ProcedureDefinition(
            code: code, name: name, field: field,
            processingTime: ProcessingTime(value: value, unit: ProcessingTime.Unit(rawValue: unit) ?? .workingDays) ?? .workingDays(0),
            cutoff: LocalTime(iso: cutoff) ?? .defaultCutoff,
            feeAmount: try row.decode(Int64.self, at: 7), feeDescription: try row.decode(String.self, at: 8),
            documents: documents, steps: steps,
            onlineLevel: ProcedureDefinition.OnlineLevel(rawValue: try row.decode(String.self, at: 11)) ?? .none,
            legalBasis: try row.decode(String.self, at: 12), result: try row.decode(String.self, at: 13))
        return ProcedureRecord(definition: definition, version: version, publishedAt: try row.decode(Date.self, at: 14))
    }
}
