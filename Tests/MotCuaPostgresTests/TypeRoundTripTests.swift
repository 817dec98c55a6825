import Foundation
import MotCuaPostgres
import MotCuaTestSupport
import Testing

@Suite("Type round trips against PostgreSQL")
struct TypeRoundTripTests {
    struct Payload: Codable, Equatable, Sendable {
        var name: String
        var tags: [String]
        var amount: Int?
    }

    /// Binds a value, casts it on the server, and decodes it back.
    func roundTrip<T: PostgresEncodable & PostgresDecodable & Equatable>(
        _ value: T, as cast: String, pool: PostgresPool
    ) async throws -> T {
        let rows = try await pool.query("SELECT \(value)::\(unescaped: cast) AS v")
        return try rows[0].decode(T.self, "v")
    }

    @Test("scalars survive a round trip, including Vietnamese text and extremes")
    func scalars() async throws {
        try await TestDatabase.withPool { pool in
            for text in ["", "Đăng ký khai sinh", "Nguyễn Thị Ánh", "quote ' and \" and \\", "NULL", "emoji 🇻🇳"] {
                #expect(try await roundTrip(text, as: "text", pool: pool) == text)
            }
            for number in [0, -1, Int.max, Int.min] {
                #expect(try await roundTrip(number, as: "int8", pool: pool) == number)
            }
            #expect(try await roundTrip(Int32.min, as: "int4", pool: pool) == Int32.min)
            #expect(try await roundTrip(Int64.max, as: "int8", pool: pool) == Int64.max)
            #expect(try await roundTrip(true, as: "bool", pool: pool) == true)
            #expect(try await roundTrip(false, as: "bool", pool: pool) == false)
            for double in [0.1, -2.5e-300, 1.7976931348623157e308, Double.infinity] {
                #expect(try await roundTrip(double, as: "float8", pool: pool) == double)
            }
            #expect(try await roundTrip(Double.nan, as: "float8", pool: pool).isNaN)
            let money = try #require(Decimal(string: "12345678901234567890.123456789"))
            #expect(try await roundTrip(money, as: "numeric", pool: pool) == money)
            #expect(try await roundTrip(Decimal(string: "-0.000001")!, as: "numeric(12,6)", pool: pool) == Decimal(string: "-0.000001")!)
            let id = UUID()
            #expect(try await roundTrip(id, as: "uuid", pool: pool) == id)
        }
    }

    @Test("timestamps keep microseconds and are read in UTC")
    func timestamps() async throws {
        try await TestDatabase.withPool { pool in
            for micros: Int64 in [1_714_566_896_123_456, 0, -1, 946_684_799_999_999, 4_102_444_800_000_001] {
                let date = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
                let back = try await roundTrip(date, as: "timestamptz", pool: pool)
                #expect(Int64((back.timeIntervalSince1970 * 1_000_000).rounded()) == micros)
            }
            let row = try await pool.query(
                "SELECT '2024-05-01 19:34:56.123456+07'::timestamptz AS t, '2024-05-01'::date AS d, 'infinity'::timestamptz AS i"
            )[0]
            let parsed = try row.decode(Date.self, "t")
            #expect(Int64((parsed.timeIntervalSince1970 * 1_000_000).rounded()) == 1_714_566_896_123_456)
            #expect(try row.decode(String.self, "d") == "2024-05-01")
            #expect(throws: PostgresDecodingError.self) { try row.decode(Date.self, "i") }
        }
    }

    @Test("arrays with quotes, commas, braces, NULLs and Vietnamese text")
    func arrays() async throws {
        try await TestDatabase.withPool { pool in
            let texts = ["a,b", "say \"hi\"", "back\\slash", "{braces}", "NULL", "", " spaced ", "Hộ tịch"]
            #expect(try await roundTrip(texts, as: "text[]", pool: pool) == texts)
            let optionals: [String?] = ["x", nil, "NULL", nil]
            #expect(try await roundTrip(optionals, as: "text[]", pool: pool) == optionals)
            #expect(try await roundTrip([1, -2, 3], as: "int8[]", pool: pool) == [1, -2, 3])
            #expect(try await roundTrip([Int](), as: "int4[]", pool: pool) == [])
            let ids = [UUID(), UUID()]
            #expect(try await roundTrip(ids, as: "uuid[]", pool: pool) == ids)
            let rows = try await pool.query("SELECT ARRAY[1, NULL]::int[] AS a")
            #expect(throws: PostgresDecodingError.self) { try rows[0].decode([Int].self, "a") }
            #expect(try rows[0].decode([Int?].self, "a") == [1, nil])
        }
    }

    @Test("jsonb decodes into Codable values")
    func json() async throws {
        try await TestDatabase.withPool { pool in
            let payload = Payload(name: "Đăng ký kết hôn", tags: ["a\"b", "c"], amount: nil)
            let rows = try await pool.query("SELECT \(PostgresJSON(payload))::jsonb AS j, '{\"k\": 1}'::jsonb AS raw")
            #expect(try rows[0].decode(PostgresJSON<Payload>.self, "j").value == payload)
            #expect(try rows[0].decode(String.self, "raw") == "{\"k\": 1}")
        }
    }

    @Test("NULL decodes into Optional and is an error naming the column otherwise")
    func nulls() async throws {
        try await TestDatabase.withPool { pool in
            let none: Int? = nil
            let row = try await pool.query("SELECT \(none)::int AS age, \(String?.none)::text AS name, \(Date?.none)::timestamptz AS at")[0]
            #expect(try row.decode(Int?.self, "age") == nil)
            #expect(try row.decode(String?.self, "name") == nil)
            #expect(try row.decode(Date?.self, at: 2) == nil)
            #expect(row.isNull(at: 0))
            do {
                _ = try row.decode(Int.self, "age")
                Issue.record("expected a decoding error")
            } catch let error as PostgresDecodingError {
                #expect(error.kind == .unexpectedNull)
                #expect(error.column == "age")
            }
            let mismatch = #expect(throws: PostgresDecodingError.self) { try row.decode(Int.self, "missing") }
            #expect(mismatch?.kind == .missingColumn)
        }
    }

    @Test("rows decode into tuples and report columns and counts")
    func tuples() async throws {
        try await TestDatabase.withPool { pool in
            let rows = try await pool.query("SELECT g AS n, 'x' || g AS label FROM generate_series(1, 3) g")
            #expect(rows.count == 3)
            #expect(rows.columns == ["n", "label"])
            let decoded = try rows.map { try $0.decode((Int, String).self) }
            #expect(decoded.map(\.0) == [1, 2, 3])
            #expect(decoded.map(\.1) == ["x1", "x2", "x3"])
        }
    }
}
