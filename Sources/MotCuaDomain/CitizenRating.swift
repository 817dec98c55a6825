import Foundation

/// The nine indicator scores of a citizen's evaluation of one dossier, each 0, 1 or 2
/// (docs/domain.md §4). Encodes as `{"i1": 2, ..., "i9": 1}`.
public struct RatingScores: Sendable, Hashable, Codable {
    /// Total time compared with the legal limit.
    public var i1: Int
    /// Time taken by each unit.
    public var i2: Int
    /// Number of times the applicant had to come back.
    public var i3: Int
    /// Number of agencies contacted.
    public var i4: Int
    /// Handled through the one-stop desk.
    public var i5: Int
    /// The procedure was published.
    public var i6: Int
    /// Officers' attitude.
    public var i7: Int
    /// Feedback was handled.
    public var i8: Int
    /// The online service worked.
    public var i9: Int

    /// Creates the scores (validated by ``CitizenRating``).
    public init(i1: Int, i2: Int, i3: Int, i4: Int, i5: Int, i6: Int, i7: Int, i8: Int, i9: Int) {
        (self.i1, self.i2, self.i3, self.i4, self.i5) = (i1, i2, i3, i4, i5)
        (self.i6, self.i7, self.i8, self.i9) = (i6, i7, i8, i9)
    }

    /// Creates the scores from nine values in order i1...i9, or `nil` for another count.
    public init?(_ values: [Int]) {
        guard values.count == 9 else { return nil }
        self.init(i1: values[0], i2: values[1], i3: values[2], i4: values[3], i5: values[4],
                  i6: values[5], i7: values[6], i8: values[7], i9: values[8])
    }

    /// The scores in order i1...i9.
    public var values: [Int] { [i1, i2, i3, i4, i5, i6, i7, i8, i9] }

    /// Names (`"i1"`...) of the scores outside 0...2.
    public var invalidIndicators: [String] {
        values.enumerated().filter { !(0...2).contains($0.element) }.map { "i\($0.offset + 1)" }
    }
}

/// The band of a rating total out of 18.
public enum RatingBand: String, Sendable, Hashable, Codable, CaseIterable {
    /// 16-18.
    case excellent
    /// 12-15.
    case good
    /// 9-11.
    case fair
    /// 6-8.
    case average
    /// 0-5.
    case weak

    /// The band of `total`.
    public init(total: Int) {
        switch total {
        case 16...: self = .excellent
        case 12...15: self = .good
        case 9...11: self = .fair
        case 6...8: self = .average
        default: self = .weak
        }
    }
}

/// The citizen's overall satisfaction.
public enum Satisfaction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Very satisfied.
    case verySatisfied = "very_satisfied"
    /// Satisfied.
    case satisfied
    /// Dissatisfied.
    case dissatisfied
}

/// Rejected rating input: the names of the out-of-range indicators.
public struct RatingValidationError: Error, Sendable, Hashable {
    /// E.g. `["i3", "i9"]`.
    public let invalidIndicators: [String]
}

/// A citizen's evaluation of one dossier: nine scores and a satisfaction level. Staff never edit it.
public struct CitizenRating: Sendable, Hashable, Codable {
    /// The nine scores.
    public let scores: RatingScores
    /// The satisfaction level.
    public let satisfaction: Satisfaction

    /// Creates a rating; throws when any score is outside 0...2.
    public init(scores: RatingScores, satisfaction: Satisfaction) throws(RatingValidationError) {
        let invalid = scores.invalidIndicators
        guard invalid.isEmpty else { throw RatingValidationError(invalidIndicators: invalid) }
        self.scores = scores
        self.satisfaction = satisfaction
    }

    /// Decodes and validates the scores.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(scores: container.decode(RatingScores.self, forKey: .scores),
                      satisfaction: container.decode(Satisfaction.self, forKey: .satisfaction))
    }

    /// The total, 0...18.
    public var total: Int { scores.values.reduce(0, +) }

    /// The band of the total.
    public var band: RatingBand { RatingBand(total: total) }
}
