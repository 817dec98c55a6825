import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

/// Units, users and logins through the real router on in-memory stores (`withTestApp(storage: .memory)`,
/// no database): the access policy, the contract's checks, the problems and what reaches the stores.
@Suite struct AccountHandlerTests {
    @Test func unitsAreCreatedByTheirAdministratorsOnly() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province, national: false)
            let national = try await env.makeUser([.nationalAdmin], unit: province.code)
            let other = try await env.makeProvince(communes: 1)

            let created = try await client.post(
                "/v1/units", json: UnitBody(code: province.code + ".02", name: " Xã Hai ", province: province.code, kind: "commune"), token: admin.token)
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/v1/units/\(province.code).02")
            #expect(try await env.units.get(province.code + ".02")?.name == "Xã Hai")

            let elsewhere = try await client.post(
                "/v1/units", json: UnitBody(code: other.code + ".09", name: "Xã", province: other.code, kind: "commune"), token: admin.token)
            #expect(try expectProblem(elsewhere, .forbidden, code: "forbidden").detail == "Admins create communes of their own province only.")
            let newProvince = UnitBody(code: Fixture.provinceCode(), name: "Tỉnh mới", province: nil, kind: "province")
            try expectProblem(try await client.post("/v1/units", json: newProvince, token: admin.token), .forbidden, code: "forbidden")
            #expect(try await client.post("/v1/units", json: newProvince, token: national.token).status == .created)

            let duplicate = UnitBody(code: province.commune, name: "Xã", province: province.code, kind: "commune")
            try expectProblem(try await client.post("/v1/units", json: duplicate, token: admin.token), .conflict, code: "conflict")
            let officer = try await env.makeUser([.reception], unit: province.commune)
            let third = UnitBody(code: province.code + ".03", name: "Xã", province: province.code, kind: "commune")
            try expectProblem(try await client.post("/v1/units", json: third, token: officer.token), .forbidden, code: "forbidden")
            #expect(try await env.units.get(province.code + ".03") == nil)
        }
    }

    @Test func aValueOutsideAPatternIsToldWhyInEnglishAndVietnamese() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province, national: false)
            let body = UnitBody(code: "h15.x", name: "   ", province: province.code, kind: "commune")
            let english = try expectProblem(
                try await client.post("/v1/units", json: body, token: admin.token), .unprocessableContent, code: "validation-failed",
                invalidParams: ["code", "name"])
            #expect(Dictionary(uniqueKeysWithValues: (english.invalidParams ?? []).map { ($0.name, $0.reason) }) == [
                "name": "must not be blank",
                "code": "must be an agency code of 1-35 upper-case letters, digits and dots, such as H15.50.05.13",
            ])
            let vietnamese = try expectProblem(
                try await client.send(.post, "/v1/units", json: body, token: admin.token, headers: [.acceptLanguage: "vi"]),
                .unprocessableContent, code: "validation-failed")
            let reasons = Dictionary(uniqueKeysWithValues: (vietnamese.invalidParams ?? []).map { ($0.name, $0.reason) })
            #expect(reasons["name"] == "không được để trống")
            #expect(reasons["code"]?.hasPrefix("phải là mã định danh cơ quan") == true)
            #expect(try await env.units.list(province: province.code, limit: 50, cursor: nil).items.count == 2)
        }
    }

    @Test func usersAreListedAndReadWithinTheCallersReach() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 2)
            let leader = try await env.makeUser([.leader], unit: province.communes[0])
            let colleague = try await env.makeUser([.specialist], unit: province.communes[0])
            let neighbour = try await env.makeUser([.specialist], unit: province.communes[1])
            let stranger = try await env.makeAdmin(try await env.makeProvince(communes: 1), national: false)

            let own = try expectJSON(try await client.get("/v1/users", token: leader.token), as: Components.Schemas.UserPage.self)
            #expect(Set(own.items.map(\.username)) == [leader.username, colleague.username])
            let otherUnit = try await client.get("/v1/users?unit=\(province.communes[1])", token: leader.token)
            try expectProblem(otherUnit, .forbidden, code: "forbidden")
            try expectProblem(try await client.get("/v1/users", token: colleague.token), .forbidden, code: "forbidden")

            #expect(try await client.get("/v1/users/\(colleague.username)", token: leader.token).status == .ok)
            try expectProblem(try await client.get("/v1/users/\(neighbour.username)", token: leader.token), .notFound, code: "not-found")
            let hidden = try expectProblem(try await client.get("/v1/users/\(colleague.username)", token: stranger.token), .notFound, code: "not-found")
            #expect(hidden.detail == "No user \(colleague.username).")
        }
    }

    @Test func adminsGrantRolesOfTheirProvinceAndDeactivationEndsTheSession() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province, national: false)
            func create(_ roles: [String], unit: String, password: String = Fixture.password) async throws -> TestResponse {
                try await client.post(
                    "/v1/users", json: UserBody(username: Fixture.username("new"), fullName: "Người mới", unitCode: unit, roles: roles, password: password),
                    token: admin.token)
            }
            #expect(try await create(["reception"], unit: province.commune).status == .created)
            try expectProblem(try await create(["national_admin"], unit: province.code), .forbidden, code: "forbidden")
            try expectProblem(try await create(["portal"], unit: province.commune), .unprocessableContent, code: "validation-failed", invalidParams: ["unitCode"])
            let tooLong = String(repeating: "ệ", count: 25)  // 75 bytes: more than bcrypt reads
            try expectProblem(try await create(["reception"], unit: province.commune, password: tooLong), .unprocessableContent, code: "validation-failed", invalidParams: ["password"])

            let officer = try await env.makeUser([.reception], unit: province.commune)
            #expect(try await client.get("/v1/auth/me", token: officer.token).status == .ok)
            let selfDeactivation = try await client.send(.patch, "/v1/users/\(admin.username)", json: ["active": false], token: admin.token)
            try expectProblem(selfDeactivation, .unprocessableContent, code: "validation-failed", invalidParams: ["active"])
            #expect(try await client.send(.patch, "/v1/users/\(officer.username)", json: ["active": false], token: admin.token).status == .ok)
            try expectProblem(try await client.get("/v1/auth/me", token: officer.token), .unauthorized, code: "unauthenticated")
        }
    }

    @Test func loginMintsATokenOnTheServersClockAndIsAudited() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_773_111_600))
        try await withTestApp(storage: .memory, clock: clock.serverClock, environment: ["MOTCUA_TOKEN_TTL_HOURS": "12"]) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province, national: false)
            let officer = try await env.makeUser([.reception], unit: province.commune)

            let wrong = try await client.post("/v1/auth/tokens", json: ["username": officer.username, "password": "not-the-password"])
            try expectProblem(wrong, .unauthorized, code: "unauthenticated")
            let login = try expectJSON(
                try await client.post("/v1/auth/tokens", json: ["username": officer.username.uppercased(), "password": Fixture.password]),
                .created, as: Components.Schemas.TokenResponse.self)
            #expect(abs(login.expiresAt.timeIntervalSince(clock.now) - 12 * 3600) < 1)

            let audit = try expectJSON(
                try await client.get("/v1/audit/logins?username=\(officer.username)", token: admin.token), as: Components.Schemas.LoginAuditPage.self)
            #expect(audit.items.map(\.outcome) == [.succeeded, .failed, .succeeded])  // newest first; makeUser logged in first
            try expectProblem(try await client.get("/v1/audit/logins", token: officer.token), .forbidden, code: "forbidden")

            #expect(try expectJSON(try await client.get("/v1/auth/me", token: login.token), as: Components.Schemas.User.self).username == officer.username)
            clock.advance(by: 12 * 3600 + 1)
            try expectProblem(try await client.get("/v1/auth/me", token: login.token), .unauthorized, code: "unauthenticated")
        }
    }

    @Test func anIntegrationAccountsKeyWorksUntilRevokedOrTheAccountIsDeactivated() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province, national: false)
            let portal = try await env.makeUser([.portal], unit: province.code)
            let path = "/v1/users/\(portal.username)/api-keys"
            func newKey() async throws -> Components.Schemas.APIKeyCreated {
                try expectJSON(try await client.post(path, json: ["name": "Cổng DVC"], token: admin.token), .created)
            }
            let first = try await newKey()
            #expect(first.value2.key.hasPrefix("mck_") && first.value1.prefix == String(first.value2.key.prefix(12)))
            #expect(try await client.get("/v1/auth/me", token: first.value2.key).status == .ok)
            try expectProblem(try await client.post(path, json: ["name": "x"], token: portal.token), .forbidden, code: "forbidden")

            #expect(try await client.delete("\(path)/\(first.value1.id)", token: admin.token).status == .noContent)
            try expectProblem(try await client.get("/v1/auth/me", token: first.value2.key), .unauthorized, code: "unauthenticated")

            // Deactivation revokes the account's keys: switching it back on does not revive them.
            let second = try await newKey()
            _ = try await client.send(.patch, "/v1/users/\(portal.username)", json: ["active": false], token: admin.token)
            try expectProblem(try await client.get("/v1/auth/me", token: second.value2.key), .unauthorized, code: "unauthenticated")
            _ = try await client.send(.patch, "/v1/users/\(portal.username)", json: ["active": true], token: admin.token)
            try expectProblem(try await client.get("/v1/auth/me", token: second.value2.key), .unauthorized, code: "unauthenticated")
            let listed = try expectJSON(try await client.get(path, token: admin.token), as: Components.Schemas.APIKeyList.self)
            #expect(listed.items.map(\.id) == [second.value1.id, first.value1.id])
            #expect(listed.items.allSatisfy { $0.revokedAt != nil })
        }
    }

    @Test func loggingOutRevokesTheTokenAtOnce() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            #expect(try await client.get("/v1/auth/me", token: officer.token).status == .ok)
            #expect(try await client.delete("/v1/auth/tokens/current", token: officer.token).status == .noContent)
            try expectProblem(try await client.get("/v1/auth/me", token: officer.token), .unauthorized, code: "unauthenticated")
            try expectProblem(try await client.get("/v1/units"), .unauthorized, code: "unauthenticated")
        }
    }
}
