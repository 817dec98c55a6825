import Testing
@testable import QRCode

/// A line of modules from "1" (dark) and "0" (light); other characters are ignored.
private func line(_ text: String) -> [Bool] {
    text.compactMap { $0 == "1" ? true : $0 == "0" ? false : nil }
}

@Suite("Mask penalty rules N1 to N4")
struct MaskPenaltyTests {
    @Test("N1: 3 for a run of 5, one more for each further module, in either colour", arguments: [
        ("0101 0101 01", 0), ("11111 0", 3), ("1 000000 1", 4), ("11111 00000 1111111", 3 + 3 + 5),
    ])
    func runs(modules: String, penalty: Int) {
        #expect(MaskPenalty.sameColourRunPenalty(line(modules)) == penalty)
    }

    @Test("N2: 3 for each 2×2 block of one colour, overlapping blocks counted each")
    func blocks() {
        let rows = [line("1100"), line("1100"), line("0110")]
        #expect(MaskPenalty.sameColourBlockPenalty(rows) == 3 * 2) // the dark block and a light block
        #expect(MaskPenalty.sameColourBlockPenalty([line("111"), line("111")]) == 3 * 2)
    }

    @Test("N3: 40 for 1011101 with four light modules on either side; the edge counts as light", arguments: [
        ("0000 1011101 1", 40), ("1 1011101 0000", 40), ("1011101 1", 40), ("1 0001011101 1", 0),
        ("0000 1011101 0000", 40), ("1 101101 0000", 0),
    ])
    func finderLike(modules: String, penalty: Int) {
        #expect(MaskPenalty.finderLikePenalty(line(modules)) == penalty)
    }

    @Test("N3: two patterns sharing a module count twice (segno counts the first only)")
    func overlappingFinderLikePatterns() {
        // From the Vietnamese reference symbol, version 8-M, mask 1, row 13.
        let row = line("1 0000 1011101 011101 0000 001010101001000001010011011")
        #expect(MaskPenalty.finderLikePenalty(row) == 80)
    }

    @Test("N4: 10 for each full 5 % step of the dark share away from 50 %", arguments: [
        (50, 0), (54, 0), (55, 10), (59, 10), (60, 20), (45, 10), (46, 0), (100, 100), (0, 100),
    ])
    func darkProportion(darkPercent: Int, penalty: Int) {
        let rows = (0..<10).map { y in (0..<10).map { x in y * 10 + x < darkPercent } }
        #expect(MaskPenalty.darkProportionPenalty(rows) == penalty)
    }

    @Test("the lowest score wins and ties go to the lower mask")
    func lowestPenaltyMask() throws {
        let (_, unmasked) = try QRCode.unmaskedMatrix(Array("MotCua".utf8), .medium)
        let scores = MaskPattern.all.map { MaskPenalty.score(unmasked.masked(with: $0)) }
        #expect(MaskPenalty.lowestPenaltyMask(for: unmasked) == scores.firstIndex(of: scores.min()!))
    }
}
