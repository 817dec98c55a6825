import Testing
@testable import QRCode

@Suite("Format and version information")
struct FormatInformationTests {
    @Test("format bits of mask 0 as spelled out in the standard",
          arguments: [(QRCode.ErrorCorrection.low, "111011111000100"), (.medium, "101010000010010"),
                      (.quartile, "011010101011111"), (.high, "001011010001001")])
    func maskZero(level: QRCode.ErrorCorrection, bits: String) {
        #expect(FormatInformation.bits(level, mask: 0) == Int(bits, radix: 2))
    }

    /// ISO/IEC 18004:2015, table C.1, masks 0...7 for each level.
    static let tableC1: [(QRCode.ErrorCorrection, [Int])] = [
        (.medium, [0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0]),
        (.low, [0x77C4, 0x72F3, 0x7DAA, 0x789D, 0x662F, 0x6318, 0x6C41, 0x6976]),
        (.high, [0x1689, 0x13BE, 0x1CE7, 0x19D0, 0x0762, 0x0255, 0x0D0C, 0x083B]),
        (.quartile, [0x355F, 0x3068, 0x3F31, 0x3A06, 0x24B4, 0x2183, 0x2EDA, 0x2BED]),
    ]

    @Test("format bits of every level and mask match table C.1", arguments: tableC1)
    func allFormats(level: QRCode.ErrorCorrection, expected: [Int]) {
        #expect(MaskPattern.all.map { FormatInformation.bits(level, mask: $0) } == expected)
    }

    @Test("version information of versions 7 and 40 as spelled out in the standard")
    func versionsSevenAndForty() {
        #expect(VersionInformation.bits(7) == Int("000111110010010100", radix: 2))
        #expect(VersionInformation.bits(40) == Int("101000110001101001", radix: 2))
    }

    @Test("version information of versions 7...40 matches table D.1")
    func allVersions() {
        let tableD1 = [
            0x07C94, 0x085BC, 0x09A99, 0x0A4D3, 0x0BBF6, 0x0C762, 0x0D847, 0x0E60D, 0x0F928, 0x10B78,
            0x1145D, 0x12A17, 0x13532, 0x149A6, 0x15683, 0x168C9, 0x177EC, 0x18EC4, 0x191E1, 0x1AFAB,
            0x1B08E, 0x1CC1A, 0x1D33F, 0x1ED75, 0x1F250, 0x209D5, 0x216F0, 0x228BA, 0x2379F, 0x24B0B,
            0x2542E, 0x26A64, 0x27541, 0x28C69,
        ]
        #expect((7...40).map(VersionInformation.bits) == tableD1)
    }

    @Test("both copies in a symbol read back as the symbol's level and mask", arguments: [
        (QRCode.ErrorCorrection.low, 5), (.medium, 0), (.quartile, 7), (.high, 3),
    ])
    func readBack(level: QRCode.ErrorCorrection, mask: Int) throws {
        let code = try QRCode("https://motcua.example.vn", errorCorrection: level, mask: mask)
        let positions = FormatInformation.positions(size: code.size)
        let read = positions.enumerated().reduce(into: [0, 0]) { copies, entry in
            if code[entry.element.x, entry.element.y] { copies[entry.offset / 15] |= 1 << (entry.offset % 15) }
        }
        #expect(read == [FormatInformation.bits(level, mask: mask), FormatInformation.bits(level, mask: mask)])
        #expect(code[8, code.size - 8], "the dark module")
    }
}
