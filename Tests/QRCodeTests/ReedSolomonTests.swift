import Testing
@testable import QRCode

@Suite("Reed-Solomon over GF(256)")
struct ReedSolomonTests {
    @Test("HELLO WORLD at 1-M: the standard's worked example")
    func helloWorld() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let ec = ReedSolomonEncoder(degree: 10).errorCorrection(for: data)
        #expect(ec == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test("a whole codeword vanishes at each generator root α⁰…α^(n−1)", arguments: [7, 10, 17, 22, 30])
    func rootsOfTheCodeword(degree: Int) {
        let data: [UInt8] = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let codeword = data + ReedSolomonEncoder(degree: degree).errorCorrection(for: data)
        for exponent in 0..<degree {
            let root = GaloisField.powers[exponent]
            let value = codeword.reduce(UInt8(0)) { GaloisField.multiply($0, root) ^ $1 } // Horner
            #expect(value == 0, "codeword(α^\(exponent)) = \(value)")
        }
    }

    @Test("the field is reduced by 0x11D and α generates all 255 non-zero elements")
    func field() {
        #expect(GaloisField.multiply(0x80, 2) == 0x1D)
        #expect(Set(GaloisField.powers).count == 255)
        #expect(GaloisField.multiply(GaloisField.powers[200], GaloisField.powers[100]) == GaloisField.powers[45])
        #expect(GaloisField.multiply(0, 0x53) == 0)
    }
}
