import Foundation
import MotCuaFoundation
import OpenAPIRuntime

/// RFC 3339 timestamps as the contract writes them (`2026-10-08T02:30:00Z`, UTC, whole seconds),
/// formatted and parsed by hand. The runtime's default goes through a locked `ISO8601DateFormatter`
/// for every date, which dominated the cost of encoding a dossier under load. Parsing also accepts
/// fractional seconds and `±HH:MM` offsets.
public struct RFC3339DateTranscoder: DateTranscoder {
    public init() {}

    public func encode(_ date: Date) throws -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(20)
        Self.write(date) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `date` as `encode` spells it (`2026-10-08T02:30:00Z`, UTC, to the second rounded down),
    /// one byte at a time: the one formatter behind `encode` and the server's `JSONWriter`.
    public static func write(_ date: Date, _ byte: (UInt8) -> Void) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let (year, month, day) = CivilDate.fields(days: days)
        func put(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                byte(UInt8(48 + value / divisor % 10))
                divisor /= 10
            }
        }
        put(year, 4); byte(45); put(month, 2); byte(45); put(day, 2); byte(84)
        put(secondOfDay / 3600, 2); byte(58); put(secondOfDay / 60 % 60, 2); byte(58); put(secondOfDay % 60, 2)
        byte(90)
    }

    public func decode(_ text: String) throws -> Date {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= b.count else { return nil }
            var value: Int64 = 0
            for byte in b[from..<from + count] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 116 || b[10] == 32, b[13] == 58, b[16] == 58,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 61
        else { throw Self.invalid(text) }
        var index = 19
        var fraction = 0.0
        if b[index] == 46 {
            var scale = 0.1
            index += 1
            while index < b.count, b[index] >= 48 && b[index] <= 57 {
                fraction += Double(b[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < b.count else { throw Self.invalid(text) }
        var offset: Int64 = 0
        switch b[index] {
        case 90, 122:
            guard index == b.count - 1 else { throw Self.invalid(text) }
        case 43, 45:
            guard b.count == index + 6, b[index + 3] == 58, let h = number(index + 1, 2), let m = number(index + 4, 2) else {
                throw Self.invalid(text)
            }
            offset = (h * 3600 + m * 60) * (b[index] == 45 ? -1 : 1)
        default: throw Self.invalid(text)
        }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func invalid(_ text: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "Expected an RFC 3339 date-time such as 2026-10-08T02:30:00Z."))
    }
}

extension Configuration {
    /// The configuration server and client share: compact JSON with keys in byte order (the same bytes
    /// for the same value, as the server's hand-written routes write them) and hand-rolled RFC 3339 dates.
    public static let motCua = Configuration(
        dateTranscoder: RFC3339DateTranscoder(), jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes])
}
