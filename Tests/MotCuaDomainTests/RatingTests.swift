import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Citizen rating")
struct RatingTests {
    @Test("band edges: 16 excellent, 15 and 12 good, 11 and 9 fair, 8 and 6 average, 5 weak",
          arguments: [(18, RatingBand.excellent), (16, .excellent), (15, .good), (12, .good), (11, .fair),
                      (9, .fair), (8, .average), (6, .average), (5, .weak), (0, .weak)])
    func bands(total: Int, band: RatingBand) {
        #expect(RatingBand(total: total) == band)
    }

    @Test("the total adds the nine scores and gives the band")
    func total() throws {
        let rating = try CitizenRating(scores: RatingScores([2, 2, 2, 2, 2, 2, 2, 1, 1])!, satisfaction: .satisfied)
        #expect(rating.total == 16)
        #expect(rating.band == .excellent)
    }

    @Test("a score outside 0-2 is rejected, naming the indicators")
    func validation() {
        #expect(throws: RatingValidationError(invalidIndicators: ["i3", "i9"])) {
            try CitizenRating(scores: RatingScores([0, 1, 3, 2, 2, 2, 2, 2, -1])!, satisfaction: .dissatisfied)
        }
        #expect(RatingScores([1, 2]) == nil)
    }

    @Test("ratings decode from the API shape and are validated while decoding")
    func decoding() throws {
        let json = #"{"scores":{"i1":2,"i2":2,"i3":1,"i4":1,"i5":2,"i6":2,"i7":2,"i8":0,"i9":0},"satisfaction":"very_satisfied"}"#
        let rating = try JSONDecoder().decode(CitizenRating.self, from: Data(json.utf8))
        #expect(rating.total == 12 && rating.band == .good && rating.satisfaction == .verySatisfied)
        let bad = json.replacingOccurrences(of: #""i8":0"#, with: #""i8":5"#)
        #expect(throws: RatingValidationError.self) { try JSONDecoder().decode(CitizenRating.self, from: Data(bad.utf8)) }
        #expect(Satisfaction.allCases.map(\.rawValue) == ["very_satisfied", "satisfied", "dissatisfied"])
    }
}
