import Foundation

/// A wall-clock time of day to the minute, as in a procedure's cut-off (`"15:00"`) or office hours.
///
/// Encodes as `"HH:mm"`.
public struct LocalTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The hour, 0...23.
    public let hour: Int
    /// The minute, 0...59.
    public let minute: Int

    /// Creates a time, or `nil` when out of range.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Creates a time from literal components; traps when out of range. Meant for constants and tests.
    public init(_ hour: Int, _ minute: Int) {
        guard let time = LocalTime(hour: hour, minute: minute) else {
            preconditionFailure("invalid time \(hour):\(minute)")
        }
        self = time
    }

    /// Parses `"HH:mm"` (a trailing `":00"` seconds part is accepted and ignored when zero).
    public init?(iso text: some StringProtocol) {
        var utf8 = Array(text.utf8)
        if utf8.count == 8, utf8[5] == UInt8(ascii: ":"), utf8[6] == UInt8(ascii: "0"), utf8[7] == UInt8(ascii: "0") {
            utf8.removeLast(3)
        }
        guard utf8.count == 5, utf8[2] == UInt8(ascii: ":"),
              let h = LocalDate.digits(utf8[0..<2]), let m = LocalDate.digits(utf8[3..<5]) else { return nil }
        self.init(hour: h, minute: m)
    }

    /// The default cut-off of Decree 118 practice: acceptances after 15:00 start the clock the next working day.
    public static let defaultCutoff = LocalTime(15, 0)

    /// Minutes since midnight.
    public var minuteOfDay: Int { hour * 60 + minute }

    /// Seconds since midnight.
    public var secondOfDay: Int { minuteOfDay * 60 }

    /// The time as `"HH:mm"`.
    public var description: String { LocalDate.pad(hour, 2) + ":" + LocalDate.pad(minute, 2) }

    /// Orders times within a day.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minuteOfDay < rhs.minuteOfDay }

    /// Decodes from `"HH:mm"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = LocalTime(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected HH:mm, got \(text)")
        }
        self = value
    }

    /// Encodes as `"HH:mm"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
