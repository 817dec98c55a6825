import Foundation
import MotCuaClient
import MotCuaTestSupport

/// A province set up through the client: an admin, a commune, officers of each role, and a
/// procedure with three steps.
struct Scenario: Sendable {
    let server: LiveServer
    let province: String
    let commune: String
    let procedureCode: String
    let admin: MotCuaClient
    let reception: MotCuaClient
    let leader: MotCuaClient
    let specialist: MotCuaClient
    let portal: MotCuaClient
    let usernames: [Role: String]

    static func make(_ server: LiveServer) async throws -> Scenario {
        let (province, adminName) = try await server.fixtures.makeProvinceAdmin()
        let admin = server.client()
        try await admin.auth.login(username: adminName, password: Fixture.password)
        let commune = province + ".01"
        _ = try await admin.units.create(.init(code: commune, name: "Xã thử \(province)", province: province, kind: .commune))
        var usernames: [Role: String] = [.admin: adminName]
        var clients: [Role: MotCuaClient] = [:]
        for role in [Role.reception, .leader, .specialist, .portal] {
            let username = Fixture.username(role.rawValue)
            let unit = role == .portal ? province : commune
            _ = try await admin.users.create(
                .init(username: username, fullName: "Cán bộ \(username)", unitCode: unit, roles: [role], password: Fixture.password))
            let client = server.client()
            try await client.auth.login(username: username, password: Fixture.password)
            usernames[role] = username
            clients[role] = client
        }
        let procedureCode = Fixture.randomProcedureCode()
        try await admin.procedures.put(procedureCode, Samples.procedure())
        return Scenario(
            server: server, province: province, commune: commune, procedureCode: procedureCode, admin: admin,
            reception: clients[.reception]!, leader: clients[.leader]!, specialist: clients[.specialist]!,
            portal: clients[.portal]!, usernames: usernames)
    }

    /// A counter intake at the commune.
    func dossierInput(name: String = "Nguyễn Thị Ánh", channel: Channel = .counter) -> DossierInput {
        DossierInput(
            procedureCode: procedureCode, receivingUnit: commune, channel: channel,
            applicant: .init(fullName: name, idNumber: "0011900" + Fixture.random(5, from: "0123456789"), phone: "0912345678"),
            documents: [.init(code: "TK01", name: "Tờ khai", digitized: true), .init(code: "GCS", name: "Giấy chứng sinh")])
    }
}

enum Samples {
    /// A 3-working-day procedure with two documents and three steps (24 hours in all).
    static func procedure(name: String = "Đăng ký khai sinh") -> ProcedureInput {
        ProcedureInput(
            name: name, field: "Hộ tịch", processingTime: .init(value: 3, unit: .workingDays), cutoffTime: "15:00",
            fee: .init(amount: 8000, description: "Lệ phí"),
            documents: [
                .init(code: "TK01", name: "Tờ khai đăng ký khai sinh", copies: 1, mandatory: true),
                .init(code: "GCS", name: "Giấy chứng sinh", copies: 1, mandatory: true),
            ],
            steps: [
                .init(code: "tiep-nhan", name: "Tiếp nhận", role: .reception, durationHours: 4),
                .init(code: "tham-dinh", name: "Thẩm định", role: .specialist, durationHours: 16),
                .init(code: "phe-duyet", name: "Phê duyệt", role: .leader, durationHours: 4),
            ],
            onlineLevel: .full, legalBasis: "Luật Hộ tịch 2014", result: "Giấy khai sinh")
    }
}
