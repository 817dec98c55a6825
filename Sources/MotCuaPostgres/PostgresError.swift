internal import CLibPQ

/// An error reported by PostgreSQL, by libpq, or by the pool.
///
/// `description` is deliberately terse and never contains bound parameter values or the server's
/// `detail` (which can echo row data such as an ID number); `debugDescription` has everything
/// PostgreSQL said and is meant for logs at debug level only.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// A small classification of SQLSTATEs and client-side failures that callers branch on.
    public enum Code: Sendable, Hashable {
        /// 23505 unique_violation.
        case uniqueViolation
        /// 23503 foreign_key_violation.
        case foreignKeyViolation
        /// 23502 not_null_violation.
        case notNullViolation
        /// 23514 check_violation.
        case checkViolation
        /// 22P02 invalid_text_representation (for example a malformed uuid or integer).
        case invalidTextRepresentation
        /// 42601 syntax_error.
        case syntaxError
        /// 40001 serialization_failure; `withTransaction` retries it.
        case serializationFailure
        /// 40P01 deadlock_detected; `withTransaction` retries it.
        case deadlock
        /// 57014 query_canceled (statement timeout, or a cancel not caused by task cancellation).
        case queryCanceled
        /// The connection is gone: SQLSTATE class 08, 57P01-57P03, or libpq's `CONNECTION_BAD`.
        case connectionLost
        /// No connection became free within the pool's acquire timeout.
        case poolTimeout
        /// The pool is closed (or closing) and hands out no more connections.
        case poolClosed
        /// Establishing a connection failed.
        case connectFailed
        /// Anything else; look at `sqlState`.
        case other

        /// Classifies a five-character SQLSTATE.
        public init(sqlState: String) {
            switch sqlState {
            case "23505": self = .uniqueViolation
            case "23503": self = .foreignKeyViolation
            case "23502": self = .notNullViolation
            case "23514": self = .checkViolation
            case "22P02": self = .invalidTextRepresentation
            case "42601": self = .syntaxError
            case "40001": self = .serializationFailure
            case "40P01": self = .deadlock
            case "57014": self = .queryCanceled
            case "57P01", "57P02", "57P03": self = .connectionLost
            default: self = sqlState.hasPrefix("08") ? .connectionLost : .other
            }
        }
    }

    /// The classification callers branch on.
    public var code: Code
    /// The five-character SQLSTATE, when the server sent one.
    public var sqlState: String?
    /// The primary message (from the server, libpq or the pool).
    public var message: String
    /// The server's DETAIL field; may contain row values, so it is only in `debugDescription`.
    public var detail: String?
    /// The server's HINT field.
    public var hint: String?
    /// The violated constraint's name, for integrity errors.
    public var constraint: String?
    /// The table involved, when the server reports one.
    public var table: String?
    /// The column involved, when the server reports one.
    public var column: String?

    /// Creates an error; mostly used by this module, public so tests and fakes can build one.
    public init(
        code: Code, sqlState: String? = nil, message: String, detail: String? = nil, hint: String? = nil,
        constraint: String? = nil, table: String? = nil, column: String? = nil
    ) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    /// True for errors a whole transaction may be retried after (40001, 40P01).
    public var isRetryableTransactionFailure: Bool {
        code == .serializationFailure || code == .deadlock
    }

    public var description: String {
        var text = "PostgresError(\(code)"
        if let sqlState { text += ", sqlState: \(sqlState)" }
        if let constraint { text += ", constraint: \(constraint)" }
        return text + ")"
    }

    public var debugDescription: String {
        var text = "PostgresError(code: \(code), sqlState: \(sqlState ?? "-"), message: \(message)"
        if let detail { text += ", detail: \(detail)" }
        if let hint { text += ", hint: \(hint)" }
        if let constraint { text += ", constraint: \(constraint)" }
        if let table { text += ", table: \(table)" }
        if let column { text += ", column: \(column)" }
        return text + ")"
    }
}

extension PostgresError {
    /// Builds an error from a failed result's diagnostic fields.
    init(result: OpaquePointer, connection: OpaquePointer?) {
        func field(_ code: Int32) -> String? {
            guard let value = PQresultErrorField(result, code) else { return nil }
            return String(cString: value)
        }
        let sqlState = field(DiagnosticField.sqlState)
        var message = field(DiagnosticField.messagePrimary)
        if message == nil, let text = PQresultErrorMessage(result) { message = String(cString: text) }
        self.init(
            code: sqlState.map(Code.init(sqlState:)) ?? .other, sqlState: sqlState,
            message: Self.trimmed(message ?? "unknown error"), detail: field(DiagnosticField.messageDetail),
            hint: field(DiagnosticField.messageHint), constraint: field(DiagnosticField.constraintName),
            table: field(DiagnosticField.tableName), column: field(DiagnosticField.columnName)
        )
        // A FATAL error without SQLSTATE, or one that killed the socket, means the session is gone.
        if let connection, PQstatus(connection) == CONNECTION_BAD { code = .connectionLost }
    }

    /// Builds an error from the connection's last error message (no result available).
    init(connection: OpaquePointer?, code: Code) {
        let text = connection.flatMap { PQerrorMessage($0) }.map { String(cString: $0) } ?? "no connection"
        var code = code
        if let connection, PQstatus(connection) == CONNECTION_BAD, code == .other { code = .connectionLost }
        self.init(code: code, message: Self.trimmed(text))
    }

    static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

/// libpq's `PG_DIAG_*` field codes: C character-literal macros, which Swift does not import.
enum DiagnosticField {
    static let severity = Int32(UInt8(ascii: "S"))
    static let sqlState = Int32(UInt8(ascii: "C"))
    static let messagePrimary = Int32(UInt8(ascii: "M"))
    static let messageDetail = Int32(UInt8(ascii: "D"))
    static let messageHint = Int32(UInt8(ascii: "H"))
    static let tableName = Int32(UInt8(ascii: "t"))
    static let columnName = Int32(UInt8(ascii: "c"))
    static let constraintName = Int32(UInt8(ascii: "n"))
}
