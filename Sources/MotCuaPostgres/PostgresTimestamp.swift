import Foundation
import MotCuaFoundation

/// Formats and parses `timestamptz` text by hand.
///
/// Foundation's date formatters are slow to create, locale-sensitive and drop microseconds; the
/// session is pinned to `TimeZone=UTC` and `DateStyle=ISO`, so the server's output has one fixed
/// shape (`2024-05-01 12:34:56.123456+00`) that a small parser reads exactly.
enum PostgresTimestamp {
    /// `Date` to `YYYY-MM-DD HH:MM:SS.ffffff+00`, rounded to the microsecond.
    static func format(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var seconds = micros / 1_000_000
        var fraction = micros % 1_000_000
        if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let (year, month, day) = CivilDate.fields(days: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(29)
        func append(_ value: Int64, width: Int) {
            var digits = [UInt8](repeating: 48, count: width)
            var rest = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                digits[index] = UInt8(48 + rest % 10)
                rest /= 10
            }
            bytes += digits
        }
        append(year, width: 4); bytes.append(45); append(month, width: 2); bytes.append(45); append(day, width: 2)
        bytes.append(32)
        append(secondOfDay / 3600, width: 2); bytes.append(58); append(secondOfDay / 60 % 60, width: 2)
        bytes.append(58); append(secondOfDay % 60, width: 2)
        bytes.append(46); append(fraction, width: 6)
        bytes += [43, 48, 48]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses `YYYY-MM-DD[ T]HH:MM:SS[.f{1,6}][±HH[:MM[:SS]]]`; a missing offset means UTC.
    static func parse(_ text: String) throws -> Date {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) throws -> Date {
        var index = 0
        func number(maxDigits: Int) throws -> Int64 {
            var value: Int64 = 0
            let start = index
            while index < bytes.count, index - start < maxDigits, bytes[index] >= 48, bytes[index] <= 57 {
                value = value * 10 + Int64(bytes[index] - 48)
                index += 1
            }
            guard index > start else { throw PostgresTextFormatError("timestamp: expected digits") }
            return value
        }
        func expect(_ byte: UInt8) throws {
            guard index < bytes.count, bytes[index] == byte else {
                throw PostgresTextFormatError("timestamp: unexpected character at \(index)")
            }
            index += 1
        }
        let year = try number(maxDigits: 6)
        try expect(45)
        let month = try number(maxDigits: 2)
        try expect(45)
        let day = try number(maxDigits: 2)
        guard index < bytes.count, bytes[index] == 32 || bytes[index] == 84 else {
            throw PostgresTextFormatError("timestamp: expected time (infinity and BC dates are not supported)")
        }
        index += 1
        let hour = try number(maxDigits: 2)
        try expect(58)
        let minute = try number(maxDigits: 2)
        try expect(58)
        let second = try number(maxDigits: 2)
        var micros: Int64 = 0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            let start = index
            micros = try number(maxDigits: 6)
            for _ in 0..<(6 - (index - start)) { micros *= 10 }
        }
        var offset: Int64 = 0
        if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 {
            let sign: Int64 = bytes[index] == 45 ? -1 : 1
            index += 1
            var parts = [try number(maxDigits: 2)]
            while index < bytes.count, bytes[index] == 58 {
                index += 1
                parts.append(try number(maxDigits: 2))
            }
            let hms = parts + [0, 0]
            offset = sign * (hms[0] * 3600 + hms[1] * 60 + hms[2])
        }
        guard index == bytes.count, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
            second < 61
        else { throw PostgresTextFormatError("timestamp: out of range or trailing characters") }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(micros) / 1_000_000)
    }
}
