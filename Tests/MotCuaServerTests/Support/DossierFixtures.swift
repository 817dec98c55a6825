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

typealias DossierView = Components.Schemas.Dossier

// MARK: - Request bodies

struct ApplicantBody: Codable, Sendable, Hashable {
    var fullName: String
    var idNumber: String
    var phone: String?
    var email: String?
    var address: String?
}

struct FiledDocumentBody: Codable, Sendable, Hashable {
    var code: String
    var name: String
    var digitized: Bool?
}

struct DossierBody: Codable, Sendable, Hashable {
    var procedureCode: String
    var receivingUnit: String
    var handlingUnit: String?
    var channel: String
    var applicant: ApplicantBody
    var documents: [FiledDocumentBody]
    var note: String?
    var externalReference: String? = nil
}

struct SupplementItemBody: Codable, Sendable {
    var documentCode: String
    var note: String
}

struct SupplementRequestBody: Codable, Sendable {
    var reason: String
    var items: [SupplementItemBody]
}

struct RatingBody: Codable, Sendable {
    struct Scores: Codable, Sendable {
        var i1 = 2, i2 = 2, i3 = 2, i4 = 2, i5 = 2, i6 = 2, i7 = 2, i8 = 1, i9 = 1
    }
    var scores = Scores()
    var satisfaction = "satisfied"
    var comment: String?
}

/// A history event as the API returns it (`data` kept loosely).
struct HistoryItem: Decodable, Sendable {
    var at: Date
    var type: String
    var fromStatus: String?
    var toStatus: String?
    var actor: String?
    var step: String?
    var stepDeadline: Date?
    var timeliness: String?
    var reason: String?
    var data: [String: LooseJSON]
}

struct HistoryBody: Decodable, Sendable {
    var code: String
    var items: [HistoryItem]
}

/// Any JSON value, with accessors for the common cases.
enum LooseJSON: Decodable, Sendable, Hashable {
    case string(String), number(Double), bool(Bool), null, other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else { self = .other }
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
}

struct DossierPageBody: Decodable, Sendable {
    var items: [DossierView]
    var nextCursor: String?
}

/// The public lookup view, decoded loosely so the test can check which keys are present.
typealias JSONObject = [String: LooseJSON]

// MARK: - Dossier bodies for a commune world

extension DossierWorld {
    func body(
        channel: String = "counter", receiving: String? = nil, handling: String? = nil, name: String = "Nguyễn Thị Ánh",
        idNumber: String = "001190012345", documents: [String]? = nil
    ) -> DossierBody {
        DossierBody(
            procedureCode: procedureCode, receivingUnit: receiving ?? unitA, handlingUnit: handling, channel: channel,
            applicant: ApplicantBody(
                fullName: name, idNumber: idNumber, phone: "0912345678", email: "anh@example.vn", address: "12 Lê Lợi, Hà Nội"),
            documents: (documents ?? Self.documents).map { FiledDocumentBody(code: $0, name: "Giấy \($0)", digitized: $0 == "TK01") },
            note: nil)
    }
}

extension TestEnvironment {
    /// The dossier's stored status code, version and number of history events (read directly).
    func dossierState(_ code: String) async throws -> DossierState {
        let row = try #require(try await pool.query("""
            SELECT d.status, d.version, (SELECT count(*) FROM dossier_events e WHERE e.dossier_id = d.id),
                   (SELECT count(*) FROM dossier_steps s WHERE s.dossier_id = d.id),
                   (SELECT count(*) FROM supplement_requests r WHERE r.dossier_id = d.id),
                   (SELECT count(*) FROM dossier_payments p WHERE p.dossier_id = d.id),
                   (SELECT count(*) FROM outbox o WHERE o.dossier_id = d.id),
                   d.updated_at, d.due_date::text, d.appointment_date::text, d.apologized
            FROM dossiers d WHERE d.code = \(code)
            """).first)
        return DossierState(
            status: try row.decode(Int.self, at: 0), version: try row.decode(Int.self, at: 1), events: try row.decode(Int.self, at: 2),
            steps: try row.decode(Int.self, at: 3), supplementRequests: try row.decode(Int.self, at: 4),
            payments: try row.decode(Int.self, at: 5), outbox: try row.decode(Int.self, at: 6), updatedAt: try row.decode(Date.self, at: 7),
            dueDate: try row.decode(String?.self, at: 8), appointmentDate: try row.decode(String?.self, at: 9),
            apologized: try row.decode(Bool.self, at: 10))
    }

    /// Events of one type for a dossier, read directly.
    func eventCount(_ code: String, type: String) async throws -> Int {
        try await pool.query("""
            SELECT count(*) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = \(code) AND e.type = \(type)
            """).first!.decode(Int.self, at: 0)
    }
}

struct DossierState: Sendable, Equatable {
    var status: Int
    var version: Int
    var events: Int
    var steps: Int
    var supplementRequests: Int
    var payments: Int
    var outbox: Int
    var updatedAt: Date
    var dueDate: String?
    var appointmentDate: String?
    var apologized: Bool
}

// MARK: - Requests

extension APIClient {
    func intake(_ body: DossierBody, as user: TestUser, idempotencyKey: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let idempotencyKey { headers[HTTPField.Name("Idempotency-Key")!] = idempotencyKey }
        return try await send(.post, "/v1/dossiers", json: body, token: user.token, headers: headers)
    }

    /// Intake that must succeed (201).
    func file(_ body: DossierBody, as user: TestUser, sourceLocation: SourceLocation = #_sourceLocation) async throws -> DossierView {
        try expectJSON(try await intake(body, as: user), .created, as: DossierView.self, sourceLocation: sourceLocation)
    }

    /// `POST /v1/dossiers/{code}/{action}` with `body` (an empty object when nil).
    func act(
        _ action: String, _ code: String, _ body: (any Encodable & Sendable)? = nil, as user: TestUser, ifMatch: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let ifMatch { headers[.ifMatch] = ifMatch }
        let data = try JSON.encoder.encode(AnyEncodable(body ?? EmptyBody()))
        return try await request(.post, "/v1/dossiers/\(code)/\(action)", token: user.token, headers: headers, body: .init(bytes: data))
    }

    /// An action that must succeed (200); returns the updated dossier.
    @discardableResult
    func perform(
        _ action: String, _ code: String, _ body: (any Encodable & Sendable)? = nil, as user: TestUser,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> DossierView {
        try expectJSON(try await act(action, code, body, as: user), .ok, as: DossierView.self, sourceLocation: sourceLocation)
    }

    func dossier(_ code: String, as user: TestUser, sourceLocation: SourceLocation = #_sourceLocation) async throws -> DossierView {
        try expectJSON(try await get("/v1/dossiers/\(code)", token: user.token), .ok, as: DossierView.self, sourceLocation: sourceLocation)
    }

    func history(_ code: String, as user: TestUser, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [HistoryItem] {
        try expectJSON(try await get("/v1/dossiers/\(code)/history", token: user.token), .ok, as: HistoryBody.self, sourceLocation: sourceLocation).items
    }

    func list(_ query: String, as user: TestUser, sourceLocation: SourceLocation = #_sourceLocation) async throws -> DossierPageBody {
        try expectJSON(try await get("/v1/dossiers?" + query, token: user.token), .ok, as: DossierPageBody.self, sourceLocation: sourceLocation)
    }

    /// Every page of a list query; checks there are no duplicates.
    func listAll(_ query: String, limit: Int = 500, as user: TestUser, sourceLocation: SourceLocation = #_sourceLocation) async throws
        -> [DossierView]
    {
        var items: [DossierView] = []
        var cursor: String?
        repeat {
            var q = query + (query.isEmpty ? "" : "&") + "limit=\(limit)"
            if let cursor { q += "&cursor=" + Tests.query(cursor) }
            let page = try await list(q, as: user, sourceLocation: sourceLocation)
            items += page.items
            cursor = page.nextCursor
        } while cursor != nil
        #expect(Set(items.map(\.code)).count == items.count, "duplicates in \(query)", sourceLocation: sourceLocation)
        return items
    }
}

/// `query(_:)` of TestApp.swift, reachable where a local name shadows it.
enum Tests {
    static func query(_ value: String) -> String { MotCuaTestSupport.query(value) }
}

struct EmptyBody: Codable, Sendable {}

struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

// MARK: - Action bodies

enum ActionBody {
    static let reason = ["reason": "Lý do ghi rõ"]
    static func supplement(_ codes: [String] = ["GCS"]) -> SupplementRequestBody {
        SupplementRequestBody(reason: "Thiếu giấy tờ", items: codes.map { SupplementItemBody(documentCode: $0, note: "Bản sao không rõ") })
    }
    static let supplied = ["documents": [FiledDocumentBody(code: "GCS", name: "Giấy chứng sinh (bản mới)", digitized: true)]]
    static func assign(_ user: TestUser, step: String? = nil) -> [String: String] {
        var body = ["assignee": user.username]
        if let step { body["step"] = step }
        return body
    }
    static func forward(_ user: TestUser, step: String = "phe-duyet") -> [String: String] { ["assignee": user.username, "step": step] }
    static let paymentRequest = PaymentRequest(amount: 8000, description: "Lệ phí")
    static let payment = Payment(amount: 8000, channel: "cash")
    static let resolve = ["note": "Đã ký"]
    static func apology(_ date: String) -> [String: String] { ["reason": "Cần xác minh thêm", "newAppointmentDate": date] }

    struct PaymentRequest: Codable, Sendable { var amount: Int64; var description: String }
    struct Payment: Codable, Sendable { var amount: Int64; var channel: String }
}

// MARK: - Time

enum Instant {
    /// `yyyy-MM-dd HH:mm` in Asia/Ho_Chi_Minh as an instant.
    static func vn(_ date: String, _ time: String = "09:00") -> Date {
        let d = LocalDate(iso: date)!
        let t = LocalTime(iso: time)!
        return d.instant(at: t)
    }
}

extension ManualClock {
    func set(vn date: String, _ time: String = "09:00") { set(Instant.vn(date, time)) }
}

// MARK: - Truly parallel requests

extension APIClient {
    /// Sends one request on a connection of its own (the test client pipelines every request on a
    /// single connection, which the server answers one at a time), so that many run in parallel.
    func parallel(
        _ method: String, _ path: String, json: (any Encodable & Sendable)? = nil, token: String?, headers: [String: String] = [:]
    ) async throws -> RawHTTP.Response {
        let body = try json.map { String(decoding: try JSON.encoder.encode(AnyEncodable($0)), as: UTF8.self) } ?? ""
        var head = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if json != nil { head += "Content-Type: application/json\r\n" }
        head += "Content-Length: \(body.utf8.count)\r\n\r\n"
        var response = try await RawHTTP.exchange(port: try #require(port), head + body)
        if response.headers["transfer-encoding"]?.lowercased() == "chunked" { response.body = Self.dechunk(response.body) }
        return response
    }

    static func dechunk(_ text: String) -> String {
        var bytes = Array(text.utf8)[...]
        var out: [UInt8] = []
        while let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\r")) {
            let sizeText = String(decoding: bytes[bytes.startIndex..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            guard start + size <= bytes.endIndex else { break }
            out += bytes[start..<(start + size)]
            bytes = bytes[min(start + size + 2, bytes.endIndex)...]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
