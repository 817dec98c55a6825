/// A value read from `json`/`jsonb` text by a hand-written initializer instead of `JSONDecoder`.
///
/// `JSONDecoder` walks a value through generic containers, metadata lookups and a dictionary per
/// object; for the few small JSON columns read on every row of a hot list (a dossier's applicant
/// and documents) that costs more than the rest of the row. A conformance reads its fields in one
/// pass:
///
/// ```swift
/// extension Applicant: JSONScannable {
///     init(json: inout JSONScanner) throws {
///         var name: String?
///         try json.beginObject()
///         while let key = try json.nextKey() {
///             switch key {
///             case "fullName": name = try json.string()
///             default: try json.skipValue()
///             }
///         }
///         self.init(fullName: try json.required(name, "fullName"))
///     }
/// }
/// ```
/// and a row reads it with `row.decode(ScannedJSON<Applicant>.self, at: 10).value`.
public protocol JSONScannable {
    /// Reads one JSON value from the scanner (unknown object keys are skipped, not errors).
    init(json: inout JSONScanner) throws
}

extension Array: JSONScannable where Element: JSONScannable {
    /// A JSON array of elements.
    public init(json: inout JSONScanner) throws {
        self.init()
        try json.beginArray()
        while try json.nextElement() { append(try Element(json: &json)) }
    }
}

/// A `json`/`jsonb` column decoded through `JSONScannable` (see there).
public struct ScannedJSON<Value: JSONScannable>: PostgresDecodable {
    /// The decoded value.
    public var value: Value

    /// Scans the whole text as one value; trailing text other than whitespace is an error.
    public init(postgresText text: String) throws {
        var text = text
        value = try text.withUTF8 { bytes in
            var scanner = JSONScanner(bytes)
            let value = try Value(json: &scanner)
            try scanner.end()
            return value
        }
    }
}

extension ScannedJSON: Sendable where Value: Sendable {}

/// A pull reader over the UTF-8 bytes of one JSON text (RFC 8259), valid only inside the closure
/// that lends the bytes (`ScannedJSON` does). Errors are `PostgresTextFormatError`s naming the byte
/// offset, never the text, which may be personal data.
public struct JSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// True between an opening bracket and the first `nextKey`/`nextElement` of that container.
    private var atFirstMember = false

    /// A scanner at the start of `bytes`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: Containers

    /// Consumes `{`.
    public mutating func beginObject() throws {
        try expect(UInt8(ascii: "{"), "an object")
        atFirstMember = true
    }

    /// The next key of the current object (its `:` consumed), or nil after consuming its `}`.
    public mutating func nextKey() throws -> String? {
        guard try nextMember(closing: UInt8(ascii: "}")) else { return nil }
        guard try peek() == UInt8(ascii: "\"") else { throw failure("expected an object key") }
        let key = try string()
        try expect(UInt8(ascii: ":"), "':' after an object key")
        return key
    }

    /// Consumes `[`.
    public mutating func beginArray() throws {
        try expect(UInt8(ascii: "["), "an array")
        atFirstMember = true
    }

    /// True when another element of the current array follows (its `,` consumed); false after
    /// consuming the array's `]`.
    public mutating func nextElement() throws -> Bool {
        try nextMember(closing: UInt8(ascii: "]"))
    }

    private mutating func nextMember(closing: UInt8) throws -> Bool {
        let next = try peek()
        if next == closing {
            position += 1
            atFirstMember = false
            return false
        }
        if atFirstMember {
            atFirstMember = false
        } else {
            guard next == UInt8(ascii: ",") else { throw failure("expected ',' or '\(Character(Unicode.Scalar(closing)))'") }
            position += 1
        }
        return true
    }

    // MARK: Values

    /// True (and consumed) when the next value is `null`; use before reading an optional field.
    public mutating func null() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// A string value, unescaped.
    public mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""), "a string")
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                defer { position += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            case UInt8(ascii: "\\"):
                return try escapedString(from: start)
            case 0..<0x20:
                throw failure("control character in a string")
            default:
                position += 1
            }
        }
        throw failure("unterminated string")
    }

    /// `true` or `false`.
    public mutating func bool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw failure("expected a boolean")
        }
    }

    /// A number that must be an integer within `Int64`.
    public mutating func int64() throws -> Int64 {
        let token = try numberToken()
        guard let value = Int64(token) else { throw failure("expected a 64-bit integer") }
        return value
    }

    /// Any number, as the nearest `Double`.
    public mutating func double() throws -> Double {
        let token = try numberToken()
        guard let value = Double(token) else { throw failure("expected a number") }
        return value
    }

    /// Skips one value of any kind, nested containers included.
    public mutating func skipValue() throws {
        switch try peek() {
        case UInt8(ascii: "{"):
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray()
            while try nextElement() { try skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try numberToken()
        }
    }

    /// Fails unless only whitespace is left.
    public mutating func end() throws {
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected text after the value") }
    }

    /// The value of a required field, or an error naming the missing key.
    public func required<T>(_ value: T?, _ key: String) throws -> T {
        guard let value else { throw PostgresTextFormatError("missing key '\(key)'") }
        return value
    }

    // MARK: Tokens

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed.
    private mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard position < bytes.count else { throw failure("unexpected end of JSON") }
        return bytes[position]
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard try peek() == byte else { throw failure("expected \(what)") }
        position += 1
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.withUTF8Buffer { expected in
            bytes.count - position >= expected.count && expected.indices.allSatisfy { bytes[position + $0] == expected[$0] } ? expected.count : 0
        }
        guard count > 0 else { throw failure("expected \(word)") }
        position += count
    }

    /// The text of a number with RFC 8259's grammar (no leading zeros, no `+`, no bare `.`).
    private mutating func numberToken() throws -> String {
        skipWhitespace()
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            throw failure("expected a number")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw failure("expected digits after '.'") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw failure("expected digits in the exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// The rest of a string that holds escapes; `start` is just after its opening quote.
    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw failure("unterminated escape") }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: String(try unicodeEscape()).utf8)
                default: throw failure("unknown escape")
                }
            case 0..<0x20:
                throw failure("control character in a string")
            default:
                utf8.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    /// The scalar of a `\uXXXX` escape (its `\u` consumed), joining a UTF-16 surrogate pair.
    private mutating func unicodeEscape() throws -> Character {
        let unit = try hexQuad()
        switch unit {
        case 0xD800..<0xDC00:
            guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure("lone surrogate in a \\u escape")
            }
            position += 2
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("lone surrogate in a \\u escape") }
            return try character(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
        default:
            return try character(UInt32(unit))
        }
    }

    private func character(_ value: UInt32) throws -> Character {
        guard let scalar = Unicode.Scalar(value) else { throw failure("lone surrogate in a \\u escape") }
        return Character(scalar)
    }

    private mutating func hexQuad() throws -> UInt16 {
        guard bytes.count - position >= 4 else { throw failure("short \\u escape") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("bad hex digit in a \\u escape")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    private func failure(_ reason: String) -> PostgresTextFormatError {
        PostgresTextFormatError("JSON: \(reason) at byte \(position)")
    }
}
