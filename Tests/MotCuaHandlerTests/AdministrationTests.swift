import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

/// Admins act within their province; national admins own the catalog, the calendar and every
/// province's accounts. Users are changed, deactivated, logged out and given new passwords, and
/// every password login is audited.
@Suite struct AdministrationTests {
    typealias User = Components.Schemas.User

    @Test func anAdminActsOnlyInTheirOwnProvince() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let world = try await env.makeDossierWorld()
            let other = try await env.makeProvince(communes: 1)
            let otherAdmin = try await env.makeAdmin(other, national: false)
            let intruder = UserBody(
                username: Fixture.username("intruder"), fullName: "Kẻ lạ", unitCode: world.unitA, roles: ["reception"], password: "a-long-secret-1")
            try expectProblem(try await client.post("/v1/users", json: intruder, token: otherAdmin.token), .forbidden, code: "forbidden")
            let foreignCommune = UnitBody(code: world.province.code + ".97", name: "Xã lạ", province: world.province.code, kind: "commune")
            try expectProblem(try await client.post("/v1/units", json: foreignCommune, token: otherAdmin.token), .forbidden, code: "forbidden")
            let province = UnitBody(code: "P" + String(Fixture.username("").suffix(8)).uppercased(), name: "Tỉnh mới", province: nil, kind: "province")
            try expectProblem(try await client.post("/v1/units", json: province, token: otherAdmin.token), .forbidden, code: "forbidden")
            try expectProblem(try await client.get("/v1/users/\(world.reception.username)", token: otherAdmin.token), .notFound, code: "not-found")
            let listed = try expectJSON(try await client.get("/v1/users?unit=\(world.unitA)", token: otherAdmin.token), as: Components.Schemas.UserPage.self)
            #expect(listed.items.isEmpty)
            let everyone = try expectJSON(try await client.get("/v1/users?limit=500", token: otherAdmin.token), as: Components.Schemas.UserPage.self)
            #expect(everyone.items.map(\.username) == [otherAdmin.username], "only the accounts of their own province")
            // The catalog and the calendar are national.
            try expectProblem(
                try await client.put("/v1/procedures/\(try await env.unusedProcedureCode())", json: ProcedureBody.sample(), token: otherAdmin.token),
                .forbidden, code: "forbidden")
            try expectProblem(
                try await client.put("/v1/calendar/days/2031-05-06", json: ["type": "holiday", "name": "Nghỉ"], token: otherAdmin.token),
                .forbidden, code: "forbidden")
            // Within their province they manage as before; a national admin anywhere.
            var own = intruder
            own.unitCode = other.communes[0]
            #expect(try await client.post("/v1/users", json: own, token: otherAdmin.token).status == .created)
            var national = intruder
            national.username = Fixture.username("national")
            national.unitCode = other.communes[0]
            #expect(try await client.post("/v1/users", json: national, token: world.admin.token).status == .created)
            #expect(try await client.post("/v1/units", json: province, token: world.admin.token).status == .created)
        }
    }

    @Test func onlyANationalAdminGrantsNationalAdminOrTouchesOne() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province, national: false)
            let national = try await env.makeAdmin(province)
            let body = UserBody(
                username: Fixture.username("admin"), fullName: "Quản trị", unitCode: province.code, roles: ["admin", "national_admin"],
                password: "a-long-secret-1")
            try expectProblem(try await client.post("/v1/users", json: body, token: admin.token), .forbidden, code: "forbidden")
            try expectProblem(
                try await client.send(.patch, "/v1/users/\(admin.username)", json: ["roles": ["admin", "national_admin"]], token: admin.token),
                .forbidden, code: "forbidden")
            // A province admin cannot take over the national admin's account.
            try expectProblem(
                try await client.put("/v1/users/\(national.username)/password", json: ["password": "taken-over-123"], token: admin.token),
                .notFound, code: "not-found")
            try expectProblem(
                try await client.send(.patch, "/v1/users/\(national.username)", json: ["active": false], token: admin.token),
                .notFound, code: "not-found")
            #expect(try await client.post("/v1/users", json: body, token: national.token).status == .created)
        }
    }

    @Test func deactivationStopsTheUsersTokensAndKeysAtOnce() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let world = try await env.makeDossierWorld()
            let key = try expectJSON(
                try await client.post("/v1/users/\(world.portal.username)/api-keys", json: ["name": "đồng bộ"], token: world.admin.token),
                .created, as: Components.Schemas.APIKeyCreated.self)
            #expect(try await client.get("/v1/auth/me", token: key.value2.key).status == .ok)
            #expect(try await client.get("/v1/auth/me", token: world.reception.token).status == .ok)

            let off = try expectJSON(
                try await client.send(.patch, "/v1/users/\(world.reception.username)", json: ["active": false], token: world.admin.token),
                as: User.self)
            #expect(off.active == false)
            try expectProblem(try await client.get("/v1/auth/me", token: world.reception.token), .unauthorized, code: "unauthenticated")
            try expectProblem(
                try await client.post("/v1/auth/tokens", json: ["username": world.reception.username, "password": world.reception.password]),
                .unauthorized, code: "unauthenticated")
            _ = try await client.send(.patch, "/v1/users/\(world.portal.username)", json: ["active": false], token: world.admin.token)
            try expectProblem(try await client.get("/v1/auth/me", token: key.value2.key), .unauthorized, code: "unauthenticated")

            // Back on: a fresh login works; the revoked token stays revoked.
            _ = try await client.send(.patch, "/v1/users/\(world.reception.username)", json: ["active": true], token: world.admin.token)
            _ = try await env.login(world.reception.username, world.reception.password)
            #expect(try await client.get("/v1/auth/me", token: world.reception.token).status == .unauthorized)
            // An admin cannot lock themself out; an empty change is refused.
            try expectProblem(
                try await client.send(.patch, "/v1/users/\(world.admin.username)", json: ["active": false], token: world.admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["active"])
            try expectProblem(
                try await client.send(.patch, "/v1/users/\(world.leader.username)", json: [String: String](), token: world.admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["body"])
            try expectProblem(
                try await client.send(.patch, "/v1/users/\(world.leader.username)", json: ["active": false], token: world.leader.token),
                .forbidden, code: "forbidden")
        }
    }

    @Test func rolesUnitAndNameChangeAndTakeEffectAtOnce() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let world = try await env.makeDossierWorld()
            let other = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(world.province, national: false)
            let path = "/v1/users/\(world.specialist.username)"
            let changed = try expectJSON(
                try await client.send(.patch, path, json: PatchBody(fullName: "  Lê Văn Mới ", unitCode: world.unitB, roles: ["leader", "specialist"]),
                                      token: admin.token),
                as: User.self)
            #expect(changed.fullName == "Lê Văn Mới" && changed.unitCode == world.unitB)
            #expect(Set(changed.roles.map(\.rawValue)) == ["leader", "specialist"])
            let me = try expectJSON(try await client.get("/v1/auth/me", token: world.specialist.token), as: User.self)
            #expect(me.unitCode == world.unitB && me.roles.map(\.rawValue).contains("leader"))

            try expectProblem(
                try await client.send(.patch, path, json: PatchBody(unitCode: other.communes[0]), token: admin.token), .forbidden, code: "forbidden")
            try expectProblem(
                try await client.send(.patch, path, json: PatchBody(roles: ["auditor"]), token: admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["unitCode"])
            try expectProblem(
                try await client.send(.patch, path, json: PatchBody(unitCode: "NO.SUCH.UNIT"), token: admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["unitCode"])
            try expectProblem(
                try await client.send(.patch, path, json: PatchBody(fullName: "   "), token: admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["fullName"])
            try expectProblem(
                try await client.send(.patch, "/v1/users/no.such.user", json: PatchBody(fullName: "X"), token: admin.token),
                .notFound, code: "not-found")
        }
    }

    @Test func passwordsAreResetByAnAdminAndChangedByTheirOwner() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let world = try await env.makeDossierWorld()
            let user = world.reception
            try expectProblem(
                try await client.put("/v1/users/\(user.username)/password", json: ["password": "short"], token: world.admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["password"])
            #expect(try await client.put("/v1/users/\(user.username)/password", json: ["password": "reset-by-admin-1"], token: world.admin.token).status == .noContent)
            #expect(try await client.get("/v1/auth/me", token: user.token).status == .unauthorized)
            #expect(try await client.post("/v1/auth/tokens", json: ["username": user.username, "password": user.password]).status == .unauthorized)
            let first = try await env.login(user.username, "reset-by-admin-1")
            let second = try await env.login(user.username, "reset-by-admin-1")

            let wrong = try await client.post(
                "/v1/auth/password", json: ["currentPassword": "not-it-at-all", "newPassword": "my-own-secret-2"], token: first)
            try expectProblem(wrong, .unprocessableContent, code: "validation-failed", invalidParams: ["currentPassword"])
            let same = try await client.post(
                "/v1/auth/password", json: ["currentPassword": "reset-by-admin-1", "newPassword": "reset-by-admin-1"], token: first)
            try expectProblem(same, .unprocessableContent, code: "validation-failed", invalidParams: ["newPassword"])
            let changed = try await client.post(
                "/v1/auth/password", json: ["currentPassword": "reset-by-admin-1", "newPassword": "my-own-secret-2"], token: first)
            #expect(changed.status == .noContent)
            // The token that changed it keeps working; the user's other sessions end.
            #expect(try await client.get("/v1/auth/me", token: first).status == .ok)
            #expect(try await client.get("/v1/auth/me", token: second).status == .unauthorized)
            _ = try await env.login(user.username, "my-own-secret-2")
            #expect(try await client.post("/v1/auth/tokens", json: ["username": user.username, "password": "reset-by-admin-1"]).status == .unauthorized)
        }
    }

    /// bcrypt reads 72 bytes: 40 Vietnamese characters are 80 bytes, within the contract's 72
    /// characters, and would be cut silently. Creating, resetting and changing refuse them alike.
    @Test func passwordsLongerThanBcryptReadsAreRefusedEverywhere() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let world = try await env.makeDossierWorld()
            let user = world.reception
            let long = String(repeating: "mậ", count: 20)
            #expect(long.count == 40 && long.utf8.count > 72)
            try expectProblem(
                try await client.put("/v1/users/\(user.username)/password", json: ["password": long], token: world.admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["password"])
            try expectProblem(
                try await client.post("/v1/auth/password", json: ["currentPassword": user.password, "newPassword": long], token: user.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["newPassword"])
            try expectProblem(
                try await client.post("/v1/users", json: UserBody(
                    username: Fixture.username("long"), fullName: "Dài", unitCode: world.unitA, roles: ["reception"], password: long),
                    token: world.admin.token),
                .unprocessableContent, code: "validation-failed", invalidParams: ["password"])
            // Nothing changed: the old password still logs in.
            _ = try await env.login(user.username, user.password)
        }
    }

    @Test func aUserIsLoggedOutEverywhereByThemselfOrTheirAdmin() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let world = try await env.makeDossierWorld()
            let otherAdmin = try await env.makeAdmin(try await env.makeProvince(communes: 1), national: false)
            let user = world.leader
            let second = try await env.login(user.username, user.password)
            try expectProblem(try await client.delete("/v1/users/\(user.username)/tokens", token: otherAdmin.token), .notFound, code: "not-found")
            try expectProblem(try await client.delete("/v1/users/\(user.username)/tokens", token: world.reception.token), .notFound, code: "not-found")
            #expect(try await client.delete("/v1/users/\(user.username)/tokens", token: user.token).status == .noContent)
            #expect(try await client.get("/v1/auth/me", token: user.token).status == .unauthorized)
            #expect(try await client.get("/v1/auth/me", token: second).status == .unauthorized)
            let third = try await env.login(user.username, user.password)
            #expect(try await client.delete("/v1/users/\(user.username)/tokens", token: world.admin.token).status == .noContent)
            #expect(try await client.get("/v1/auth/me", token: third).status == .unauthorized)
        }
    }

}

private struct PatchBody: Encodable, Sendable {
    var fullName: String?
    var unitCode: String?
    var roles: [String]?
    var active: Bool?
}
