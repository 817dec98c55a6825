import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

typealias UnitReport = Components.Schemas.UnitEvaluation

// MARK: - Report requests

extension APIClient {
    /// `GET /v1/evaluations/units/{unit}?from=&to=` that must succeed.
    func unitReport(
        _ unit: String, from: String, to: String, as user: TestUser, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> UnitReport {
        try expectJSON(
            try await get("/v1/evaluations/units/\(unit)?from=\(from)&to=\(to)", token: user.token), .ok, as: UnitReport.self,
            sourceLocation: sourceLocation)
    }

    /// `GET` of a report as CSV (`Accept: text/csv`), checked to be `text/csv` and to start with a BOM.
    func csv(_ path: String, as user: TestUser, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [[String]] {
        let response = try await get(path, token: user.token, headers: [.accept: "text/csv"])
        try #require(response.status == .ok, "body: \(response.text)", sourceLocation: sourceLocation)
        #expect(response.contentType?.hasPrefix("text/csv") == true, "\(response.contentType ?? "-")", sourceLocation: sourceLocation)
        let bytes = Array(response.body.readableBytesView)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "no UTF-8 BOM", sourceLocation: sourceLocation)
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"), "rows end in CRLF", sourceLocation: sourceLocation)
        return try CSVReader.rows(text)
    }

    /// A citizen's rating through the public endpoint (201).
    func rate(
        _ dossier: DossierView, scores: [Int], satisfaction: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        var body: [String: EvalJSON] = ["satisfaction": .string(satisfaction)]
        body["scores"] = .object(Dictionary(uniqueKeysWithValues: scores.enumerated().map { ("i\($0.offset + 1)", EvalJSON.int($0.element)) }))
        let response = try await post("/v1/public/dossiers/\(dossier.code)/rating?lookupKey=\(dossier.lookupKey)", json: body)
        #expect(response.status == .created, "body: \(response.text)", sourceLocation: sourceLocation)
    }
}

/// A JSON value to build bodies with.
enum EvalJSON: Encodable, Sendable {
    case string(String), int(Int), object([String: EvalJSON])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

// MARK: - CSV

/// A strict RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line breaks; rows end in CRLF.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false
        var atFieldStart = true
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard atFieldStart else { throw Malformed(description: "quote inside an unquoted field: \(field)") }
                quoted = true
                atFieldStart = false
            case ",":
                row.append(field); field = ""; atFieldStart = true
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Malformed(description: "CR without LF") }
                row.append(field); rows.append(row); row = []; field = ""; atFieldStart = true
            case "\n":
                throw Malformed(description: "bare LF line end")
            default:
                field.unicodeScalars.append(c); atFieldStart = false
            }
        }
        guard !quoted else { throw Malformed(description: "unterminated quote") }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// The rows as dictionaries keyed by the header row.
    static func records(_ rows: [[String]]) -> [[String: String]] {
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0).map { ($0, $1) }) }
    }
}

// MARK: - Numbers

/// Equal within 1e-6 (both nil counts as equal).
/// The same for a nullable figure of a decoded report (left out and `null` both read as not applicable).
func nearly(_ a: NullableDouble?, _ b: Double?, tolerance: Double = 1e-6) -> Bool {
    nearly(a?.value, b, tolerance: tolerance)
}

func nearly(_ a: Double?, _ b: Double?, tolerance: Double = 1e-6) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): abs(a - b) <= tolerance
    default: false
    }
}

/// `percentile_cont(p)` of PostgreSQL: linear interpolation between the closest ranks.
func percentileCont(_ p: Double, _ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let position = p * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
}

// MARK: - Direct SQL

extension TestEnvironment {
    /// A second Form 02 for `code`, as another handling unit would have sent it (the API allows one per
    /// dossier and handling unit): a `supplement_requests` row and the counter, as the store writes them.
    func addSupplementRequest(_ code: String, handlingUnit: String, at instant: Date) async throws {
        let updated = try await pool.execute("""
            WITH d AS (SELECT id FROM dossiers WHERE code = \(code)),
            r AS (
                INSERT INTO supplement_requests (dossier_id, handling_unit, phase, requested_at, reason, items, supplied_at)
                SELECT id, \(handlingUnit), 'processing', \(instant), 'Thiếu giấy tờ (phòng chuyên môn)', '[]'::jsonb, \(instant) FROM d)
            UPDATE dossiers SET supplement_requests = supplement_requests + 1 WHERE id = (SELECT id FROM d)
            """)
        #expect(updated == 1)
    }

    /// The stored supplement request count of a dossier.
    func supplementCount(_ code: String) async throws -> Int {
        try await pool.query("SELECT supplement_requests FROM dossiers WHERE code = \(code)").first!.decode(Int.self, at: 0)
    }
}

// MARK: - A commune world for the evaluation tests

extension TestEnvironment {
    /// A 3-working-day procedure with a fee of 8 000 and three steps within its 24 working hours:
    /// intake (4 h, reception), `tham-dinh` (16 h, specialist, the default on `assign`), `phe-duyet` (4 h, leader).
    static func evaluationProcedureBody(name: String = "Đăng ký khai sinh thử") -> ProcedureBody {
        var body = ProcedureBody.sample(name: name)
        body.processingTime = .init(value: 3, unit: "working_days")
        body.fee = .init(amount: 8000, description: "Lệ phí")
        body.steps = [
            .init(code: "tiep-nhan", name: "Tiếp nhận", role: "reception", durationHours: 4),
            .init(code: "tham-dinh", name: "Thẩm định", role: "specialist", durationHours: 16),
            .init(code: "phe-duyet", name: "Phê duyệt", role: "leader", durationHours: 4),
        ]
        return body
    }

    /// The `DossierWorld` of DossierFixtures (three communes, officers of every role in A and B), built
    /// with ``evaluationProcedureBody(name:)``.
    func makeEvaluationWorld() async throws -> DossierWorld {
        let province = try await makeProvince(communes: 3)
        let admin = try await makeAdmin(province)
        let procedure = try await publishProcedure(Self.evaluationProcedureBody(), as: admin)
        let a = province.communes[0], b = province.communes[1]
        async let portal = makeUser([.portal], unit: province.code)
        async let auditor = makeUser([.auditor], unit: province.code)
        async let reception = makeUser([.reception], unit: a)
        async let leader = makeUser([.leader], unit: a)
        async let specialist = makeUser([.specialist], unit: a)
        async let specialist2 = makeUser([.specialist], unit: a)
        async let receptionB = makeUser([.reception], unit: b)
        async let leaderB = makeUser([.leader], unit: b)
        async let specialistB = makeUser([.specialist], unit: b)
        return DossierWorld(
            province: province, procedureCode: procedure.code, admin: admin, portal: try await portal, auditor: try await auditor,
            reception: try await reception, leader: try await leader, specialist: try await specialist,
            specialist2: try await specialist2, receptionB: try await receptionB, leaderB: try await leaderB,
            specialistB: try await specialistB)
    }
}
