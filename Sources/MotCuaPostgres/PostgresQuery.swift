/// SQL with bound parameters, written with string interpolation.
///
/// Every interpolated value becomes a `$n` placeholder bound in text format, so values are never
/// spliced into SQL:
///
/// ```swift
/// let query: PostgresQuery = "SELECT * FROM dossiers WHERE id = \(id) AND status = \(status)"
/// ```
///
/// Queries compose: interpolating or appending another `PostgresQuery` renumbers its placeholders,
/// which is how list filters build a dynamic `WHERE`. SQL text is kept as the literal pieces
/// between parameters, so renumbering never has to scan SQL for `$n` (which could sit inside a
/// string literal or a `$$` body).
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// SQL pieces around the parameters: `pieces.count == binds.count + 1`.
    private var pieces: [String]
    /// The text form of each parameter, nil for SQL NULL.
    public private(set) var binds: [String?]
    /// The first encoding failure; reported when the query runs, because interpolation cannot throw.
    var encodingError: (any Error & Sendable)?

    /// Creates a query from SQL you trust (a constant, or SQL read from a migration file).
    public init(unsafeSQL sql: String) {
        self.pieces = [sql]
        self.binds = []
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.query
    }

    /// The SQL with `$1`, `$2`, ... placeholders.
    public var sql: String {
        guard pieces.count > 1 else { return pieces[0] }
        var text = pieces[0]
        for index in 1..<pieces.count {
            text += "$\(index)"
            text += pieces[index]
        }
        return text
    }

    /// The SQL only: parameter values never appear in descriptions or logs.
    public var description: String { sql }

    /// Appends trusted SQL text (a keyword, a fixed column name).
    public mutating func append(unescaped sql: String) {
        pieces[pieces.count - 1] += sql
    }

    /// Appends one bound parameter. Text with U+0000 is refused (SQLSTATE 22021, as PostgreSQL refuses
    /// it): libpq passes parameters as C strings and would silently store only what precedes it.
    public mutating func append(bind value: some PostgresEncodable) {
        do {
            let text = try value.postgresText()
            if let text, text.utf8.contains(0) {
                binds.append(nil)
                if encodingError == nil {
                    encodingError = PostgresError(
                        code: .other, sqlState: "22021", message: "a text parameter contains the NUL character (U+0000)")
                }
            } else {
                binds.append(text)
            }
        } catch {
            binds.append(nil)
            if encodingError == nil { encodingError = PostgresError(code: .other, message: "cannot encode \(type(of: value)): \(error)") }
        }
        pieces.append("")
    }

    /// Appends another query; its parameters are renumbered after this query's.
    public mutating func append(_ other: PostgresQuery) {
        pieces[pieces.count - 1] += other.pieces[0]
        pieces += other.pieces.dropFirst()
        binds += other.binds
        if encodingError == nil { encodingError = other.encodingError }
    }

    /// Joins queries with a trusted separator, for example `" AND "` between filter clauses.
    public static func joined(_ queries: [PostgresQuery], separator: String) -> PostgresQuery {
        var result = PostgresQuery(unsafeSQL: "")
        for (index, query) in queries.enumerated() {
            if index > 0 { result.append(unescaped: separator) }
            result.append(query)
        }
        return result
    }

    /// Concatenates two queries, renumbering the right-hand side's parameters.
    public static func + (lhs: PostgresQuery, rhs: PostgresQuery) -> PostgresQuery {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// Appends a query in place.
    public static func += (lhs: inout PostgresQuery, rhs: PostgresQuery) {
        lhs.append(rhs)
    }

    /// Builds a `PostgresQuery` from a string literal with interpolations.
    public struct StringInterpolation: StringInterpolationProtocol {
        var query: PostgresQuery

        public init(literalCapacity: Int, interpolationCount: Int) {
            query = PostgresQuery(unsafeSQL: "")
            query.pieces.reserveCapacity(interpolationCount + 1)
            query.binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            query.append(unescaped: literal)
        }

        /// Binds a value as the next `$n` parameter (Optional nil binds NULL).
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            query.append(bind: value)
        }

        /// Binds an optional value; nil binds NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            query.append(bind: value)
        }

        /// Splices another query, renumbering its parameters.
        public mutating func appendInterpolation(_ other: PostgresQuery) {
            query.append(other)
        }

        /// Splices trusted SQL text verbatim; never pass user input.
        public mutating func appendInterpolation(unescaped sql: String) {
            query.append(unescaped: sql)
        }
    }
}
