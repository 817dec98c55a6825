import Foundation

/// An ISO 8601 week such as `2026-W27` (Monday to Sunday; week 1 holds the year's first Thursday).
///
/// Weekly evaluations (`GET /v1/evaluations/officers?week=2026-W27`) are keyed by it.
/// Encodes as the string form.
public struct IsoWeek: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The ISO week-numbering year (may differ from the calendar year around 1 January).
    public let year: Int
    /// The week number, 1...52 or 53.
    public let week: Int

    /// Creates a week, or `nil` when `year` has no such week.
    public init?(year: Int, week: Int) {
        guard (1...9998).contains(year), (1...IsoWeek.weeksIn(year: year)).contains(week) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week containing `date`.
    public init(containing date: LocalDate) {
        // The week's Thursday decides the week-numbering year.
        let thursday = date.adding(days: 4 - date.weekday.rawValue)
        year = thursday.year
        week = (LocalDate(thursday.year, 1, 1).days(to: thursday)) / 7 + 1
    }

    /// Parses `"YYYY-Www"`, e.g. `"2026-W27"`.
    public init?(iso text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 8, utf8[4] == UInt8(ascii: "-"), utf8[5] == UInt8(ascii: "W"),
              let y = LocalDate.digits(utf8[0..<4]), let w = LocalDate.digits(utf8[6..<8]) else { return nil }
        self.init(year: y, week: w)
    }

    /// The week as `"YYYY-Www"`.
    public var description: String { LocalDate.pad(year, 4) + "-W" + LocalDate.pad(week, 2) }

    /// The Monday that starts the week.
    public var monday: LocalDate {
        let jan4 = LocalDate(year, 1, 4)
        let week1Monday = jan4.adding(days: 1 - jan4.weekday.rawValue)
        return week1Monday.adding(days: (week - 1) * 7)
    }

    /// The seven days of the week, Monday first.
    public var days: [LocalDate] { (0..<7).map { monday.adding(days: $0) } }

    /// The following week.
    public var next: IsoWeek { IsoWeek(containing: monday.adding(days: 7)) }

    /// Orders weeks chronologically.
    public static func < (lhs: IsoWeek, rhs: IsoWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }

    /// Number of ISO weeks (52 or 53) in a week-numbering year.
    public static func weeksIn(year: Int) -> Int {
        // A year has 53 weeks when 28 December falls in week 53, i.e. when its Thursday rule says so.
        IsoWeek(containing: LocalDate(year, 12, 28)).week
    }

    /// Decodes from `"YYYY-Www"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = IsoWeek(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected YYYY-Www, got \(text)")
        }
        self = value
    }

    /// Encodes as `"YYYY-Www"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
