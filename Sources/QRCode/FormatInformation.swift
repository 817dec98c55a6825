/// The 15-bit format information: error correction level and mask, protected by a (15, 5) BCH code
/// and XORed with 101010000010010 (ISO/IEC 18004:2015, 7.9.1).
enum FormatInformation {
    /// The format information bits, bit 14 the most significant.
    static func bits(_ level: QRCode.ErrorCorrection, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        return (data << 10 | bchRemainder(data, generator: 0b101_0011_0111, degree: 10)) ^ 0b101_0100_0001_0010
    }

    /// Where bits 0...14 go: first around the top-left finder, then the second copy split between
    /// the top-right and bottom-left finders; `(x, y)` with x the column.
    static func positions(size: Int) -> [(x: Int, y: Int)] {
        let nearTopLeft = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8),
                           (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
        let topRight = (0..<8).map { (size - 1 - $0, 8) }
        let bottomLeft = (8..<15).map { (8, size - 15 + $0) }
        return nearTopLeft + topRight + bottomLeft
    }
}

/// The 18-bit version information of versions 7 and up: the version number protected by an
/// (18, 6) BCH code (ISO/IEC 18004:2015, 7.10).
enum VersionInformation {
    /// The version information bits, bit 17 the most significant.
    static func bits(_ version: Int) -> Int {
        version << 12 | bchRemainder(version, generator: 0b1_1111_0010_0101, degree: 12)
    }

    /// Where bits 0...17 go: the 6×3 block above the bottom-left finder, then its transpose left of
    /// the top-right finder; `(x, y)` with x the column.
    static func positions(size: Int) -> [(x: Int, y: Int)] {
        let bottomLeft = (0..<18).map { (x: $0 / 3, y: size - 11 + $0 % 3) }
        return bottomLeft + bottomLeft.map { (x: $0.y, y: $0.x) }
    }
}

/// The remainder of `data × x^degree` divided by `generator` over GF(2).
func bchRemainder(_ data: Int, generator: Int, degree: Int) -> Int {
    var remainder = data << degree
    for shift in stride(from: Int.bitWidth - remainder.leadingZeroBitCount - 1, through: degree, by: -1)
    where remainder >> shift & 1 == 1 {
        remainder ^= generator << (shift - degree)
    }
    return remainder
}

extension QRCode.ErrorCorrection {
    /// The two-bit level indicator of the format information (table 12).
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }
}
