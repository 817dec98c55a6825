import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Agency and dossier codes")
struct CodesTests {
    @Test("agency codes are 1-35 characters of A-Z, 0-9 and '.'",
          arguments: [("H15.50.05.13", true), ("A", true), (String(repeating: "9", count: 35), true),
                      (String(repeating: "9", count: 36), false), ("", false), ("h15.50", false),
                      ("H15-50", false), ("H15 50", false), ("Đ15", false)])
    func agencyCodes(text: String, valid: Bool) {
        #expect((AgencyCode(text) != nil) == valid)
    }

    @Test("a dossier code formats agency, yyMMdd and a 4-digit sequence")
    func format() {
        let code = DossierCode(agency: AgencyCode("H15.50.05.13")!, date: day(2026, 10, 8), sequence: 975)
        #expect(code.description == "H15.50.05.13-261008-0975")
        #expect(DossierCode(agency: AgencyCode("X")!, date: day(2026, 1, 2), sequence: 12345).description == "X-260102-12345")
    }

    @Test("a dossier code parses back to its parts")
    func parse() {
        let code = DossierCode(parsing: "H15.50.05.13-261008-0975")
        #expect(code?.agency.rawValue == "H15.50.05.13")
        #expect(code?.date == day(2026, 10, 8))
        #expect(code?.sequence == 975)
        #expect(DossierCode(parsing: "X-260102-12345")?.sequence == 12345)
    }

    @Test("malformed dossier codes are rejected", arguments: [
        "H15-261008-0975-1", "H15-261008-975", "H15-261008-00975", "H15-261308-0975", "H15-260230-0001",
        "H15-261008-0000", "h15-261008-0975", "-261008-0975", "H15-26108-0975", "H15-261008-09a5", "H15261008-0975",
    ])
    func malformed(text: String) {
        #expect(DossierCode(parsing: text) == nil)
    }

    @Test("dossier and agency codes encode as JSON strings and reject invalid input")
    func coding() throws {
        let code = DossierCode(parsing: "H15.50.05.13-261008-0975")!
        let data = try JSONEncoder().encode([code])
        #expect(String(decoding: data, as: UTF8.self) == #"["H15.50.05.13-261008-0975"]"#)
        #expect(try JSONDecoder().decode([DossierCode].self, from: data) == [code])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([AgencyCode].self, from: Data(#"["a b"]"#.utf8)) }
    }

    @Test("codes order by agency, date, then sequence")
    func ordering() {
        let a = DossierCode(parsing: "A-261008-0002")!, b = DossierCode(parsing: "A-261008-0010")!
        let c = DossierCode(parsing: "A-261009-0001")!
        #expect(a < b && b < c)
    }
}
