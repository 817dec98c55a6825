internal import CLibPQ

/// The rows of one query result, copied out of the `PGresult` before it was cleared.
///
/// Decoding is eager and the values are plain Swift strings, so rows are `Sendable` and can
/// outlive the connection; decode them into typed values with `PostgresRow.decode`.
public struct PostgresRows: Sendable, RandomAccessCollection {
    final class Storage: Sendable {
        let columns: [String]
        let columnTypes: [UInt32]
        /// Row-major cells; nil is SQL NULL.
        let cells: [String?]
        let rowCount: Int
        let affectedRows: Int?
        let commandTag: String

        init(columns: [String], columnTypes: [UInt32], cells: [String?], rowCount: Int, affectedRows: Int?, commandTag: String) {
            self.columns = columns
            self.columnTypes = columnTypes
            self.cells = cells
            self.rowCount = rowCount
            self.affectedRows = affectedRows
            self.commandTag = commandTag
        }

        func columnIndex(_ name: String) -> Int? {
            // A linear scan beats hashing for the handful of columns a query returns.
            columns.firstIndex(of: name)
        }
    }

    let storage: Storage

    /// Column names, in result order.
    public var columns: [String] { storage.columns }
    /// Rows affected by INSERT/UPDATE/DELETE/MERGE (or rows returned by SELECT), from `PQcmdTuples`.
    public var affectedRows: Int { storage.affectedRows ?? storage.rowCount }
    /// The command tag, for example `INSERT 0 1` or `SELECT 3`.
    public var commandTag: String { storage.commandTag }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }

    public subscript(position: Int) -> PostgresRow {
        precondition(position >= 0 && position < storage.rowCount, "row index out of range")
        return PostgresRow(storage: storage, offset: position * storage.columns.count)
    }

    /// Copies a successful result while it is still alive (the caller clears it).
    init(copying result: OpaquePointer) {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var columns: [String] = []
        var types: [UInt32] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<Int32(columnCount) {
            columns.append(String(cString: PQfname(result, column)))
            types.append(UInt32(PQftype(result, column)))
        }
        var cells: [String?] = []
        cells.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) == 1 {
                    cells.append(nil)
                } else {
                    let length = Int(PQgetlength(result, row, column))
                    let bytes = UnsafeRawBufferPointer(start: PQgetvalue(result, row, column), count: length)
                    cells.append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        let tuples = String(cString: PQcmdTuples(result))
        storage = Storage(
            columns: columns, columnTypes: types, cells: cells, rowCount: rowCount, affectedRows: Int(tuples),
            commandTag: String(cString: PQcmdStatus(result)))
    }

    /// An empty result, for commands that return nothing.
    static let empty = PostgresRows(storage: Storage(columns: [], columnTypes: [], cells: [], rowCount: 0, affectedRows: 0, commandTag: ""))

    init(storage: Storage) { self.storage = storage }
}

/// One row of a `PostgresRows`.
public struct PostgresRow: Sendable {
    let storage: PostgresRows.Storage
    let offset: Int

    /// Column names, in result order.
    public var columns: [String] { storage.columns }

    /// True when the column at `index` is SQL NULL.
    public func isNull(at index: Int) -> Bool { storage.cells[offset + index] == nil }

    /// The raw text of a column (nil for NULL), for diagnostics and custom parsing.
    public func text(at index: Int) -> String? { storage.cells[offset + index] }

    /// Decodes the column at a zero-based index.
    /// - Throws: `PostgresDecodingError` naming the column (NULL into a non-Optional, bad text).
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, at index: Int) throws -> T {
        guard index >= 0, index < storage.columns.count else {
            throw PostgresDecodingError(kind: .missingColumn, column: "#\(index)", index: index, targetType: "\(T.self)")
        }
        guard let text = storage.cells[offset + index] else {
            if let null = T.postgresNullValue { return null }
            throw error(.unexpectedNull, index: index, type: T.self, reason: nil)
        }
        do {
            return try T(postgresText: text)
        } catch let failure as PostgresTextFormatError {
            throw error(.typeMismatch, index: index, type: T.self, reason: failure.reason)
        } catch {
            // Errors from conformances (for example DecodingError from JSON) carry no value text.
            throw self.error(.typeMismatch, index: index, type: T.self, reason: "\(error)")
        }
    }

    /// Decodes the column with this name.
    /// - Throws: `PostgresDecodingError` (`.missingColumn` when no column has that name).
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws -> T {
        guard let index = storage.columnIndex(column) else {
            throw PostgresDecodingError(kind: .missingColumn, column: column, targetType: "\(T.self)")
        }
        return try decode(T.self, at: index)
    }

    /// Decodes the leading columns into a tuple: `let (id, name) = try row.decode((Int, String).self)`.
    public func decode<each T: PostgresDecodable>(_ types: (repeat each T).Type) throws -> (repeat each T) {
        var index = 0
        func next<U: PostgresDecodable>(_: U.Type) throws -> U {
            defer { index += 1 }
            return try decode(U.self, at: index)
        }
        return (repeat try next((each T).self))
    }

    private func error<T>(_ kind: PostgresDecodingError.Kind, index: Int, type: T.Type, reason: String?) -> PostgresDecodingError {
        PostgresDecodingError(
            kind: kind, column: storage.columns[index], index: index, targetType: "\(T.self)",
            postgresTypeOID: storage.columnTypes[index], reason: reason)
    }
}
