import Foundation

/// A dossier code `{agency}-{yyMMdd}-{seq}` (docs/domain.md §2.7), e.g. `H15.50.05.13-261008-0975`:
/// the receiving agency, the acceptance date in Asia/Ho_Chi_Minh, and a per-agency per-day
/// sequence of at least 4 digits (zero-padded; 10000 and above print in full).
/// Encodes as the string.
public struct DossierCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The receiving agency.
    public let agency: AgencyCode
    /// The acceptance date (years 2000-2099, as `yy` implies).
    public let date: LocalDate
    /// The sequence number of the day, ≥ 1.
    public let sequence: Int

    /// Creates a code; traps for a sequence below 1 or a date outside 2000-2099 (programming errors:
    /// sequences come from a counter and dates from the clock).
    public init(agency: AgencyCode, date: LocalDate, sequence: Int) {
        precondition(sequence >= 1, "dossier sequences start at 1")
        precondition((2000...2099).contains(date.year), "yyMMdd covers 2000-2099")
        self.agency = agency
        self.date = date
        self.sequence = sequence
    }

    /// Parses the canonical form, or `nil` (wrong shape, invalid agency or date, sequence 0, or
    /// non-canonical padding such as `00975` or `975`).
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let agency = AgencyCode(parts[0]) else { return nil }
        let datePart = Array(parts[1].utf8), seqPart = Array(parts[2].utf8)
        guard datePart.count == 6, let yy = LocalDate.digits(datePart[0..<2]), let mm = LocalDate.digits(datePart[2..<4]),
              let dd = LocalDate.digits(datePart[4..<6]), let date = LocalDate(year: 2000 + yy, month: mm, day: dd),
              seqPart.count >= 4, seqPart.count <= 18, let sequence = LocalDate.digits(seqPart[...]), sequence >= 1,
              seqPart.count == 4 || seqPart[0] != UInt8(ascii: "0") else { return nil }
        self.init(agency: agency, date: date, sequence: sequence)
    }

    /// The fewest digits of the sequence: shorter numbers are padded with zeros, longer ones kept whole.
    public static let sequenceDigits = 4

    /// What every code of an agency's day starts with: `{agency}-{yyMMdd}-`.
    public static func prefix(agency: AgencyCode, date: LocalDate) -> String {
        "\(agency.rawValue)-\(LocalDate.pad(date.year % 100, 2))\(LocalDate.pad(date.month, 2))\(LocalDate.pad(date.day, 2))-"
    }

    /// The code as text.
    public var description: String {
        Self.prefix(agency: agency, date: date) + LocalDate.pad(sequence, Self.sequenceDigits)
    }

    /// Orders by agency, then date, then sequence.
    public static func < (lhs: DossierCode, rhs: DossierCode) -> Bool {
        (lhs.agency.rawValue, lhs.date.daysSinceEpoch, lhs.sequence) < (rhs.agency.rawValue, rhs.date.daysSinceEpoch, rhs.sequence)
    }

    /// Decodes and validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = DossierCode(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid dossier code")
        }
        self = code
    }

    /// Encodes as text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
