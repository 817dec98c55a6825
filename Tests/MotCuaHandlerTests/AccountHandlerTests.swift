import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaDomain
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import Testing

/// Units, users and logins through the real router, on in-memory stores (no database): the access
/// policy, the contract's checks, the problems and what reaches the stores.
@Suite struct AccountHandlerTests {
    @Test func unitsAreCreatedByTheirAdministratorsOnly() async throws {
        try await OfflineApp.run { app in
            let (province, commune) = try await app.province()
            let national = try await app.user([.nationalAdmin], unit: province)
            let admin = try await app.user([.admin], unit: province)
            let other = try await app.province()

            let created = try await app.send(.post, "/v1/units", token: admin.token, json: ["code": province + ".02", "name": " Xã Hai ", "kind": "commune", "province": province])
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/v1/units/\(province).02")
            #expect(try await app.units.get(province + ".02")?.name == "Xã Hai")

            let elsewhere = try await app.send(.post, "/v1/units", token: admin.token, json: ["code": other.province + ".09", "name": "Xã", "kind": "commune", "province": other.province])
            #expect(elsewhere.status == .forbidden)
            #expect(elsewhere.json["detail"] as? String == "Admins create communes of their own province only.")
            let newProvince = ["code": "TNEW" + Fixture.random(4, from: Fixture.upperDigits), "name": "Tỉnh mới", "kind": "province"]
            #expect(try await app.send(.post, "/v1/units", token: admin.token, json: newProvince).status == .forbidden)
            #expect(try await app.send(.post, "/v1/units", token: national.token, json: newProvince).status == .created)

            let duplicate = try await app.send(.post, "/v1/units", token: admin.token, json: ["code": commune, "name": "Xã", "kind": "commune", "province": province])
            #expect(duplicate.status == .conflict)
            let officer = try await app.user([.reception], unit: commune)
            #expect(try await app.send(.post, "/v1/units", token: officer.token, json: ["code": province + ".03", "name": "Xã", "kind": "commune", "province": province]).status == .forbidden)
            #expect(try await app.units.get(province + ".03") == nil)
        }
    }

    @Test func aValueOutsideAPatternIsToldWhyInEnglishAndVietnamese() async throws {
        try await OfflineApp.run { app in
            let (province, _) = try await app.province()
            let admin = try await app.user([.admin], unit: province)
            let body: [String: Any] = ["code": "h15.x", "name": "   ", "kind": "commune", "province": province]
            let english = try await app.send(.post, "/v1/units", token: admin.token, json: body)
            #expect(english.status == .unprocessableContent)
            #expect(english.invalidParams == [
                "name": "must not be blank",
                "code": "must be an agency code of 1-35 upper-case letters, digits and dots, such as H15.50.05.13",
            ])
            let vietnamese = try await app.send(.post, "/v1/units", token: admin.token, json: body, headers: [.acceptLanguage: "vi"])
            #expect(vietnamese.invalidParams["name"] == "không được để trống")
            #expect(vietnamese.invalidParams["code"]?.hasPrefix("phải là mã định danh cơ quan") == true)
            #expect(try await app.units.list(province: province, limit: 50, cursor: nil).items.count == 2)
        }
    }

    @Test func usersAreListedAndReadWithinTheCallersReach() async throws {
        try await OfflineApp.run { app in
            let (province, commune) = try await app.province()
            _ = try await app.units.create(code: province + ".02", name: "Xã hai", kind: .commune, province: province)
            let leader = try await app.user([.leader], unit: commune)
            let colleague = try await app.user([.specialist], unit: commune)
            let neighbour = try await app.user([.specialist], unit: province + ".02")
            let stranger = try await app.user([.admin], unit: try await app.province().province)

            let own = try await app.send(.get, "/v1/users", token: leader.token)
            #expect(own.status == .ok)
            let names = Set((own.json["items"] as? [[String: Any]] ?? []).compactMap { $0["username"] as? String })
            #expect(names == [leader.record.username, colleague.record.username])
            #expect(try await app.send(.get, "/v1/users?unit=\(province).02", token: leader.token).status == .forbidden)
            #expect(try await app.send(.get, "/v1/users", token: colleague.token).status == .forbidden)

            #expect(try await app.send(.get, "/v1/users/\(colleague.record.username)", token: leader.token).status == .ok)
            #expect(try await app.send(.get, "/v1/users/\(neighbour.record.username)", token: leader.token).status == .notFound)
            let hidden = try await app.send(.get, "/v1/users/\(colleague.record.username)", token: stranger.token)
            #expect(hidden.status == .notFound)
            #expect(hidden.json["detail"] as? String == "No user \(colleague.record.username).")
        }
    }

    @Test func adminsGrantRolesOfTheirProvinceAndDeactivationEndsTheSession() async throws {
        try await OfflineApp.run { app in
            let (province, commune) = try await app.province()
            let admin = try await app.user([.admin], unit: province)
            func create(_ roles: [String], unit: String, password: String = Fixture.password) async throws -> TestResponse {
                try await app.send(.post, "/v1/users", token: admin.token, json: [
                    "username": Fixture.username("new"), "fullName": "Người mới", "unitCode": unit, "roles": roles, "password": password,
                ])
            }
            #expect(try await create(["reception"], unit: commune).status == .created)
            #expect(try await create(["national_admin"], unit: province).status == .forbidden)
            let misplaced = try await create(["portal"], unit: commune)
            #expect(misplaced.status == .unprocessableContent)
            #expect(misplaced.invalidParams.keys.contains("unitCode"))
            let tooLong = try await create(["reception"], unit: commune, password: String(repeating: "ệ", count: 25))  // 75 bytes
            #expect(tooLong.status == .unprocessableContent)
            #expect(tooLong.invalidParams.keys.contains("password"))

            let officer = try await app.user([.reception], unit: commune)
            #expect(try await app.send(.get, "/v1/auth/me", token: officer.token).status == .ok)
            let selfDeactivation = try await app.send(.patch, "/v1/users/\(admin.record.username)", token: admin.token, json: ["active": false])
            #expect(selfDeactivation.status == .unprocessableContent)
            #expect(try await app.send(.patch, "/v1/users/\(officer.record.username)", token: admin.token, json: ["active": false]).status == .ok)
            #expect(try await app.send(.get, "/v1/auth/me", token: officer.token).status == .unauthorized)
        }
    }

    @Test func loginMintsATokenOnTheServersClockAndIsAudited() async throws {
        try await OfflineApp.run(environment: ["MOTCUA_TOKEN_TTL_HOURS": "12"]) { app in
            let (province, commune) = try await app.province()
            let officer = try await app.user([.reception], unit: commune)
            let admin = try await app.user([.admin], unit: province)

            let wrong = try await app.send(.post, "/v1/auth/tokens", json: ["username": officer.record.username, "password": "not-the-password"])
            #expect(wrong.status == .unauthorized)
            let login = try await app.send(.post, "/v1/auth/tokens", json: ["username": officer.record.username.uppercased(), "password": Fixture.password])
            #expect(login.status == .created)
            let token = try #require(login.json["token"] as? String)
            let expiresAt = try #require((login.json["expiresAt"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
            #expect(abs(expiresAt.timeIntervalSince(app.clock.now) - 12 * 3600) < 1)

            let audit = try await app.send(.get, "/v1/audit/logins?username=\(officer.record.username)", token: admin.token)
            #expect((audit.json["items"] as? [[String: Any]] ?? []).compactMap { $0["outcome"] as? String } == ["succeeded", "failed"])
            #expect(try await app.send(.get, "/v1/audit/logins", token: officer.token).status == .forbidden)

            #expect(try await app.send(.get, "/v1/auth/me", token: token).json["username"] as? String == officer.record.username)
            app.clock.advance(by: 12 * 3600 + 1)
            #expect(try await app.send(.get, "/v1/auth/me", token: token).status == .unauthorized)
        }
    }

    @Test func loggingOutRevokesTheTokenAtOnce() async throws {
        try await OfflineApp.run { app in
            let (_, commune) = try await app.province()
            let officer = try await app.user([.reception], unit: commune)
            #expect(try await app.send(.get, "/v1/auth/me", token: officer.token).status == .ok)
            #expect(try await app.send(.delete, "/v1/auth/tokens/current", token: officer.token).status == .noContent)
            #expect(try await app.send(.get, "/v1/auth/me", token: officer.token).status == .unauthorized)
            #expect(try await app.send(.get, "/v1/units").status == .unauthorized)
        }
    }
}
