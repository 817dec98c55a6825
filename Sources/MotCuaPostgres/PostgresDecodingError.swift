/// A column value could not be decoded into the requested Swift type.
///
/// The message names the column and the Swift type but never the value, which may be personal data.
public struct PostgresDecodingError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The column is SQL NULL and the target type is not Optional.
        case unexpectedNull
        /// The text could not be parsed as the target type.
        case typeMismatch
        /// No column has this name, or the index is out of range.
        case missingColumn
    }

    /// What went wrong.
    public var kind: Kind
    /// The column's name (or the requested name for `.missingColumn`).
    public var column: String
    /// The column's zero-based index, if known.
    public var index: Int?
    /// The Swift type requested.
    public var targetType: String
    /// The PostgreSQL type OID of the column, if known.
    public var postgresTypeOID: UInt32?
    /// Extra context from the decoder (never the value).
    public var reason: String?

    /// Creates a decoding error.
    public init(
        kind: Kind, column: String, index: Int? = nil, targetType: String, postgresTypeOID: UInt32? = nil,
        reason: String? = nil
    ) {
        self.kind = kind
        self.column = column
        self.index = index
        self.targetType = targetType
        self.postgresTypeOID = postgresTypeOID
        self.reason = reason
    }

    public var description: String {
        var text = "PostgresDecodingError(\(kind), column: \"\(column)\""
        if let index { text += " #\(index)" }
        text += ", as: \(targetType)"
        if let postgresTypeOID { text += ", oid: \(postgresTypeOID)" }
        if let reason { text += ", reason: \(reason)" }
        return text + ")"
    }
}

/// Thrown by `PostgresDecodable` conformances when the text is not a valid value of the type.
///
/// Row decoding wraps it into a `PostgresDecodingError` that names the column.
public struct PostgresTextFormatError: Error, Sendable {
    /// Why the text was rejected (never the text itself).
    public var reason: String
    /// Creates the error.
    public init(_ reason: String) { self.reason = reason }
}
