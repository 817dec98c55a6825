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

/// The public catalog: no token, accent-insensitive search, field filter, keyset pages. Each test
/// publishes into its own `field` so results are its own. The search tests run on PostgreSQL and on
/// the in-memory catalog the handler tests use, which must find the same procedures.
@Suite struct ProcedureSearchTests {
    static func uniqueField() -> String { "Lĩnh vực thử " + Fixture.random(8, from: Fixture.upperDigits) }

    func list(_ client: APIClient, _ parameters: String) async throws -> Components.Schemas.ProcedurePage {
        try expectJSON(try await client.get("/v1/procedures?" + parameters), as: Components.Schemas.ProcedurePage.self)
    }

    @Test(arguments: TestEnvironment.Storage.allCases)
    func searchIgnoresAccentsAndCase(storage: TestEnvironment.Storage) async throws {
        try await withTestApp(storage: storage) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let field = Self.uniqueField()
            let birth = try await env.publishProcedure(.sample(name: "Đăng ký khai sinh", field: field), as: admin)
            _ = try await env.publishProcedure(.sample(name: "Đăng ký kết hôn", field: field), as: admin)
            _ = try await env.publishProcedure(.sample(name: "Cấp bản sao trích lục", field: field), as: admin)
            for q in ["dang ky khai sinh", "DANG KY KHAI SINH", "Đăng ký khai sinh", "khai  sinh", "đăng KÝ sinh"] {
                let page = try await list(client, "q=\(query(q))&field=\(query(field))")
                #expect(page.items.map(\.code) == [birth.code], "q=\(q)")
            }
            let both = try await list(client, "q=\(query("DANG KY"))&field=\(query(field))")
            #expect(both.items.count == 2)
            #expect(both.items.allSatisfy { $0.name.hasPrefix("Đăng ký") })
        }
    }

    @Test(arguments: TestEnvironment.Storage.allCases)
    func singleCharacterWordsAndWordsPastTheEighthAreIgnored(storage: TestEnvironment.Storage) async throws {
        try await withTestApp(storage: storage) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let field = Self.uniqueField()
            let birth = try await env.publishProcedure(.sample(name: "Đăng ký khai sinh", field: field), as: admin)
            _ = try await env.publishProcedure(.sample(name: "Đăng ký kết hôn", field: field), as: admin)
            // "x" would match nothing in either name; ignored, "khai sinh" decides.
            #expect(try await list(client, "q=\(query("x khai sinh a"))&field=\(query(field))").items.map(\.code) == [birth.code])
            #expect(try await list(client, "q=\(query("a b c"))&field=\(query(field))").items.count == 2)
            let nineWords = "đăng ký khai sinh đăng ký khai sinh zzzz"
            #expect(try await list(client, "q=\(query(nineWords))&field=\(query(field))").items.map(\.code) == [birth.code])
        }
    }

    @Test(arguments: TestEnvironment.Storage.allCases)
    func searchMatchesTheCode(storage: TestEnvironment.Storage) async throws {
        try await withTestApp(storage: storage) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let field = Self.uniqueField()
            let published = try await env.publishProcedure(.sample(field: field), as: admin)
            let page = try await list(client, "q=\(published.code)")
            #expect(page.items.map(\.code) == [published.code])
        }
    }

    @Test(arguments: TestEnvironment.Storage.allCases)
    func likeWildcardsInTheQueryAreLiteral(storage: TestEnvironment.Storage) async throws {
        try await withTestApp(storage: storage) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let field = Self.uniqueField()
            _ = try await env.publishProcedure(.sample(field: field), as: admin)
            #expect(try await list(client, "q=%25%25&field=\(query(field))").items.isEmpty)
            #expect(try await list(client, "q=__&field=\(query(field))").items.isEmpty)
        }
    }

    @Test(arguments: TestEnvironment.Storage.allCases)
    func fieldFilterIsExact(storage: TestEnvironment.Storage) async throws {
        try await withTestApp(storage: storage) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let field = Self.uniqueField()
            let other = Self.uniqueField()
            let mine = try await env.publishProcedure(.sample(field: field), as: admin)
            _ = try await env.publishProcedure(.sample(field: other), as: admin)
            #expect(try await list(client, "field=\(query(field))").items.map(\.code) == [mine.code])
            #expect(try await list(client, "field=\(query(String(field.dropLast())))").items.isEmpty)
        }
    }

    @Test(arguments: TestEnvironment.Storage.allCases)
    func listShowsOnlyTheCurrentVersion(storage: TestEnvironment.Storage) async throws {
        try await withTestApp(storage: storage) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let field = Self.uniqueField()
            let first = try await env.publishProcedure(.sample(name: "Bản đầu", field: field), as: admin)
            try await env.publishProcedure(.sample(name: "Bản sau", field: field), code: first.code, as: admin)
            let page = try await list(client, "field=\(query(field))")
            #expect(page.items.map(\.version) == [2])
            #expect(page.items.map(\.name) == ["Bản sau"])
        }
    }

    @Test(arguments: TestEnvironment.Storage.allCases)
    func keysetPaginationWalksEveryProcedureOnce(storage: TestEnvironment.Storage) async throws {
        try await withTestApp(storage: storage) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let field = Self.uniqueField()
            var codes: [String] = []
            for index in 0..<5 { codes.append(try await env.publishProcedure(.sample(name: "Thủ tục \(index)", field: field), as: admin).code) }
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let page = try await list(client, "field=\(query(field))&limit=2" + (cursor.map { "&cursor=\(query($0))" } ?? ""))
                #expect(page.items.count <= 2)
                seen += page.items.map(\.code)
                cursor = page.nextCursor?.value
                pages += 1
            } while cursor != nil && pages < 10
            #expect(seen == codes.sorted())
            #expect(pages == 3)
        }
    }

    @Test(arguments: ["garbage", "eyJhIjoxfQ", "WyJhIiwiYiJd", "%00"])
    func badCursorIs400(cursor: String) async throws {
        try await withTestApp { client, _ in
            try expectProblem(try await client.get("/v1/procedures?cursor=\(cursor)"), .badRequest, code: "malformed-request")
        }
    }

    @Test func limitOutsideTheRangeIsRefusedOrClamped() async throws {
        try await withTestApp { client, _ in
            for limit in ["0", "501", "-3"] {
                let response = try await client.get("/v1/procedures?limit=\(limit)")
                if response.status == .ok {
                    let page = try response.decode(Components.Schemas.ProcedurePage.self)
                    #expect(page.items.count <= 500)
                } else {
                    try expectProblem(response, response.status, code: response.status == .badRequest ? "malformed-request" : "validation-failed")
                }
            }
        }
    }
}
