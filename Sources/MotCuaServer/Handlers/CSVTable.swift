import Foundation
import MotCuaAPI
import OpenAPIRuntime

/// A report as CSV (RFC 4180) for the province's spreadsheets: a UTF-8 byte-order mark so spreadsheet
/// programs read Vietnamese correctly, CRLF line ends, fields quoted when they need it.
struct CSVTable {
    /// One column: its English and Vietnamese headers.
    struct Column {
        var en: String
        var vi: String
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [(String, String)]) {
        self.columns = columns.map { Column(en: $0.0, vi: $0.1) }
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    func body(vietnamese: Bool) -> HTTPBody {
        var text = "\u{FEFF}"
        text += columns.map { Self.quote(vietnamese ? $0.vi : $0.en) }.joined(separator: ",") + "\r\n"
        for row in rows { text += row.map(Self.quote).joined(separator: ",") + "\r\n" }
        return HTTPBody(text)
    }

    static func quote(_ field: String) -> String {
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number for a cell: empty when not applicable, otherwise up to four decimals.
    static func number(_ value: NullableDouble?) -> String { number(value?.value) }

    /// A number for a cell: empty when not applicable, otherwise up to four decimals.
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.4f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}
