import ArgumentParser
import Foundation
import MotCuaClient
import MotCuaFoundation

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people.
    case table
    /// The API's JSON, pretty-printed, for `jq`.
    case json
    /// RFC 4180 CSV with a header row, for spreadsheets.
    case csv
}

/// One column of a table or CSV rendering.
struct Column<Row>: Sendable {
    var header: String
    var value: @Sendable (Row) -> String

    init(_ header: String, _ value: @escaping @Sendable (Row) -> String) {
        self.header = header
        self.value = value
    }

    /// A column of an evaluation report, as the server writes it in CSV.
    init(_ column: ReportColumn<Row>) {
        self.init(column.header, column.cell)
    }
}

/// Prints rows as a table, JSON or CSV.
enum Output {
    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A list: one table or CSV row per item; JSON is an array of the items.
    static func list<Row: Encodable>(_ rows: [Row], columns: [Column<Row>], format: OutputFormat) throws {
        switch format {
        case .json: try printJSON(rows)
        case .csv: print(csv(header: columns.map(\.header), rows: rows.map { row in columns.map { $0.value(row) } }), terminator: "")
        case .table: print(table(header: columns.map(\.header), rows: rows.map { row in columns.map { $0.value(row) } }), terminator: "")
        }
    }

    /// One object: a two-column field/value table, a one-row CSV, or the JSON object.
    static func single<Row: Encodable>(_ row: Row, columns: [Column<Row>], format: OutputFormat) throws {
        switch format {
        case .json: try printJSON(row)
        case .csv: try list([row], columns: columns, format: .csv)
        case .table:
            print(table(header: nil, rows: columns.map { [$0.header, $0.value(row)] }), terminator: "")
        }
    }

    /// One value per line (JSON Lines): compact, keys sorted.
    static let lineEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func printJSON<Value: Encodable>(_ value: Value) throws {
        print(String(decoding: try jsonEncoder.encode(value), as: UTF8.self))
    }

    /// RFC 4180 records, formulas neutralised (`CSV`).
    static func csv(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(CSV.record).joined()
    }

    /// Columns padded to their widest cell (cells cut at 60 characters, control characters dropped,
    /// line breaks shown as spaces: `TerminalText`).
    static func table(header: [String]?, rows: [[String]]) -> String {
        let cells = rows.map { $0.map(tableCell) }
        let all = (header.map { [$0.map { $0.uppercased() }] } ?? []) + cells
        guard let columnCount = all.map(\.count).max(), columnCount > 0 else { return "" }
        var widths = [Int](repeating: 0, count: columnCount)
        for row in all { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        var out = ""
        for row in all {
            let padded = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            out += padded.joined(separator: "  ") + "\n"
        }
        if header != nil && rows.isEmpty { out += "(none)\n" }
        return out
    }

    static func tableCell(_ text: String) -> String {
        let flat = TerminalText.sanitized(text)
        return flat.count > 60 ? String(flat.prefix(59)) + "…" : flat
    }

    /// `2026-02-13T09:00:00Z`.
    static func timestamp(_ date: Date?) -> String {
        date.map { $0.formatted(.iso8601) } ?? ""
    }
}
