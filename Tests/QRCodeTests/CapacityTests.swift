import Testing
@testable import QRCode

@Suite("Capacity and version selection")
struct CapacityTests {
    @Test("block structure of every version and level matches table 9")
    func blockStructure() {
        let lines = StandardTables.blocks.split(separator: "\n")
        #expect(lines.count == 40)
        for (versionIndex, line) in lines.enumerated() {
            let version = versionIndex + 1
            for (level, cell) in zip(QRCode.ErrorCorrection.allCases, line.split(separator: " ")) {
                #expect(Self.blockGroups(version, level) == String(cell), "version \(version) \(level)")
            }
        }
    }

    /// The block structure derived from `VersionTable`, written like table 9: "countxtotal/data" groups.
    static func blockGroups(_ version: Int, _ level: QRCode.ErrorCorrection) -> String {
        let blocks = VersionTable.blockCount(version, level)
        let total = VersionTable.totalCodewords(version)
        let ec = VersionTable.ecCodewordsPerBlock(version, level)
        let longBlocks = total % blocks, short = total / blocks
        let shortGroup = "\(blocks - longBlocks)x\(short)/\(short - ec)"
        return longBlocks == 0 ? shortGroup : shortGroup + "+\(longBlocks)x\(short + 1)/\(short + 1 - ec)"
    }

    @Test("byte capacity of every version and level matches segno's", arguments: QRCode.ErrorCorrection.allCases)
    func byteCapacities(level: QRCode.ErrorCorrection) {
        #expect((1...40).map { VersionTable.byteCapacity($0, level) } == StandardTables.byteCapacities[level])
    }

    @Test("the smallest version that holds the bytes is chosen, for every boundary",
          arguments: QRCode.ErrorCorrection.allCases)
    func versionBoundaries(level: QRCode.ErrorCorrection) {
        let capacities = StandardTables.byteCapacities[level]!
        for (index, capacity) in capacities.enumerated() {
            #expect(VersionTable.smallestVersion(holding: capacity, level) == index + 1)
            #expect(VersionTable.smallestVersion(holding: capacity + 1, level) == (index < 39 ? index + 2 : nil))
        }
    }

    @Test("1-M holds 14 bytes; 15 bytes need version 2")
    func versionOneMedium() throws {
        #expect(try QRCode(String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode(String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode("").version == 1)
    }

    @Test("40-L holds 2953 bytes; one more throws", arguments: [
        (QRCode.ErrorCorrection.low, 2953), (.high, 1273),
    ])
    func largest(level: QRCode.ErrorCorrection, maximum: Int) throws {
        let code = try QRCode(String(repeating: "z", count: maximum), errorCorrection: level, mask: 0)
        #expect(code.version == 40 && code.size == 177)
        #expect(throws: QRCode.EncodingError.dataTooLong(byteCount: maximum + 1, maximumByteCount: maximum)) {
            try QRCode(String(repeating: "z", count: maximum + 1), errorCorrection: level)
        }
    }

    @Test("capacity counts UTF-8 bytes, not characters")
    func utf8Bytes() throws {
        #expect(try QRCode(String(repeating: "ệ", count: 4)).version == 1) // 12 bytes
        #expect(try QRCode(String(repeating: "ệ", count: 5)).version == 2) // 15 bytes
    }

    @Test("a forced mask outside 0...7 throws", arguments: [-1, 8])
    func invalidMask(mask: Int) {
        #expect(throws: QRCode.EncodingError.invalidMask(mask)) { try QRCode("x", mask: mask) }
    }
}
