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
import NIOCore
import Testing

/// A province unit and its communes, made for one test.
public struct TestProvince: Sendable {
    public var code: String
    public var communes: [String]
    public var commune: String { communes[0] }

    public init(code: String, communes: [String]) {
        self.code = code
        self.communes = communes
    }
}

/// A user made for one test, logged in through `POST /v1/auth/tokens`.
public struct TestUser: Sendable {
    public var username: String
    public var password: String
    public var token: String
    public var record: UserRecord
    public var unitCode: String { record.unitCode }

    public init(username: String, password: String, token: String, record: UserRecord) {
        self.username = username
        self.password = password
        self.token = token
        self.record = record
    }
}

extension TestEnvironment {
    /// A new province (code `T????????`) with `communes` communes `<province>.01`, `<province>.02`, ...
    public func makeProvince(communes: Int = 2) async throws -> TestProvince {
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
    public func makeUser(_ roles: [Role], unit: String, username: String? = nil) async throws -> TestUser {
        let name = username ?? Fixture.username(roles.first?.rawValue ?? "user")
        let record = try await users.create(
            username: name, fullName: "Cán bộ \(name)", unitCode: unit, roles: roles, passwordHash: Fixture.passwordHash)
        let token = try await login(name, Fixture.password)
        return TestUser(username: name, password: Fixture.password, token: token, record: record)
    }

    /// An admin of `province`'s province unit who is also a national admin (as the bootstrap admin is),
    /// so fixtures can publish procedures; `national: false` for an admin of the province only.
    public func makeAdmin(_ province: TestProvince, national: Bool = true) async throws -> TestUser {
        try await makeUser(national ? [.admin, .nationalAdmin] : [.admin], unit: province.code, username: Fixture.username("admin"))
    }

    /// Logs in and returns the bearer token.
    public func login(_ username: String, _ password: String) async throws -> String {
        let response = try await client.post("/v1/auth/tokens", json: ["username": username, "password": password])
        return try expectJSON(response, .created, as: Components.Schemas.TokenResponse.self).token
    }

    /// A procedure code not yet in the catalog.
    public func unusedProcedureCode() async throws -> String {
        while true {
            let code = Fixture.randomProcedureCode()
            if try await procedures.get(code: code) == nil { return code }
        }
    }

    /// Publishes `body` as `admin` under a fresh code (or `code`) and returns what the server answered.
    @discardableResult
    public func publishProcedure(
        _ body: ProcedureBody = .sample(), code: String? = nil, as admin: TestUser
    ) async throws -> Components.Schemas.Procedure {
        let code = if let code { code } else { try await unusedProcedureCode() }
        let response = try await client.put("/v1/procedures/\(code)", json: body, token: admin.token)
        #expect(response.status == .created || response.status == .ok, "body: \(response.text)")
        return try response.decode()
    }
}

// MARK: - Request bodies (plain strings for enums, so tests can send wrong values too)

public struct UnitBody: Codable, Sendable {
    public var code: String
    public var name: String
    public var province: String?
    public var kind: String

    public init(code: String, name: String, province: String?, kind: String) {
        self.code = code
        self.name = name
        self.province = province
        self.kind = kind
    }
}

public struct UserBody: Codable, Sendable {
    public var username: String
    public var fullName: String
    public var unitCode: String
    public var roles: [String]
    public var password: String

    public init(username: String, fullName: String, unitCode: String, roles: [String], password: String) {
        self.username = username
        self.fullName = fullName
        self.unitCode = unitCode
        self.roles = roles
        self.password = password
    }
}

public struct ProcedureBody: Codable, Sendable {
    public struct Time: Codable, Sendable {
        public var value: Int
        public var unit: String

        public init(value: Int, unit: String) {
            self.value = value
            self.unit = unit
        }
    }
    public struct Fee: Codable, Sendable {
        public var amount: Int64
        public var description: String?

        public init(amount: Int64, description: String?) {
            self.amount = amount
            self.description = description
        }
    }
    public struct Document: Codable, Sendable {
        public var code: String
        public var name: String
        public var copies: Int
        public var mandatory: Bool
        public var formUrl: String?

        public init(code: String, name: String, copies: Int, mandatory: Bool, formUrl: String?) {
            self.code = code
            self.name = name
            self.copies = copies
            self.mandatory = mandatory
            self.formUrl = formUrl
        }
    }
    public struct Step: Codable, Sendable {
        public var code: String
        public var name: String
        public var role: String
        public var durationHours: Int

        public init(code: String, name: String, role: String, durationHours: Int) {
            self.code = code
            self.name = name
            self.role = role
            self.durationHours = durationHours
        }
    }

    public var name: String
    public var field: String
    public var processingTime: Time
    public var cutoffTime: String?
    public var fee: Fee?
    public var documents: [Document]
    public var steps: [Step]
    public var onlineLevel: String
    public var legalBasis: String?
    public var result: String?

    /// A valid 3-working-day procedure with two documents and three steps (24 hours in all).
    public static func sample(name: String = "Đăng ký khai sinh", field: String = "Hộ tịch") -> ProcedureBody {
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

    public init(name: String, field: String, processingTime: Time, cutoffTime: String?, fee: Fee?, documents: [Document], steps: [Step], onlineLevel: String, legalBasis: String?, result: String?) {
        self.name = name
        self.field = field
        self.processingTime = processingTime
        self.cutoffTime = cutoffTime
        self.fee = fee
        self.documents = documents
        self.steps = steps
        self.onlineLevel = onlineLevel
        self.legalBasis = legalBasis
        self.result = result
    }
}
