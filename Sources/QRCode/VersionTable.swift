/// Per-version constants of ISO/IEC 18004:2015: error correction (table 9), alignment pattern
/// centres (table E.1) and the byte mode capacity that follows from them.
enum VersionTable {
    /// Error correction codewords in each block, by level, for versions 1...40.
    private static let ecCodewordsPerBlock: [QRCode.ErrorCorrection: [Int]] = [
        .low: [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
               28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        .medium: [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
                  26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        .quartile: [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
                    28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        .high: [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
                30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Error correction blocks, by level, for versions 1...40.
    private static let blockCounts: [QRCode.ErrorCorrection: [Int]] = [
        .low: [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
               8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        .medium: [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
                  17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        .quartile: [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
                    23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        .high: [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
                25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    /// Row and column coordinates of alignment pattern centres for versions 1...40.
    private static let alignmentCentres: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34],
        [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62],
        [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74], [6, 30, 54, 78], [6, 30, 56, 82],
        [6, 30, 58, 86], [6, 34, 62, 90],
        [6, 28, 50, 72, 94], [6, 26, 50, 74, 98], [6, 30, 54, 78, 102], [6, 28, 54, 80, 106],
        [6, 32, 58, 84, 110], [6, 30, 58, 86, 114], [6, 34, 62, 90, 118],
        [6, 26, 50, 74, 98, 122], [6, 30, 54, 78, 102, 126], [6, 26, 52, 78, 104, 130],
        [6, 30, 56, 82, 108, 134], [6, 34, 60, 86, 112, 138], [6, 30, 58, 86, 114, 142],
        [6, 34, 62, 90, 118, 146],
        [6, 30, 54, 78, 102, 126, 150], [6, 24, 50, 76, 102, 128, 154], [6, 28, 54, 80, 106, 132, 158],
        [6, 32, 58, 84, 110, 136, 162], [6, 26, 54, 82, 110, 138, 166], [6, 30, 58, 86, 114, 142, 170],
    ]

    /// Error correction codewords in each block.
    static func ecCodewordsPerBlock(_ version: Int, _ level: QRCode.ErrorCorrection) -> Int {
        ecCodewordsPerBlock[level]![version - 1]
    }

    /// The number of error correction blocks.
    static func blockCount(_ version: Int, _ level: QRCode.ErrorCorrection) -> Int {
        blockCounts[level]![version - 1]
    }

    /// Row and column coordinates of alignment pattern centres, ascending.
    static func alignmentCentres(_ version: Int) -> [Int] {
        alignmentCentres[version - 1]
    }

    /// All codewords, data and error correction, that fit the version's data modules
    /// (table 1; the 0 to 7 remainder bits are left out).
    static func totalCodewords(_ version: Int) -> Int {
        let side = ModuleMatrix.size(ofVersion: version)
        let alignmentCount = alignmentCentres(version).count
        let alignmentPatterns = alignmentCount == 0 ? 0 : alignmentCount * alignmentCount - 3 // none on finders
        let finders = 3 * 64 // with separators
        let timing = 2 * (side - 16) - 2 * 5 * max(alignmentCount - 2, 0) // less alignment overlap
        let formatAndDarkModule = 31
        let versionInformation = version >= 7 ? 36 : 0
        let functionModules = finders + 25 * alignmentPatterns + timing + formatAndDarkModule + versionInformation
        return (side * side - functionModules) / 8
    }

    /// Data codewords: all codewords less those for error correction.
    static func dataCodewords(_ version: Int, _ level: QRCode.ErrorCorrection) -> Int {
        totalCodewords(version) - ecCodewordsPerBlock(version, level) * blockCount(version, level)
    }

    /// Bits of the character count indicator in byte mode (table 3).
    static func characterCountBits(_ version: Int) -> Int {
        version <= 9 ? 8 : 16
    }

    /// The most bytes one byte mode segment can hold.
    static func byteCapacity(_ version: Int, _ level: QRCode.ErrorCorrection) -> Int {
        let modeIndicatorBits = 4
        return (dataCodewords(version, level) * 8 - modeIndicatorBits - characterCountBits(version)) / 8
    }

    /// The smallest version whose byte capacity is at least `byteCount`, or `nil` when none is.
    static func smallestVersion(holding byteCount: Int, _ level: QRCode.ErrorCorrection) -> Int? {
        (1...40).first { byteCapacity($0, level) >= byteCount }
    }
}
