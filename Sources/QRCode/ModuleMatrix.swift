/// The square grid of a symbol under construction: which modules are dark, and which belong to
/// function patterns (finders, separators, timing, alignment, and the format and version areas).
struct ModuleMatrix: Sendable {
    /// Modules on a side.
    let size: Int
    /// Modules row by row; `true` is dark.
    private(set) var modules: [Bool]
    /// Whether each module belongs to a function pattern, row by row; masks and data leave those alone.
    private var isFunction: [Bool]

    /// The number of modules on a side of a version's symbol.
    static func size(ofVersion version: Int) -> Int { 17 + 4 * version }

    /// A matrix with the finder, separator, timing and alignment patterns drawn, and the format and
    /// version information areas and the dark module reserved but left light (ISO/IEC 18004:2015, 6.3).
    init(version: Int) {
        size = Self.size(ofVersion: version)
        modules = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
        for index in 0..<size { // timing patterns, partly overdrawn by finders
            setFunction(x: 6, y: index, dark: index % 2 == 0)
            setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
        drawFinder(centreX: 3, centreY: 3)
        drawFinder(centreX: size - 4, centreY: 3)
        drawFinder(centreX: 3, centreY: size - 4)
        let centres = VersionTable.alignmentCentres(version)
        for x in centres {
            for y in centres where !Self.overlapsFinder(x, y, centres) {
                drawAlignment(centreX: x, centreY: y)
            }
        }
        for (x, y) in FormatInformation.positions(size: size) + [(8, size - 8)] { // + the dark module
            setFunction(x: x, y: y, dark: false)
        }
        if version >= 7 {
            for (x, y) in VersionInformation.positions(size: size) { setFunction(x: x, y: y, dark: false) }
        }
    }

    /// Whether the module in column `x` and row `y` is dark.
    subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// Fills the modules outside function patterns with the codewords' bits, most significant first, in
    /// two-module-wide columns from the right, upwards and downwards in turn, skipping the vertical
    /// timing pattern (7.7.3). Remainder bits stay light.
    mutating func placeCodewords(_ codewords: [UInt8]) {
        var bitIndex = 0
        for right in stride(from: size - 1, to: 0, by: -2) {
            let pairRight = right <= 6 ? right - 1 : right
            let upwards = (size - 1 - pairRight) / 2 % 2 == 0
            for step in 0..<size {
                let y = upwards ? size - 1 - step : step
                for x in [pairRight, pairRight - 1] where !isFunction[y * size + x] {
                    guard bitIndex < codewords.count * 8 else { return }
                    modules[y * size + x] = codewords[bitIndex / 8] >> (7 - bitIndex % 8) & 1 == 1
                    bitIndex += 1
                }
            }
        }
    }

    /// A copy with the modules outside function patterns inverted where `mask`'s condition holds (7.8.2).
    func masked(with mask: Int) -> ModuleMatrix {
        var copy = self
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && MaskPattern.inverts(mask, x: x, y: y) {
                copy.modules[y * size + x].toggle()
            }
        }
        return copy
    }

    /// Writes the 15 format information bits twice, and the dark module (7.9.1).
    mutating func drawFormatInformation(_ level: QRCode.ErrorCorrection, mask: Int) {
        let bits = FormatInformation.bits(level, mask: mask)
        for (index, (x, y)) in FormatInformation.positions(size: size).enumerated() {
            modules[y * size + x] = bits >> (index % 15) & 1 == 1
        }
        modules[(size - 8) * size + 8] = true
    }

    /// Writes the 18 version information bits twice, for versions 7 and up (7.10).
    mutating func drawVersionInformation(_ version: Int) {
        guard version >= 7 else { return }
        let bits = VersionInformation.bits(version)
        for (index, (x, y)) in VersionInformation.positions(size: size).enumerated() {
            modules[y * size + x] = bits >> (index % 18) & 1 == 1
        }
    }

    private mutating func setFunction(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    /// A 7×7 finder pattern and its light separator, clipped to the symbol.
    private mutating func drawFinder(centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centreX + dx, y = centreY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// A 5×5 alignment pattern: dark ring, light ring, dark centre.
    private mutating func drawAlignment(centreX: Int, centreY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// Alignment centres at the top left, top right and bottom left corners would overlap finders.
    private static func overlapsFinder(_ x: Int, _ y: Int, _ centres: [Int]) -> Bool {
        let first = centres.first, last = centres.last
        return (x == first && y == first) || (x == first && y == last) || (x == last && y == first)
    }
}
