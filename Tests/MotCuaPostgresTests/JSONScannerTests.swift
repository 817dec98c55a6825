import Foundation
import MotCuaPostgres
import Testing

/// Any JSON value, read through the scanner, compared with what `JSONSerialization` reads.
private indirect enum Value: JSONScannable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([Value]), object([String: Value])

    init(json: inout JSONScanner) throws {
        if try json.null() {
            self = .null
            return
        }
        // Try each kind in turn the way a conformance would not: a test of the error paths too.
        var probe = json
        if let value = try? probe.bool() {
            json = probe
            self = .bool(value)
        } else if let value = try? probe.string() {
            json = probe
            self = .string(value)
        } else if (try? probe.beginArray()) != nil {
            json = probe
            self = .array(try [Value](continuing: &json))
        } else if (try? probe.beginObject()) != nil {
            json = probe
            var members: [String: Value] = [:]
            while let key = try json.nextKey() { members[key] = try Value(json: &json) }
            self = .object(members)
        } else {
            self = .number(try json.double())
        }
    }

    init(foundation: Any) {
        switch foundation {
        case is NSNull: self = .null
        case let number as NSNumber where String(cString: number.objCType) == "c": self = .bool(number.boolValue)
        case let number as NSNumber: self = .number(number.doubleValue)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(Value.init(foundation:)))
        case let object as [String: Any]: self = .object(object.mapValues(Value.init(foundation:)))
        default: fatalError("unexpected \(type(of: foundation))")
        }
    }
}

extension Array where Element == Value {
    /// The rest of an array whose `[` was consumed.
    fileprivate init(continuing json: inout JSONScanner) throws {
        self.init()
        while try json.nextElement() { append(try Value(json: &json)) }
    }
}

private func scan<T: JSONScannable>(_ text: String, as type: T.Type = T.self) throws -> T {
    try ScannedJSON<T>(postgresText: text).value
}

@Suite("JSON scanner")
struct JSONScannerTests {
    static let valid = [
        #"{}"#, #"[]"#, #"  [ ]  "#, "\n{\t\"a\" :\r1 }\n", #"null"#, #"true"#, #"false"#, #"0"#, #"-0"#, #"12"#,
        #"-12.5e-3"#, #"1E+2"#, #"9223372036854775807"#, #"1.7976931348623157e308"#, #""""#,
        #""Nguyễn Thị Ánh, Đăng ký khai sinh 🇻🇳""#, #""quote \" backslash \\ slash \/ \b\f\n\r\t""#,
        #""\u0041\u00e9\u1ec7\uD83C\uDDFB\uD83C\uDDF3\u001f""#, #"{"fullName": "A", "idNumber": "001", "phone": null}"#,
        #"[{"code": "TK01", "name": "Tờ khai", "digitized": true}, {"code": "x", "name": "y", "extra": {"n": [1, [2, {}]]}}]"#,
        #"{"a": {"b": {"c": [true, false, null, "s", -1.5]}}, "d": []}"#,
    ]

    @Test("reads every kind of value as JSONSerialization does", arguments: valid)
    func readsValid(text: String) throws {
        let expected = Value(foundation: try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed))
        #expect(try scan(text, as: Value.self) == expected)
    }

    static let invalid = [
        "", " ", "{", "[", "[1,]", "[,1]", "[1 2]", #"{"a" 1}"#, #"{"a": 1,}"#, #"{,"a": 1}"#, #"{1: 2}"#, "nul", "tru",
        "01", "-", "1.", ".5", "1e", "+1", #""unterminated"#, #""bad \x escape""#, #""\u12""#, #""\uD800""#,
        #""\uDC00""#, #""\uD800\u0041""#, "\"tab\tinside\"", "[1] 2", "{} {}",
    ]

    /// RFC 8259 refuses all of these (Foundation's reader on Linux lets trailing commas through).
    @Test("rejects malformed JSON, naming the byte offset but not the text", arguments: invalid)
    func rejectsInvalid(text: String) throws {
        let error = try #require(throws: PostgresTextFormatError.self) { try scan(text, as: Value.self) }
        #expect(error.reason.hasPrefix("JSON: "))
        #expect(error.reason.contains(" at byte "))
    }

    @Test("typed reads refuse the wrong kind and integers out of range")
    func typedReads() throws {
        struct Amount: JSONScannable {
            var value: Int64
            init(json: inout JSONScanner) throws { value = try json.int64() }
        }
        #expect(try scan("-9223372036854775808", as: Amount.self).value == .min)
        #expect(throws: PostgresTextFormatError.self) { try scan("9223372036854775808", as: Amount.self) }
        #expect(throws: PostgresTextFormatError.self) { try scan("1.5", as: Amount.self) }
        #expect(throws: PostgresTextFormatError.self) { try scan(#""1""#, as: Amount.self) }
    }

    @Test("jsonb text from PostgreSQL reads back as the JSON that was stored")
    func postgresOutput() async throws {
        try await TestDatabase.withPool { pool in
            for text in Self.valid {
                let stored = try await pool.query("SELECT \(text)::jsonb::text AS v")[0].decode(String.self, "v")
                let expected = Value(foundation: try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed))
                #expect(try scan(stored, as: Value.self) == expected, "\(stored)")
                #expect(try await pool.query("SELECT \(text)::jsonb AS v")[0].decode(ScannedJSON<Value>.self, "v").value == expected)
            }
        }
    }
}
