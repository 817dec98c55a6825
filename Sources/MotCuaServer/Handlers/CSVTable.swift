import Foundation
import MotCuaAPI
import MotCuaFoundation
import OpenAPIRuntime

/// A report as CSV (RFC 4180) for the province's spreadsheets: a UTF-8 byte-order mark so spreadsheet
/// programs read Vietnamese correctly, then `CSV` records (formulas neutralised, fields quoted when they need it).
enum CSVTable {
    /// The header (English or Vietnamese) and one record per row, in the report's columns (`ReportColumns`).
    static func body<Row>(_ columns: [ReportColumn<Row>], _ rows: [Row], vietnamese: Bool) -> HTTPBody {
        var text = "\u{FEFF}"
        text += CSV.record(columns.map { vietnamese ? $0.vietnameseHeader : $0.header })
        for row in rows { text += CSV.record(columns.map { $0.cell(row) }) }
        return HTTPBody(text)
    }
}
