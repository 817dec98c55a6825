import Testing
@testable import QRCode

@Suite("SVG rendering")
struct SVGTests {
    @Test("one svg with viewBox, size, role, a white rect and one path")
    func structure() throws {
        let svg = try QRCode("MotCua").svg(moduleSize: 3, quietZone: 4)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" width=\"87\" height=\"87\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains(" role=\"img\" aria-label=\"QR code\" shape-rendering=\"crispEdges\""))
        #expect(svg.contains("<rect width=\"29\" height=\"29\" fill=\"#fff\"/>"))
        #expect(svg.split(separator: "<path").count == 2)
        #expect(svg.split(separator: "<svg").count == 1)
    }

    @Test("the aria-label is escaped for XML")
    func escapedLabel() throws {
        let svg = try QRCode("x").svg(ariaLabel: #"Mã "QR" <tra cứu> & 'hồ sơ'"#)
        #expect(svg.contains(#"aria-label="Mã &quot;QR&quot; &lt;tra cứu&gt; &amp; &apos;hồ sơ&apos;""#))
    }

    @Test("the path covers exactly the dark modules, shifted by the quiet zone", arguments: [0, 4])
    func pathCoversDarkModules(quietZone: Int) throws {
        let code = try QRCode(ReferenceSymbol.lookupURL)
        var covered = Set<[Int]>()
        for rectangle in code.darkRunsPath(offset: quietZone).split(separator: "z") {
            // "M<x> <y>h<w>v1h-<w>"
            let numbers = rectangle.split { "Mhv -".contains($0) }.map { Int($0)! }
            try #require(numbers.count == 5 && numbers[3] == 1 && numbers[4] == numbers[2])
            for x in numbers[0]..<numbers[0] + numbers[2] {
                #expect(covered.insert([x - quietZone, numbers[1] - quietZone]).inserted)
            }
        }
        let dark = (0..<code.size).flatMap { y in (0..<code.size).filter { code[$0, y] }.map { [$0, y] } }
        #expect(covered == Set(dark))
    }
}
