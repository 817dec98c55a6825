import Foundation
import MotCuaAPI
import NIOCore

/// Writes JSON straight into a `ByteBuffer`, byte for byte as the generated layer's encoder does
/// (Foundation's `JSONEncoder` with `Configuration.motCua`: compact, keys in byte order, slashes
/// unescaped, dates in RFC 3339 by `RFC3339DateTranscoder`). The hot routes use it to answer
/// without building the generated types and encoding them; `HotRoutesTests` compares both outputs.
///
/// The caller writes an object's keys in byte order itself (`key(_:)` does not sort).
struct JSONWriter {
    private(set) var buffer: ByteBuffer
    /// Whether the next value in the current object or array needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 2048) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        buffer.writeInteger(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        buffer.writeInteger(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        separate()
        buffer.writeInteger(UInt8(ascii: "["))
        needsComma = false
        for value in elements { element(&self, value) }
        buffer.writeInteger(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A member's name; its value follows.
    mutating func key(_ name: StaticString) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeStaticString(name)
        buffer.writeStaticString("\":")
        needsComma = false
    }

    /// A member whose value is left out when nil, as the generated types' `encodeIfPresent` does.
    mutating func member<Value>(_ name: StaticString, _ value: Value?, _ write: (inout JSONWriter, Value) -> Void) {
        guard let value else { return }
        key(name)
        write(&self, value)
    }

    mutating func member(_ name: StaticString, _ value: String?) { member(name, value) { $0.string($1) } }
    mutating func member(_ name: StaticString, _ value: Date?) { member(name, value) { $0.date($1) } }
    mutating func member(_ name: StaticString, _ value: Int?) { member(name, value) { $0.integer(Int64($1)) } }
    mutating func member(_ name: StaticString, _ value: Int64?) { member(name, value) { $0.integer($1) } }
    mutating func member(_ name: StaticString, _ value: Bool?) { member(name, value) { $0.bool($1) } }

    mutating func null() {
        separate()
        buffer.writeStaticString("null")
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        buffer.writeStaticString(value ? "true" : "false")
        needsComma = true
    }

    mutating func integer(_ value: Int64) {
        separate()
        buffer.writeString(String(value))  // an inline small string below 10^15: no allocation
        needsComma = true
    }

    /// An RFC 3339 date-time, spelled by `RFC3339DateTranscoder.write` as the generated layer spells it.
    mutating func date(_ date: Date) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        RFC3339DateTranscoder.write(date) { buffer.writeInteger($0) }
        buffer.writeInteger(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A string, escaped as `JSONEncoder` escapes it: `"` and `\`, the named controls `\b \t \n \f \r`,
    /// other controls below U+0020 as `\u00xx` (lower-case hex), everything else as UTF-8.
    mutating func string(_ text: String) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 0x08: buffer.writeStaticString("\\b")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0C: buffer.writeStaticString("\\f")
                case 0x0D: buffer.writeStaticString("\\r")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    buffer.writeStaticString("\\u00")
                    buffer.writeInteger(hex.utf8Start[Int(byte >> 4)])
                    buffer.writeInteger(hex.utf8Start[Int(byte & 0xF)])
                }
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
        }
        buffer.writeInteger(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { buffer.writeInteger(UInt8(ascii: ",")) }
    }
}
