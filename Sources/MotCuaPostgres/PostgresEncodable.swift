public import Foundation

/// A Swift value that can be bound as a text-format query parameter.
///
/// Conform a domain type from another module by returning PostgreSQL's text input form:
/// `extension LocalDate: PostgresEncodable { public func postgresText() -> String? { iso } }`.
public protocol PostgresEncodable {
    /// The PostgreSQL text input form of the value, or nil for SQL NULL.
    /// - Throws: when the value cannot be represented (for example JSON encoding fails).
    func postgresText() throws -> String?
}

extension String: PostgresEncodable {
    /// The string itself.
    public func postgresText() -> String? { self }
}

extension Substring: PostgresEncodable {
    /// The substring as a string.
    public func postgresText() -> String? { String(self) }
}

extension Int: PostgresEncodable {
    /// Decimal digits.
    public func postgresText() -> String? { String(self) }
}

extension Int32: PostgresEncodable {
    /// Decimal digits.
    public func postgresText() -> String? { String(self) }
}

extension Int64: PostgresEncodable {
    /// Decimal digits.
    public func postgresText() -> String? { String(self) }
}

extension Bool: PostgresEncodable {
    /// `t` or `f`.
    public func postgresText() -> String? { self ? "t" : "f" }
}

extension Double: PostgresEncodable {
    /// Shortest round-tripping digits; infinities and NaN in PostgreSQL's spelling.
    public func postgresText() -> String? {
        if isNaN { return "NaN" }
        if isInfinite { return self > 0 ? "Infinity" : "-Infinity" }
        return String(describing: self)
    }
}

extension Decimal: PostgresEncodable {
    /// Locale-free digits with a `.` separator, for `numeric` columns.
    public func postgresText() -> String? { isNaN ? "NaN" : description }
}

extension Date: PostgresEncodable {
    /// `timestamptz` text in UTC with microseconds.
    public func postgresText() -> String? { PostgresTimestamp.format(self) }
}

extension UUID: PostgresEncodable {
    /// The canonical 36-character form.
    public func postgresText() -> String? { uuidString }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    /// nil binds SQL NULL.
    public func postgresText() throws -> String? {
        guard let self else { return nil }
        return try self.postgresText()
    }
}

extension Array: PostgresEncodable where Element: PostgresEncodable {
    /// A one-dimensional array literal with every element quoted; nil elements become NULL.
    ///
    /// Cast the parameter where PostgreSQL cannot infer the type: `\(ids)::uuid[]`.
    public func postgresText() throws -> String? {
        PostgresArrayLiteral.format(try map { try $0.postgresText() })
    }
}
