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

@Suite struct UnitsTests {
    @Test func adminCreatesACommuneOfAnExistingProvince() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province)
            let code = province.code + ".77"
            let response = try await client.post(
                "/v1/units", json: UnitBody(code: code, name: "Xã Tân Phú", province: province.code, kind: "commune"), token: admin.token)
            let unit = try expectJSON(response, .created, as: Components.Schemas.Unit.self)
            #expect(response.headers[.location] == "/v1/units/\(code)")
            #expect(unit.code == code && unit.province == province.code && unit.kind == .commune && unit.name == "Xã Tân Phú")
            let fetched = try expectJSON(try await client.get("/v1/units/\(code)", token: admin.token), as: Components.Schemas.Unit.self)
            #expect(fetched.code == code && fetched.name == "Xã Tân Phú")
        }
    }

    @Test func adminCreatesAProvinceThatBelongsToItself() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let code = Fixture.provinceCode()
            let unit = try expectJSON(
                try await client.post("/v1/units", json: UnitBody(code: code, name: "Tỉnh mới", province: nil, kind: "province"), token: admin.token),
                .created, as: Components.Schemas.Unit.self)
            #expect(unit.province == code && unit.kind == .province)
        }
    }

    @Test(arguments: [Role.reception, .leader, .specialist, .portal, .auditor])
    func onlyAdminCreatesUnits(role: Role) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let unit = [Role.portal, .auditor].contains(role) ? province.code : province.commune
            let user = try await env.makeUser([role], unit: unit)
            let code = province.code + ".55"
            let response = try await client.post(
                "/v1/units", json: UnitBody(code: code, name: "Xã cấm", province: province.code, kind: "commune"), token: user.token)
            try expectProblem(response, .forbidden, code: "forbidden")
            #expect(try await env.units.get(code) == nil)
        }
    }

    @Test func duplicateCodeIsAConflict() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province)
            let response = try await client.post(
                "/v1/units", json: UnitBody(code: province.commune, name: "Trùng", province: province.code, kind: "commune"), token: admin.token)
            try expectProblem(response, .conflict, code: "conflict")
            #expect(try await env.units.get(province.commune)?.name != "Trùng")
        }
    }

    @Test(arguments: [
        (UnitBody(code: "t1.lower", name: "Xã", province: nil, kind: "commune"), "code"),
        (UnitBody(code: "T1 SPACE", name: "Xã", province: nil, kind: "commune"), "code"),
        (UnitBody(code: String(repeating: "A", count: 36), name: "Xã", province: nil, kind: "commune"), "code"),
        (UnitBody(code: "", name: "Xã", province: nil, kind: "commune"), "code"),
        (UnitBody(code: "OK", name: "   ", province: nil, kind: "commune"), "name"),
        (UnitBody(code: "OK", name: String(repeating: "x", count: 201), province: nil, kind: "commune"), "name"),
        (UnitBody(code: "OK", name: "Xã", province: nil, kind: "village"), "kind"),
    ])
    func invalidUnitIs422NamingTheFieldAndWritesNothing(body: UnitBody, field: String) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province)
            var body = body
            if body.code == "OK" { body.code = province.code + ".66" }
            body.province = province.code
            let response = try await client.post("/v1/units", json: body, token: admin.token)
            try expectProblem(response, .unprocessableContent, code: "validation-failed", invalidParams: [field])
            let page = try expectJSON(try await client.get("/v1/units?province=\(province.code)", token: admin.token), as: Components.Schemas.UnitPage.self)
            #expect(page.items.count == 2)
        }
    }

    @Test func communeOfAnUnknownProvinceIs422() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let missing = Fixture.provinceCode()
            let response = try await client.post(
                "/v1/units", json: UnitBody(code: missing + ".01", name: "Xã mồ côi", province: missing, kind: "commune"), token: admin.token)
            try expectProblem(response, .unprocessableContent, code: "validation-failed", invalidParams: ["province"])
            #expect(try await env.units.get(missing + ".01") == nil)
        }
    }

    @Test func listPagesThroughAProvinceByCursor() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 3)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            var seen: [String] = []
            var cursor: String?
            repeat {
                let path = "/v1/units?province=\(province.code)&limit=2" + (cursor.map { "&cursor=\(query($0))" } ?? "")
                let page = try expectJSON(try await client.get(path, token: officer.token), as: Components.Schemas.UnitPage.self)
                #expect(page.items.count <= 2)
                seen += page.items.map(\.code)
                cursor = page.nextCursor?.value
            } while cursor != nil && seen.count < 10
            #expect(seen == [province.code] + province.communes)
        }
    }

    @Test func badCursorIs400() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            try expectProblem(try await client.get("/v1/units?cursor=not-a-cursor", token: officer.token), .badRequest, code: "malformed-request")
        }
    }

    @Test func unknownUnitIs404() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let officer = try await env.makeUser([.reception], unit: province.commune)
            try expectProblem(try await client.get("/v1/units/\(Fixture.provinceCode())", token: officer.token), .notFound, code: "not-found")
        }
    }
}
