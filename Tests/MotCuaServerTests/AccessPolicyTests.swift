import Foundation
import MotCuaDomain
@testable import MotCuaStore
import MotCuaTestSupport
import Testing

/// The access policy's decisions, without a database: every role against units and users of the
/// caller's own unit, another unit of the province, and another province.
@Suite("Access policy")
struct AccessPolicyTests {
    static func principal(_ roles: Set<Role>, unit: String = "P1.01", province: String = "P1", id: Int64 = 1) -> Principal {
        Principal(userID: id, username: "caller", fullName: "Người gọi", unitCode: unit, province: province, roles: roles)
    }

    static func user(_ roles: [Role] = [.specialist], unit: String = "P1.01", province: String = "P1", id: Int64 = 2) -> UserRecord {
        UserRecord(id: id, username: "target", fullName: "Cán bộ", unitCode: unit, province: province, roles: roles, active: true, createdAt: Date())
    }

    static func unit(_ code: String = "P1.01", province: String = "P1", kind: UnitRecord.Kind = .commune) -> UnitRecord {
        UnitRecord(code: code, name: "Xã", kind: kind, province: province, createdAt: Date())
    }

    static let admin = principal([.admin], unit: "P1")
    static let nationalAdmin = principal([.nationalAdmin], unit: "N")
    static let leader = principal([.leader])
    static let specialist = principal([.specialist])
    static let auditor = principal([.auditor], unit: "P1")
    static let portal = principal([.portal], unit: "P1")

    @Test("roles: admin holds every role but national_admin; the refusal names the roles")
    func roles() throws {
        try Self.admin.authorize(anyOf: [.leader], to: "assign")
        #expect(throws: StoreError.forbidden("Only national_admin may publish.")) { try Self.admin.authorize(anyOf: [.nationalAdmin], to: "publish") }
        #expect(throws: StoreError.forbidden("Only leader or reception may act.")) { try Self.specialist.authorize(anyOf: [.reception, .leader], to: "act") }
        try Self.nationalAdmin.authorizeAdministration(to: "create users")
        for caller in [Self.leader, Self.specialist, Self.auditor, Self.portal] {
            #expect(throws: StoreError.forbidden("Only admin may create users.")) { try caller.authorizeAdministration(to: "create users") }
        }
    }

    @Test("units: a province only by national admins, a commune by admins of its province")
    func unitCreation() throws {
        try Self.nationalAdmin.authorizeUnitCreation(kind: .province, province: nil)
        #expect(throws: StoreError.self) { try Self.admin.authorizeUnitCreation(kind: .province, province: nil) }
        try Self.admin.authorizeUnitCreation(kind: .commune, province: "P1")
        try Self.nationalAdmin.authorizeUnitCreation(kind: .commune, province: "P2")
        #expect(throws: StoreError.forbidden("Admins create communes of their own province only.")) {
            try Self.admin.authorizeUnitCreation(kind: .commune, province: "P2")
        }
    }

    @Test("user lists: national admin everywhere, admin their province, leader their unit, others nothing")
    func userLists() throws {
        #expect(try Self.nationalAdmin.userListScope(unit: nil) == (nil, nil))
        #expect(try Self.nationalAdmin.userListScope(unit: "P2.01") == (nil, "P2.01"))
        #expect(try Self.admin.userListScope(unit: nil) == ("P1", nil))
        #expect(try Self.leader.userListScope(unit: nil) == ("P1", "P1.01"))
        #expect(try Self.leader.userListScope(unit: "P1.01") == ("P1", "P1.01"))
        #expect(throws: StoreError.forbidden("A leader lists the users of their own unit only.")) { try Self.leader.userListScope(unit: "P1.02") }
        for caller in [Self.specialist, Self.auditor, Self.portal] {
            #expect(throws: StoreError.forbidden("Only admin or leader may list users.")) { try caller.userListScope(unit: nil) }
        }
    }

    @Test("reading a user: administrators, the user, leaders of the unit; anyone else is told there is no such user")
    func readingUsers() throws {
        let colleague = Self.user()
        try Self.admin.authorizeReading(colleague)
        try Self.nationalAdmin.authorizeReading(Self.user(province: "P2"))
        try Self.leader.authorizeReading(colleague)
        try Self.principal([.specialist], id: 2).authorizeReading(colleague)
        let hidden = StoreError.notFound("No user target.")
        #expect(throws: hidden) { try Self.specialist.authorizeReading(colleague) }
        #expect(throws: hidden) { try Self.leader.authorizeReading(Self.user(unit: "P1.02")) }
        #expect(throws: hidden) { try Self.admin.authorizeReading(Self.user(unit: "P2.01", province: "P2")) }
        #expect(throws: hidden) { try Self.auditor.authorizeReading(colleague) }
    }

    @Test("managing a user: admins of its province; a national admin's account only by national admins")
    func managingUsers() throws {
        try Self.admin.authorizeManagement(of: Self.user())
        try Self.nationalAdmin.authorizeManagement(of: Self.user([.nationalAdmin], province: "P2"))
        let hidden = StoreError.notFound("No user target.")
        #expect(throws: hidden) { try Self.admin.authorizeManagement(of: Self.user([.nationalAdmin])) }
        #expect(throws: hidden) { try Self.admin.authorizeManagement(of: Self.user(province: "P2")) }
        #expect(throws: hidden) { try Self.leader.authorizeManagement(of: Self.user()) }
    }

    @Test("granting roles: in a province the caller administers; national_admin only by a national admin")
    func granting() throws {
        try Self.admin.authorizeGranting([.leader, .specialist], in: Self.unit())
        try Self.nationalAdmin.authorizeGranting([.nationalAdmin], in: Self.unit("P2", province: "P2", kind: .province))
        #expect(throws: StoreError.forbidden("Admins manage the users of their own province only.")) {
            try Self.admin.authorizeGranting([.specialist], in: Self.unit("P2.01", province: "P2"))
        }
        #expect(throws: StoreError.forbidden("Only national_admin may grant national_admin.")) {
            try Self.admin.authorizeGranting([.nationalAdmin], in: Self.unit("P1", kind: .province))
        }
    }

    @Test("the login audit: national admins everywhere, admins and auditors their province")
    func loginAudit() throws {
        #expect(try Self.nationalAdmin.loginAuditScope() == nil)
        #expect(try Self.admin.loginAuditScope() == "P1")
        #expect(try Self.auditor.loginAuditScope() == "P1")
        for caller in [Self.leader, Self.specialist, Self.portal] {
            #expect(throws: StoreError.forbidden("Only admin or auditor may read the login audit.")) { try caller.loginAuditScope() }
        }
    }

    @Test("evaluations: province-wide accounts every unit of their province; officers their unit, officers' figures leaders only")
    func evaluations() throws {
        for caller in [Self.admin, Self.auditor, Self.portal] {
            try caller.authorizeEvaluation(of: Self.unit("P1.02"), leadersOnly: true)
            try caller.authorizeProvinceRanking()
        }
        try Self.leader.authorizeEvaluation(of: Self.unit(), leadersOnly: true)
        try Self.specialist.authorizeEvaluation(of: Self.unit(), leadersOnly: false)
        #expect(throws: StoreError.forbidden("Only the unit's leaders see its officers' figures.")) {
            try Self.specialist.authorizeEvaluation(of: Self.unit(), leadersOnly: true)
        }
        #expect(throws: StoreError.forbidden("Officers see their own unit's evaluation only.")) {
            try Self.leader.authorizeEvaluation(of: Self.unit("P1.02"), leadersOnly: false)
        }
        #expect(throws: StoreError.notFound("No unit P2.01 in your province.")) {
            try Self.admin.authorizeEvaluation(of: Self.unit("P2.01", province: "P2"), leadersOnly: false)
        }
        #expect(throws: StoreError.self) { try Self.leader.authorizeProvinceRanking() }
    }

    @Test("receiving: officers at their own unit, province-wide accounts anywhere")
    func receiving() throws {
        try Self.principal([.reception]).authorizeReceiving(at: "P1.01")
        try Self.admin.authorizeReceiving(at: "P1.02")
        try Self.portal.authorizeReceiving(at: "P1.02")
        #expect(throws: StoreError.forbidden("Officers receive dossiers at their own unit (P1.01).")) {
            try Self.principal([.reception]).authorizeReceiving(at: "P1.02")
        }
    }

    @Test("receipts: the receiving unit's desk and leaders, and admins")
    func receipts() throws {
        try Self.principal([.reception]).authorizeReceipt(receivingUnit: "P1.01")
        try Self.leader.authorizeReceipt(receivingUnit: "P1.01")
        try Self.admin.authorizeReceipt(receivingUnit: "P1.02")
        for (caller, unit) in [(Self.specialist, "P1.01"), (Self.principal([.reception]), "P1.02")] {
            #expect(throws: StoreError.self) { try caller.authorizeReceipt(receivingUnit: unit) }
        }
    }
}
