import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

/// One province with three communes, a 3-working-day procedure with four steps and two documents,
/// and officers of every role: `a*` in commune A (`communes[0]`), `b*` in commune B.
public struct DossierWorld: Sendable {
    public var province: TestProvince
    public var procedureCode: String
    public var admin: TestUser
    public var portal: TestUser
    public var auditor: TestUser
    public var reception: TestUser
    public var leader: TestUser
    public var specialist: TestUser
    public var specialist2: TestUser
    public var receptionB: TestUser
    public var leaderB: TestUser
    public var specialistB: TestUser

    public var unitA: String { province.communes[0] }
    public var unitB: String { province.communes[1] }
    public var unitC: String { province.communes[2] }

    /// The procedure's document components and steps.
    public static let documents = ["TK01", "GCS"]
    public static let steps: [(code: String, hours: Int, role: String)] = [
        ("tiep-nhan", 4, "reception"), ("tham-dinh", 12, "specialist"), ("phe-duyet", 4, "leader"), ("tra-ket-qua", 4, "reception"),
    ]

    public static func procedureBody(processingDays: Int = 3) -> ProcedureBody {
        var body = ProcedureBody.sample(name: "Đăng ký khai sinh thử")
        body.processingTime = .init(value: processingDays, unit: "working_days")
        body.steps = steps.map { .init(code: $0.code, name: "Bước \($0.code)", role: $0.role, durationHours: $0.hours) }
        return body
    }

    public init(province: TestProvince, procedureCode: String, admin: TestUser, portal: TestUser, auditor: TestUser, reception: TestUser, leader: TestUser, specialist: TestUser, specialist2: TestUser, receptionB: TestUser, leaderB: TestUser, specialistB: TestUser) {
        self.province = province
        self.procedureCode = procedureCode
        self.admin = admin
        self.portal = portal
        self.auditor = auditor
        self.reception = reception
        self.leader = leader
        self.specialist = specialist
        self.specialist2 = specialist2
        self.receptionB = receptionB
        self.leaderB = leaderB
        self.specialistB = specialistB
    }
}

extension TestEnvironment {
    public func makeDossierWorld(communes: Int = 3) async throws -> DossierWorld {
        let province = try await makeProvince(communes: max(communes, 3))
        let admin = try await makeAdmin(province)
        let procedure = try await publishProcedure(DossierWorld.procedureBody(), as: admin)
        let a = province.communes[0], b = province.communes[1]
        // One after another: the login throttle caps password checks in flight per instance, and
        // through `.router` nine logins at once would all be in flight together.
        return DossierWorld(
            province: province, procedureCode: procedure.code, admin: admin, portal: try await makeUser([.portal], unit: province.code),
            auditor: try await makeUser([.auditor], unit: province.code), reception: try await makeUser([.reception], unit: a),
            leader: try await makeUser([.leader], unit: a), specialist: try await makeUser([.specialist], unit: a),
            specialist2: try await makeUser([.specialist], unit: a), receptionB: try await makeUser([.reception], unit: b),
            leaderB: try await makeUser([.leader], unit: b), specialistB: try await makeUser([.specialist], unit: b))
    }
}
