import Foundation
import MotCuaAPI
import MotCuaFoundation
import OpenAPIRuntime

/// A report as CSV (RFC 4180) for the province's spreadsheets: a UTF-8 byte-order mark so spreadsheet
/// programs read Vietnamese correctly, then `CSV` records (formulas neutralised, fields quoted when they need it).
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
        text += CSV.record(columns.map { vietnamese ? $0.vi : $0.en })
        for row in rows { text += CSV.record(row) }
        return HTTPBody(text)
    }

    /// A number for a cell: empty when not applicable, otherwise up to four decimals.
    static func number(_ value: NullableDouble?) -> String { number(value?.value) }

    /// A number for a cell: empty when not applicable, otherwise up to four decimals.
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.4f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}
