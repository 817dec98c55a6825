import Foundation
import MotCuaFoundation

/// A calendar date with no time and no time zone, as citizens and officers read it in
/// Asia/Ho_Chi_Minh (due dates, appointment dates, holidays).
///
/// Encodes as `"YYYY-MM-DD"`. Only the proleptic Gregorian calendar is supported, for years 1...9999.
/// Arithmetic goes through a day count since 1970-01-01 so that "add N days" never needs a `Calendar`.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...31.
    public let day: Int

    /// Creates a date, or `nil` when the components do not name a real day (e.g. 2026-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date from literal components; traps on an impossible date.
    ///
    /// Meant for constants and tests (`LocalDate(2026, 2, 17)`); use ``init(year:month:day:)`` for input.
    public init(_ year: Int, _ month: Int, _ day: Int) {
        guard let date = LocalDate(year: year, month: month, day: day) else {
            preconditionFailure("invalid date \(year)-\(month)-\(day)")
        }
        self = date
    }

    /// Creates the date that is `daysSinceEpoch` days after 1970-01-01 (negative before it).
    public init(daysSinceEpoch: Int) {
        let (year, month, day) = CivilDate.fields(days: Int64(daysSinceEpoch))
        self.year = Int(year)
        self.month = Int(month)
        self.day = Int(day)
    }

    /// Number of days from 1970-01-01 to this date (negative before it).
    public var daysSinceEpoch: Int {
        Int(CivilDate.days(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// Parses `"YYYY-MM-DD"` exactly (four-digit year, two-digit month and day).
    public init?(iso text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              let y = LocalDate.digits(utf8[0..<4]), let m = LocalDate.digits(utf8[5..<7]),
              let d = LocalDate.digits(utf8[8..<10]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The date as `"YYYY-MM-DD"`.
    public var description: String {
        LocalDate.pad(year, 4) + "-" + LocalDate.pad(month, 2) + "-" + LocalDate.pad(day, 2)
    }

    /// Orders dates chronologically.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes from a `"YYYY-MM-DD"` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected YYYY-MM-DD, got \(text)")
        }
        self = date
    }

    /// Encodes as a `"YYYY-MM-DD"` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// `value` in decimal with leading zeros up to `width` digits ("07").
    public static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
