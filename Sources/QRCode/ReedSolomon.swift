/// Arithmetic in GF(2⁸) modulo the primitive polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D), with α = 2.
enum GaloisField {
    /// `powers[i]` is αⁱ, for i in 0..<255.
    static let powers: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 255)
        var value = 1
        for exponent in 0..<255 {
            table[exponent] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// `logarithms[v]` is the i with αⁱ = v, for v in 1...255 (entry 0 is unused).
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for (exponent, value) in powers.enumerated() { table[Int(value)] = exponent }
        return table
    }()

    /// The product of two field elements.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return powers[(logarithms[Int(a)] + logarithms[Int(b)]) % 255]
    }
}

/// Computes error correction codewords: the remainder of the data polynomial times x^degree divided
/// by the generator polynomial (x − α⁰)(x − α¹)…(x − α^(degree−1)) (ISO/IEC 18004:2015, 7.5.2).
struct ReedSolomonEncoder {
    /// Generator coefficients from x^(degree−1) down to x⁰; the leading coefficient 1 is implied.
    private let generator: [UInt8]

    /// An encoder producing `degree` error correction codewords.
    init(degree: Int) {
        var coefficients: [UInt8] = [1] // highest power first
        for exponent in 0..<degree {
            let root = GaloisField.powers[exponent]
            var product = coefficients + [0]
            for index in 1..<product.count {
                product[index] ^= GaloisField.multiply(coefficients[index - 1], root)
            }
            coefficients = product
        }
        generator = Array(coefficients.dropFirst())
    }

    /// The error correction codewords for a block of data codewords.
    func errorCorrection(for data: [UInt8]) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in remainder.indices {
                remainder[index] ^= GaloisField.multiply(generator[index], factor)
            }
        }
        return remainder
    }
}
