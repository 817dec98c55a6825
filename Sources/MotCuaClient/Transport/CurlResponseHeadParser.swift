import HTTPTypes

/// Builds the response head from the lines libcurl passes to the header callback.
///
/// libcurl hands over every header line of every response head it reads, one line per call, with
/// its CRLF: interim `1xx` heads, a proxy's `CONNECT` answer, the final head, and trailers after a
/// chunked body. A status line (`HTTP/1.1 200 OK`, `HTTP/2 200`) starts a new head and discards the
/// previous one, so what remains is the head of the final response. Repeated fields are kept in
/// order, as `HTTPFields` allows.
struct CurlResponseHeadParser {
    /// The status code from the last status line seen.
    private(set) var status = 0
    /// The reason phrase from the last status line; HTTP/2 and HTTP/3 have none.
    private(set) var reasonPhrase = ""
    /// The fields of the last head.
    private(set) var fields = HTTPFields()
    /// Set by the blank line that ends a final (non-1xx) head; later lines are trailers.
    private(set) var isComplete = false
    /// Whether the last field may still be continued by an obsolete folded line.
    private var canFold = false

    /// Consumes one raw header line, CRLF included.
    mutating func consume(_ raw: UnsafeRawBufferPointer) {
        // Strip the line ending as bytes: in a String, "\r\n" is one Character, not two.
        var end = raw.count
        while end > 0, raw[end - 1] == UInt8(ascii: "\r") || raw[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        let line = Substring(decoding: UnsafeRawBufferPointer(rebasing: raw[..<end]), as: UTF8.self)

        if line.hasPrefix("HTTP/") {
            startHead(statusLine: line)
        } else if isComplete {
            // A trailer after the body: the generated client has no use for trailers.
        } else if line.isEmpty {
            // An interim 1xx head is followed by another status line; anything else is final.
            if status >= 200 { isComplete = true }
        } else if let first = line.first, first == " " || first == "\t" {
            // Obsolete line folding (RFC 9112 §5.2): the line continues the previous value.
            if canFold, !fields.isEmpty {
                let index = fields.index(before: fields.endIndex)
                fields[index].value += " " + line.trimmingOWS()
            }
        } else if let colon = line.firstIndex(of: ":"),
            let name = HTTPField.Name(String(line[..<colon]).trimmingOWS())
        {
            fields.append(HTTPField(name: name, value: line[line.index(after: colon)...].trimmingOWS()))
            canFold = true
        } else {
            canFold = false
        }
    }

    private mutating func startHead(statusLine: Substring) {
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        reasonPhrase = parts.count > 2 ? parts[2].trimmingOWS() : ""
        fields = HTTPFields()
        isComplete = false
        canFold = false
    }
}

extension StringProtocol {
    /// Removes HTTP optional whitespace (spaces and tabs) from both ends.
    fileprivate func trimmingOWS() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
