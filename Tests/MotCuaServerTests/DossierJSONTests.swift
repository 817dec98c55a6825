import Foundation
import MotCuaPostgres
import MotCuaStore
import Testing

/// The dossier's JSON columns are written by `Encodable` and read by hand (`JSONScannable`): every
/// field must come back as it went in, through PostgreSQL's jsonb.
@Suite("Dossier JSON columns")
struct DossierJSONTests {
    static let texts = [
        "", "Nguyễn Thị Ánh", "Đường 3/2, P. Xuân Khánh", #"quote " backslash \ slash /"#, "tab\tnew\nline\u{1}",
        "emoji 🇻🇳 and 𝄞", String(repeating: "Ư", count: 300),
    ]

    func roundTrip<T: Encodable & JSONScannable>(_ value: T, pool: PostgresPool) async throws -> T {
        let text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        return try await pool.query("SELECT \(text)::jsonb AS v")[0].decode(ScannedJSON<T>.self, "v").value
    }

    @Test("an applicant and documents come back field for field")
    func roundTrips() async throws {
        let pool = try await TestDatabase.pool()
        for (index, text) in Self.texts.enumerated() {
            let applicant = Applicant(
                fullName: text, idNumber: "0010\(index)", phone: index.isMultiple(of: 2) ? nil : text,
                email: index.isMultiple(of: 3) ? nil : "a\(index)@x.vn", address: index == 1 ? nil : text)
            #expect(try await roundTrip(applicant, pool: pool) == applicant)
            let documents = [FiledDocument(code: text, name: text, digitized: true), FiledDocument(code: "TK", name: "Tờ khai", digitized: false)]
            #expect(try await roundTrip(documents, pool: pool) == documents)
        }
        #expect(try await roundTrip([FiledDocument](), pool: pool) == [])
    }

    @Test("documents stored without `digitized` read as not digitized; a missing name is a decoding error")
    func olderRows() async throws {
        let pool = try await TestDatabase.pool()
        let documents = try await pool.query(#"SELECT '[{"code": "a", "name": "b"}]'::jsonb AS v"#)[0]
            .decode(ScannedJSON<[FiledDocument]>.self, "v").value
        #expect(documents == [FiledDocument(code: "a", name: "b", digitized: false)])
        let error = await #expect(throws: PostgresDecodingError.self) {
            try await pool.query(#"SELECT '{"fullName": "A"}'::jsonb AS v"#)[0].decode(ScannedJSON<Applicant>.self, "v")
        }
        #expect(error?.reason?.contains("idNumber") == true)
    }
}
