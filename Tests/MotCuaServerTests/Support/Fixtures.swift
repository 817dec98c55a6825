import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

/// A province unit and its communes, made for one test.
struct TestProvince: Sendable {
    var code: String
    var communes: [String]
    var commune: String { communes[0] }
}

/// A user made for one test, logged in through `POST /v1/auth/tokens`.
struct TestUser: Sendable {
    var username: String
    var password: String
    var token: String
    var record: UserRecord
    var unitCode: String { record.unitCode }
}

extension TestEnvironment {
    /// A new province (code `T????????`) with `communes` communes `<province>.01`, `<province>.02`, ...
    func makeProvince(communes: Int = 2) async throws -> TestProvince {
        let code = Fixture.provinceCode()
        _ = try await units.create(code: code, name: "Tỉnh thử \(code)", kind: .province, province: nil)
        var made: [String] = []
        for index in 1...max(communes, 1) {
            let commune = code + "." + String(format: "%02d", index)
            _ = try await units.create(code: commune, name: "Xã thử \(index) \(code)", kind: .commune, province: code)
            made.append(commune)
        }
        return TestProvince(code: code, communes: made)
    }

    /// A user with `roles` in `unit`, created through the store and logged in over HTTP.
    func makeUser(_ roles: [Role], unit: String, username: String? = nil) async throws -> TestUser {
        let name = username ?? Fixture.username(roles.first?.rawValue ?? "user")
        let record = try await users.create(
            username: name, fullName: "Cán bộ \(name)", unitCode: unit, roles: roles, passwordHash: Fixture.passwordHash)
        let token = try await login(name, Fixture.password)
        return TestUser(username: name, password: Fixture.password, token: token, record: record)
    }

    /// An admin of `province`'s province unit who is also a national admin (as the bootstrap admin is),
    /// so fixtures can publish procedures; `national: false` for an admin of the province only.
    func makeAdmin(_ province: TestProvince, national: Bool = true) async throws -> TestUser {
        try await makeUser(national ? [.admin, .nationalAdmin] : [.admin], unit: province.code, username: Fixture.username("admin"))
    }

    /// Logs in and returns the bearer token.
    func login(_ username: String, _ password: String) async throws -> String {
        let response = try await client.post("/v1/auth/tokens", json: ["username": username, "password": password])
        return try expectJSON(response, .created, as: Components.Schemas.TokenResponse.self).token
    }

    /// A procedure code not yet in the catalog.
    func unusedProcedureCode() async throws -> String {
        while true {
            let code = Fixture.randomProcedureCode()
            if try await procedures.get(code: code) == nil { return code }
        }
    }

    /// Publishes `body` as `admin` under a fresh code (or `code`) and returns what the server answered.
    @discardableResult
    func publishProcedure(
        _ body: ProcedureBody = .sample(), code: String? = nil, as admin: TestUser
    ) async throws -> Components.Schemas.Procedure {
        let code = if let code { code } else { try await unusedProcedureCode() }
        let response = try await client.put("/v1/procedures/\(code)", json: body, token: admin.token)
        #expect(response.status == .created || response.status == .ok, "body: \(response.text)")
        return try response.decode()
    }
}

// MARK: - Request bodies (plain strings for enums, so tests can send wrong values too)

struct UnitBody: Codable, Sendable {
    var code: String
    var name: String
    var province: String?
    var kind: String
}

struct UserBody: Codable, Sendable {
    var username: String
    var fullName: String
    var unitCode: String
    var roles: [String]
    var password: String
}

struct ProcedureBody: Codable, Sendable {
    struct Time: Codable, Sendable {
        var value: Int
        var unit: String
    }
    struct Fee: Codable, Sendable {
        var amount: Int64
        var description: String?
    }
    struct Document: Codable, Sendable {
        var code: String
        var name: String
        var copies: Int
        var mandatory: Bool
        var formUrl: String?
    }
    struct Step: Codable, Sendable {
        var code: String
        var name: String
        var role: String
        var durationHours: Int
    }

    var name: String
    var field: String
    var processingTime: Time
    var cutoffTime: String?
    var fee: Fee?
    var documents: [Document]
    var steps: [Step]
    var onlineLevel: String
    var legalBasis: String?
    var result: String?

    /// A valid 3-working-day procedure with two documents and three steps (24 hours in all).
    static func sample(name: String = "Đăng ký khai sinh", field: String = "Hộ tịch") -> ProcedureBody {
        ProcedureBody(
            name: name, field: field, processingTime: Time(value: 3, unit: "working_days"), cutoffTime: "15:00",
            fee: Fee(amount: 8000, description: "Lệ phí"),
            documents: [
                Document(code: "TK01", name: "Tờ khai đăng ký khai sinh", copies: 1, mandatory: true, formUrl: nil),
                Document(code: "GCS", name: "Giấy chứng sinh", copies: 1, mandatory: true, formUrl: nil),
            ],
            steps: [
                Step(code: "tiep-nhan", name: "Tiếp nhận", role: "reception", durationHours: 4),
                Step(code: "tham-dinh", name: "Thẩm định", role: "specialist", durationHours: 16),
                Step(code: "phe-duyet", name: "Phê duyệt", role: "leader", durationHours: 4),
            ],
            onlineLevel: "full", legalBasis: "Luật Hộ tịch 2014", result: "Giấy khai sinh")
    }
}
