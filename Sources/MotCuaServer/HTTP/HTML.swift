/// A fragment of HTML. Interpolating a `String` escapes it; interpolating `HTML` inserts it as is. So
/// markup comes only from literals in the code, and data (an applicant's name, a reason typed at
/// the desk) can never become markup.
struct HTML: ExpressibleByStringInterpolation, Sendable, Equatable {
    private(set) var text: String

    init(stringLiteral literal: String) { text = literal }
    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }
    private init(text: String) { self.text = text }

    /// Markup produced by code, not by input (an SVG drawing, a style sheet).
    static func trusted(_ markup: String) -> HTML { HTML(text: markup) }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var text = ""

        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + interpolationCount * 16) }
        mutating func appendLiteral(_ literal: String) { text += literal }
        mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
        /// Nothing for nil.
        mutating func appendInterpolation(_ value: String?) { text += value.map(HTML.escape) ?? "" }
        mutating func appendInterpolation(_ value: Int) { text += String(value) }
        mutating func appendInterpolation(_ html: HTML) { text += html.text }
        mutating func appendInterpolation(_ fragments: [HTML]) { for fragment in fragments { text += fragment.text } }
    }

    /// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
