/// Turns bytes into the final codeword sequence of a symbol: a byte mode segment padded to the data
/// capacity (ISO/IEC 18004:2015, 7.4), split into blocks with error correction (7.5) and interleaved (7.6).
enum CodewordSequence {
    /// The interleaved data and error correction codewords for `bytes` in the given version and level,
    /// which must hold them.
    static func make(_ bytes: [UInt8], version: Int, level: QRCode.ErrorCorrection) -> [UInt8] {
        interleavedBlocks(of: dataCodewords(bytes, version: version, level: level), version: version, level: level)
    }

    /// Mode indicator, character count, the bytes, terminator, zero bits to a byte boundary, and the pad
    /// codewords 0xEC and 0x11 in turn up to the data capacity.
    static func dataCodewords(_ bytes: [UInt8], version: Int, level: QRCode.ErrorCorrection) -> [UInt8] {
        let capacity = VersionTable.dataCodewords(version, level)
        var bits = BitBuffer()
        bits.append(0b0100, bitCount: 4) // byte mode
        bits.append(bytes.count, bitCount: VersionTable.characterCountBits(version))
        for byte in bytes { bits.append(Int(byte), bitCount: 8) }
        precondition(bits.count <= capacity * 8, "\(bytes.count) bytes do not fit version \(version)")
        bits.append(0, bitCount: min(4, capacity * 8 - bits.count)) // terminator
        bits.append(0, bitCount: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits data codewords into blocks, the shorter ones first and the longer ones one codeword
    /// longer, appends each block's error correction, then takes the data codewords column by column
    /// across the blocks, followed by the error correction codewords likewise.
    static func interleavedBlocks(of data: [UInt8], version: Int, level: QRCode.ErrorCorrection) -> [UInt8] {
        let blockCount = VersionTable.blockCount(version, level)
        let ecLength = VersionTable.ecCodewordsPerBlock(version, level)
        let longBlockCount = data.count % blockCount
        let shortDataLength = data.count / blockCount
        let encoder = ReedSolomonEncoder(degree: ecLength)
        var dataBlocks: [ArraySlice<UInt8>] = []
        var ecBlocks: [[UInt8]] = []
        var start = data.startIndex
        for blockIndex in 0..<blockCount {
            let length = shortDataLength + (blockIndex >= blockCount - longBlockCount ? 1 : 0)
            let block = data[start..<start + length]
            dataBlocks.append(block)
            ecBlocks.append(encoder.errorCorrection(for: Array(block)))
            start += length
        }
        var sequence: [UInt8] = []
        sequence.reserveCapacity(data.count + blockCount * ecLength)
        for column in 0...shortDataLength {
            for block in dataBlocks where column < block.count {
                sequence.append(block[block.startIndex + column])
            }
        }
        for column in 0..<ecLength {
            for block in ecBlocks { sequence.append(block[column]) }
        }
        return sequence
    }
}

/// Bits appended most significant first, read back as bytes.
struct BitBuffer {
    private var bits: [Bool] = []

    /// The number of bits appended.
    var count: Int { bits.count }

    /// Appends the low `bitCount` bits of `value`, most significant first.
    mutating func append(_ value: Int, bitCount: Int) {
        for shift in stride(from: bitCount - 1, through: 0, by: -1) {
            bits.append((value >> shift) & 1 == 1)
        }
    }

    /// The bits eight at a time; a last partial byte is padded with zeros.
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(0) { byte, offset in
                let index = start + offset
                return byte << 1 | (index < bits.count && bits[index] ? 1 : 0)
            }
        }
    }
}
