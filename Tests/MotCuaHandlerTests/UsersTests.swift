import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

@Suite struct UsersTests {
    @Test func adminCreatesAnOfficerWhoCanLogIn() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province)
            let username = Fixture.username("chuyenvien")
            let body = UserBody(username: username, fullName: "Trần Thị Bích", unitCode: province.commune, roles: ["specialist", "leader"], password: "a-long-secret-1")
            let response = try await client.post("/v1/users", json: body, token: admin.token)
            let user = try expectJSON(response, .created, as: Components.Schemas.User.self)
            #expect(response.headers[.location] == "/v1/users/\(username)")
            #expect(user.username == username && user.unitCode == province.commune && Set(user.roles) == [.leader, .specialist])
            #expect(!response.text.contains("a-long-secret-1") && !response.text.contains("$2"))
            let stored = try await env.users.credentials(username: username)
            #expect(stored?.passwordHash.hasPrefix("$2") == true)
            #expect(try await env.login(username, "a-long-secret-1").isEmpty == false)
        }
    }

    @Test(arguments: [Role.reception, .leader, .specialist, .portal, .auditor])
    func onlyAdminCreatesUsers(role: Role) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let caller = try await env.makeUser([role], unit: [.portal, .auditor].contains(role) ? province.code : province.commune)
            let username = Fixture.username("nope")
            let body = UserBody(username: username, fullName: "X", unitCode: province.commune, roles: ["reception"], password: "a-long-secret-1")
            try expectProblem(try await client.post("/v1/users", json: body, token: caller.token), .forbidden, code: "forbidden")
            #expect(try await env.users.get(username: username) == nil)
        }
    }

    @Test(arguments: [
        (UserBody(username: "", fullName: "Tên", unitCode: "", roles: ["reception"], password: "short"), ["password"]),
        (UserBody(username: "", fullName: "  ", unitCode: "", roles: ["reception"], password: "a-long-secret-1"), ["fullName"]),
        (UserBody(username: "", fullName: "Tên", unitCode: "", roles: ["reception"], password: String(repeating: "đ", count: 40)), ["password"]),
        (UserBody(username: "Upper.Case", fullName: "Tên", unitCode: "", roles: ["reception"], password: "a-long-secret-1"), ["username"]),
        (UserBody(username: "a", fullName: "Tên", unitCode: "", roles: ["reception"], password: "a-long-secret-1"), ["username"]),
        (UserBody(username: "", fullName: "Tên", unitCode: "", roles: [], password: "a-long-secret-1"), ["roles"]),
        (UserBody(username: "", fullName: "Tên", unitCode: "", roles: ["mayor"], password: "a-long-secret-1"), ["roles[0]"]),
        (UserBody(username: "", fullName: "Tên", unitCode: "NOWHERE.99", roles: ["reception"], password: "a-long-secret-1"), ["unitCode"]),
        (UserBody(username: "", fullName: "Tên", unitCode: "", roles: ["auditor"], password: "a-long-secret-1"), ["unitCode"]),
    ])
    func invalidUserIs422NamingTheFieldAndWritesNothing(body: UserBody, fields: [String]) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province)
            var body = body
            if body.username.isEmpty { body.username = Fixture.username("invalid") }
            if body.unitCode.isEmpty { body.unitCode = province.commune }
            let response = try await client.post("/v1/users", json: body, token: admin.token)
            try expectProblem(response, .unprocessableContent, code: "validation-failed", invalidParams: fields)
            #expect(try await env.users.get(username: body.username.lowercased()) == nil)
            let page = try expectJSON(try await client.get("/v1/users?unit=\(province.commune)", token: admin.token), as: Components.Schemas.UserPage.self)
            #expect(page.items.isEmpty)
        }
    }

    @Test func provinceWideRoleInTheProvinceUnitIsAccepted() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province)
            let body = UserBody(username: Fixture.username("portal"), fullName: "Cổng DVC", unitCode: province.code, roles: ["portal"], password: "a-long-secret-1")
            #expect(try await client.post("/v1/users", json: body, token: admin.token).status == .created)
        }
    }

    @Test func duplicateUsernameIsAConflict() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province)
            let existing = try await env.makeUser([.reception], unit: province.commune)
            let body = UserBody(username: existing.username, fullName: "Khác", unitCode: province.commune, roles: ["leader"], password: "a-long-secret-1")
            try expectProblem(try await client.post("/v1/users", json: body, token: admin.token), .conflict, code: "conflict")
            #expect(try await env.users.get(username: existing.username)?.fullName != "Khác")
        }
    }

    @Test func adminListsEveryoneAndFiltersByUnitAndRole() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 2)
            let admin = try await env.makeAdmin(province)
            let leader = try await env.makeUser([.leader], unit: province.communes[0])
            let reception = try await env.makeUser([.reception], unit: province.communes[0])
            _ = try await env.makeUser([.reception], unit: province.communes[1])
            let unit = try expectJSON(try await client.get("/v1/users?unit=\(province.communes[0])", token: admin.token), as: Components.Schemas.UserPage.self)
            #expect(Set(unit.items.map(\.username)) == [leader.username, reception.username])
            let role = try expectJSON(try await client.get("/v1/users?unit=\(province.communes[0])&role=leader", token: admin.token), as: Components.Schemas.UserPage.self)
            #expect(role.items.map(\.username) == [leader.username])
            let all = try expectJSON(try await client.get("/v1/users?limit=500", token: admin.token), as: Components.Schemas.UserPage.self)
            #expect(all.items.count == 4, "the admin, the leader and both receptionists of the province")
        }
    }

    @Test func leaderListsOnlyTheirOwnUnit() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 2)
            let leader = try await env.makeUser([.leader], unit: province.communes[0])
            let colleague = try await env.makeUser([.specialist], unit: province.communes[0])
            _ = try await env.makeUser([.specialist], unit: province.communes[1])
            let own = try expectJSON(try await client.get("/v1/users", token: leader.token), as: Components.Schemas.UserPage.self)
            #expect(Set(own.items.map(\.username)) == [leader.username, colleague.username])
            try expectProblem(try await client.get("/v1/users?unit=\(province.communes[1])", token: leader.token), .forbidden, code: "forbidden")
        }
    }

    @Test(arguments: [Role.reception, .specialist, .portal, .auditor])
    func nonLeadersCannotListUsers(role: Role) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let user = try await env.makeUser([role], unit: [.portal, .auditor].contains(role) ? province.code : province.commune)
            try expectProblem(try await client.get("/v1/users", token: user.token), .forbidden, code: "forbidden")
        }
    }

    @Test func usersAreVisibleToThemselvesTheirLeaderAndAdminOnly() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 2)
            let admin = try await env.makeAdmin(province)
            let officer = try await env.makeUser([.specialist], unit: province.communes[0])
            let leader = try await env.makeUser([.leader], unit: province.communes[0])
            let colleague = try await env.makeUser([.reception], unit: province.communes[0])
            let otherLeader = try await env.makeUser([.leader], unit: province.communes[1])
            let path = "/v1/users/\(officer.username)"
            for caller in [officer, leader, admin] {
                let user = try expectJSON(try await client.get(path, token: caller.token), as: Components.Schemas.User.self)
                #expect(user.username == officer.username)
            }
            for caller in [colleague, otherLeader] {
                try expectProblem(try await client.get(path, token: caller.token), .notFound, code: "not-found")
            }
            try expectProblem(try await client.get("/v1/users/\(Fixture.username("ghost"))", token: admin.token), .notFound, code: "not-found")
        }
    }
}
