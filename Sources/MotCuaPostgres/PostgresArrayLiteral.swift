/// Reads and writes one-dimensional PostgreSQL array literals (`{a,"b c",NULL}`).
enum PostgresArrayLiteral {
    /// Formats elements, quoting every non-NULL element so commas, quotes, braces, spaces,
    /// backslashes and the word NULL survive.
    static func format(_ elements: [String?]) -> String {
        var out = "{"
        for (position, element) in elements.enumerated() {
            if position > 0 { out += "," }
            guard let element else { out += "NULL"; continue }
            out += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { out += "\\" }
                out.unicodeScalars.append(character)
            }
            out += "\""
        }
        return out + "}"
    }

    /// Parses a one-dimensional literal; unquoted `NULL` (any case) becomes nil.
    static func parse(_ text: String) throws -> [String?] {
        var bytes = Array(text.utf8)[...]
        // Arrays with non-default bounds are printed as `[0:2]={...}`.
        if bytes.first == UInt8(ascii: "["), let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
            bytes = bytes[(equals + 1)...]
        }
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else {
            throw PostgresTextFormatError("array: expected {...}")
        }
        bytes = bytes.dropFirst().dropLast()
        var elements: [String?] = []
        if bytes.isEmpty { return elements }
        var index = bytes.startIndex
        while true {
            var element: [UInt8] = []
            var quoted = false
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") {
                quoted = true
                index += 1
                while true {
                    guard index < bytes.endIndex else { throw PostgresTextFormatError("array: unterminated quote") }
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") { index += 1; break }
                    if byte == UInt8(ascii: "\\") {
                        index += 1
                        guard index < bytes.endIndex else { throw PostgresTextFormatError("array: bad escape") }
                    }
                    element.append(bytes[index])
                    index += 1
                }
            } else {
                while index < bytes.endIndex, bytes[index] != UInt8(ascii: ",") {
                    if bytes[index] == UInt8(ascii: "{") {
                        throw PostgresTextFormatError("array: multi-dimensional arrays are not supported")
                    }
                    element.append(bytes[index])
                    index += 1
                }
            }
            let text = String(decoding: element, as: UTF8.self)
            elements.append(!quoted && text.uppercased() == "NULL" ? nil : text)
            if index == bytes.endIndex { return elements }
            guard bytes[index] == UInt8(ascii: ",") else { throw PostgresTextFormatError("array: expected comma") }
            index += 1
        }
    }
}
