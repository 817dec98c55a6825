public import Foundation

/// A Swift value that can be decoded from a column in PostgreSQL's text output format.
///
/// Conform a domain type from another module with one initializer, for example a `date` column:
/// `extension LocalDate: PostgresDecodable { public init(postgresText: String) throws { ... } }`.
/// Throw `PostgresTextFormatError` for malformed text; the row adds the column name.
public protocol PostgresDecodable {
    /// Parses the column's text (never called for SQL NULL).
    init(postgresText text: String) throws
    /// The value SQL NULL decodes to, or nil when NULL is an error (the default; Optional overrides it).
    static var postgresNullValue: Self? { get }
}

extension PostgresDecodable {
    /// NULL is an error for non-optional types.
    public static var postgresNullValue: Self? { nil }
}

extension String: PostgresDecodable {
    /// The text as is (also right for `date`, `time`, `interval` and enum columns).
    public init(postgresText text: String) { self = text }
}

extension Int: PostgresDecodable {
    /// `int2`, `int4` or `int8` digits.
    public init(postgresText text: String) throws {
        guard let value = Int(text) else { throw PostgresTextFormatError("not an integer") }
        self = value
    }
}

extension Int32: PostgresDecodable {
    /// `int2` or `int4` digits.
    public init(postgresText text: String) throws {
        guard let value = Int32(text) else { throw PostgresTextFormatError("not a 32-bit integer") }
        self = value
    }
}

extension Int64: PostgresDecodable {
    /// `int8` digits.
    public init(postgresText text: String) throws {
        guard let value = Int64(text) else { throw PostgresTextFormatError("not a 64-bit integer") }
        self = value
    }
}

extension Bool: PostgresDecodable {
    /// `t`/`f` (also `true`/`false`).
    public init(postgresText text: String) throws {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw PostgresTextFormatError("not a boolean")
        }
    }
}

extension Double: PostgresDecodable {
    /// `float8`, `float4`, `Infinity` and `NaN`; use `Decimal` for `numeric`.
    public init(postgresText text: String) throws {
        guard let value = Double(text) else { throw PostgresTextFormatError("not a double") }
        self = value
    }
}

extension Decimal: PostgresDecodable {
    /// `numeric` text, parsed exactly (never through `Double`).
    public init(postgresText text: String) throws {
        guard let value = Decimal(string: text, locale: nil), !value.isNaN || text == "NaN" else {
            throw PostgresTextFormatError("not a numeric")
        }
        self = value
    }
}

extension Date: PostgresDecodable {
    /// `timestamptz` (or `timestamp`, read as UTC) with microseconds; `infinity` is an error.
    public init(postgresText text: String) throws { self = try PostgresTimestamp.parse(text) }
}

extension UUID: PostgresDecodable {
    /// The canonical 36-character form, any case.
    public init(postgresText text: String) throws {
        guard let value = UUID(uuidString: text) else { throw PostgresTextFormatError("not a uuid") }
        self = value
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    /// Decodes the wrapped type; NULL becomes nil.
    public init(postgresText text: String) throws { self = .some(try Wrapped(postgresText: text)) }
    /// NULL is nil.
    public static var postgresNullValue: Self? { .some(.none) }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// A one-dimensional array literal (`text[]`, `int[]`, `uuid[]`, ...); NULL elements need an
    /// Optional element type.
    public init(postgresText text: String) throws {
        self = try PostgresArrayLiteral.parse(text).map { element in
            if let element { return try Element(postgresText: element) }
            guard let null = Element.postgresNullValue else {
                throw PostgresTextFormatError("array has a NULL element; use an Optional element type")
            }
            return null
        }
    }
}
