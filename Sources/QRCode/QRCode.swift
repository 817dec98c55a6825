/// A QR Code symbol (ISO/IEC 18004, model 2) holding the UTF-8 bytes of a text in byte mode.
///
/// The smallest version (1 to 40) that holds the text at the chosen error correction level is used,
/// and the data mask with the lowest penalty score (rules N1 to N4, scored before the format and
/// version information are drawn, as the standard's encoding steps order it) unless one is forced.
///
/// ```swift
/// let code = try QRCode("https://motcua.example.vn/tra-cuu?ma=…", errorCorrection: .medium)
/// let markup = code.svg(moduleSize: 4, ariaLabel: "Mã QR tra cứu hồ sơ")
/// ```
public struct QRCode: Sendable, Hashable {
    /// How much of the symbol can be damaged or hidden and still be read.
    public enum ErrorCorrection: Sendable, Hashable, CaseIterable {
        /// Level L: about 7 % of the codewords can be restored.
        case low
        /// Level M: about 15 % of the codewords can be restored.
        case medium
        /// Level Q: about 25 % of the codewords can be restored.
        case quartile
        /// Level H: about 30 % of the codewords can be restored.
        case high
    }

    /// Why a text could not be encoded.
    public enum EncodingError: Error, Sendable, Hashable {
        /// The text's UTF-8 bytes do not fit a version 40 symbol at the requested level.
        case dataTooLong(byteCount: Int, maximumByteCount: Int)
        /// A forced mask was outside 0...7.
        case invalidMask(Int)
    }

    /// The symbol's version, 1...40.
    public let version: Int
    /// The error correction level.
    public let errorCorrection: ErrorCorrection
    /// The data mask pattern applied, 0...7.
    public let mask: Int
    /// Modules, row by row; `true` is dark.
    private let modules: [Bool]

    /// The number of modules on a side, `17 + 4 × version`, without the quiet zone.
    public var size: Int { ModuleMatrix.size(ofVersion: version) }

    /// Whether the module in column `x` and row `y` (both `0..<size`, from the top left) is dark.
    public subscript(x: Int, y: Int) -> Bool {
        precondition((0..<size).contains(x) && (0..<size).contains(y), "module (\(x), \(y)) is outside the symbol")
        return modules[y * size + x]
    }

    /// Encodes the UTF-8 bytes of `text` in byte mode.
    ///
    /// - Parameters:
    ///   - errorCorrection: The error correction level.
    ///   - mask: A data mask pattern 0...7 to use instead of the one with the lowest penalty.
    /// - Throws: ``EncodingError/dataTooLong(byteCount:maximumByteCount:)`` when the bytes do not fit
    ///   version 40, ``EncodingError/invalidMask(_:)`` when `mask` is outside 0...7.
    public init(_ text: String, errorCorrection: ErrorCorrection = .medium, mask: Int? = nil) throws(EncodingError) {
        if let mask, !MaskPattern.all.contains(mask) { throw .invalidMask(mask) }
        let (version, unmasked) = try Self.unmaskedMatrix(Array(text.utf8), errorCorrection)
        let chosen = mask ?? MaskPenalty.lowestPenaltyMask(for: unmasked)
        var matrix = unmasked.masked(with: chosen)
        matrix.drawFormatInformation(errorCorrection, mask: chosen)
        matrix.drawVersionInformation(version)
        self.version = version
        self.errorCorrection = errorCorrection
        self.mask = chosen
        self.modules = matrix.modules
    }

    /// The smallest version that holds `bytes`, and its matrix with function patterns and codewords
    /// but neither mask nor format and version information: the state in which masks are evaluated.
    static func unmaskedMatrix(
        _ bytes: [UInt8], _ level: ErrorCorrection
    ) throws(EncodingError) -> (version: Int, matrix: ModuleMatrix) {
        guard let version = VersionTable.smallestVersion(holding: bytes.count, level) else {
            throw .dataTooLong(byteCount: bytes.count, maximumByteCount: VersionTable.byteCapacity(40, level))
        }
        var matrix = ModuleMatrix(version: version)
        matrix.placeCodewords(CodewordSequence.make(bytes, version: version, level: level))
        return (version, matrix)
    }
}
