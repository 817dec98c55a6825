import Foundation

/// The electronic ID of an agency (mã định danh điện tử), e.g. `H15.50.05.13`: 1-35 characters of
/// `A-Z`, `0-9` and `.` (Circular 03/2025/TT-VPCP). Encodes as the bare string.
public struct AgencyCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The code.
    public let rawValue: String

    /// Validates `text`, or `nil` when it is empty, longer than 35 characters or has other characters.
    public init?(_ text: some StringProtocol) {
        let utf8 = text.utf8
        guard (1...35).contains(utf8.count), utf8.allSatisfy(AgencyCode.isAllowed) else { return nil }
        rawValue = String(text)
    }

    static func isAllowed(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
    }

    /// The code itself.
    public var description: String { rawValue }

    /// Orders codes by their text.
    public static func < (lhs: AgencyCode, rhs: AgencyCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes and validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = AgencyCode(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid agency code")
        }
        self = code
    }

    /// Encodes as the bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
