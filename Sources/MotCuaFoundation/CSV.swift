/// CSV as spreadsheets read it (RFC 4180), written by the server's reports and the CLI alike.
public enum CSV {
    /// One record: fields joined by commas, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, neutralised and then quoted when it holds a comma, a quote or a line break.
    public static func field(_ text: String) -> String {
        let text = neutralized(text)
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = "\""
        for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
        return quoted + "\""
    }

    /// A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return) gets a leading apostrophe, so a citizen's name such as `=HYPERLINK(...)` stays
    /// text (OWASP "CSV injection"). Plain numbers such as `-12.5` are left as they are.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(text) else { return text }
        return "'" + text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func isPlainNumber(_ text: String) -> Bool {
        var digits = text.utf8.dropFirst(text.hasPrefix("-") || text.hasPrefix("+") ? 1 : 0)
        guard !digits.isEmpty else { return false }
        var seenDot = false
        while let byte = digits.popFirst() {
            if byte == UInt8(ascii: ".") && !seenDot && !digits.isEmpty {
                seenDot = true
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return false
            }
        }
        return true
    }
}

/// Text for a terminal: control characters (which could move the cursor, clear the screen or
/// rewrite the title) and bidirectional overrides (which reorder what follows) are dropped; line
/// breaks and tabs become spaces.
public enum TerminalText {
    public static func sanitized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar.value {
            case 0x0A where previous == "\r": continue
            case 0x09, 0x0A, 0x0D: result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
