/// The eight data mask patterns of ISO/IEC 18004:2015, table 10.
enum MaskPattern {
    /// The mask pattern references.
    static let all = 0...7

    /// Whether `mask` inverts the module in column `x` and row `y`.
    static func inverts(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        case 7: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        default: preconditionFailure("mask \(mask) is outside 0...7")
        }
    }
}

/// Penalty scores of a masked symbol (ISO/IEC 18004:2015, 7.8.3.1, table 11).
///
/// Masks are scored in the order of the encoding procedure (7.1): after masking, before the format and
/// version information are added, so those areas and the dark module count as light.
enum MaskPenalty {
    /// The mask whose result scores lowest; the lower reference wins a tie.
    static func lowestPenaltyMask(for unmasked: ModuleMatrix) -> Int {
        let scored = MaskPattern.all.map { (mask: $0, score: score(unmasked.masked(with: $0))) }
        return scored.min { $0.score < $1.score }!.mask
    }

    /// N1 + N2 + N3 + N4 over rows and columns.
    static func score(_ matrix: ModuleMatrix) -> Int {
        let rows = (0..<matrix.size).map { y in (0..<matrix.size).map { x in matrix[x, y] } }
        let columns = (0..<matrix.size).map { x in rows.map { $0[x] } }
        let lines = rows + columns
        return lines.map(sameColourRunPenalty).reduce(0, +)
            + sameColourBlockPenalty(rows)
            + lines.map(finderLikePenalty).reduce(0, +)
            + darkProportionPenalty(rows)
    }

    /// N1: 3 + i for each run of 5 + i modules of one colour in a line.
    static func sameColourRunPenalty(_ line: [Bool]) -> Int {
        var penalty = 0, runLength = 0
        for (index, dark) in line.enumerated() {
            runLength = index > 0 && dark == line[index - 1] ? runLength + 1 : 1
            let runEnds = index == line.count - 1 || line[index + 1] != dark
            if runEnds && runLength >= 5 { penalty += 3 + runLength - 5 }
        }
        return penalty
    }

    /// N2: 3 for each 2×2 block of one colour (blocks may overlap).
    static func sameColourBlockPenalty(_ rows: [[Bool]]) -> Int {
        var penalty = 0
        for y in 1..<rows.count {
            for x in 1..<rows[y].count {
                let colour = rows[y][x]
                if rows[y][x - 1] == colour && rows[y - 1][x] == colour && rows[y - 1][x - 1] == colour {
                    penalty += 3
                }
            }
        }
        return penalty
    }

    /// N3: 40 for each dark-light-dark-dark-dark-light-dark (1:1:3:1:1) pattern in a line with four
    /// light modules before or after it; modules beyond the symbol's edge count as light.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let pattern = [true, false, true, true, true, false, true]
        func isLight(_ range: Range<Int>) -> Bool {
            line[range.clamped(to: line.indices)].allSatisfy { !$0 }
        }
        var penalty = 0
        for start in 0...(line.count - pattern.count) where line[start..<start + pattern.count].elementsEqual(pattern) {
            let end = start + pattern.count
            if isLight(start - 4..<start) || isLight(end..<end + 4) { penalty += 40 }
        }
        return penalty
    }

    /// N4: 10 × k where the dark share of all modules is between 50 ± 5k % and 50 ± 5(k + 1) %.
    static func darkProportionPenalty(_ rows: [[Bool]]) -> Int {
        let total = rows.count * rows.count
        let dark = rows.reduce(0) { $0 + $1.count { $0 } }
        return 10 * (abs(20 * dark - 10 * total) / total)
    }
}
