/// One column of an evaluation report as a table: its header in English (snake_case, stable for
/// spreadsheets and scripts) and in Vietnamese, and its cell.
public struct ReportColumn<Row>: Sendable {
    /// The English header: snake_case, stable for spreadsheets and scripts.
    public let header: String
    /// The Vietnamese header.
    public let vietnameseHeader: String
    /// The cell's text for one row.
    public let cell: @Sendable (Row) -> String

    /// A column with its two headers and its cell.
    public init(_ header: String, _ vietnameseHeader: String, _ cell: @escaping @Sendable (Row) -> String) {
        self.header = header
        self.vietnameseHeader = vietnameseHeader
        self.cell = cell
    }

    /// The same column read from a row that contains `Row`.
    public func on<Outer>(_ part: @escaping @Sendable (Outer) -> Row) -> ReportColumn<Outer> {
        let cell = self.cell
        return ReportColumn<Outer>(header, vietnameseHeader) { cell(part($0)) }
    }
}
