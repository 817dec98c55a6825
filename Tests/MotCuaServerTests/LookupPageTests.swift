import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaTestSupport
import NIOCore
import Testing

@Suite struct LookupPageTests {
    @Test func theBlankPageIsAFormWithNoScriptAndStrictHeaders() async throws {
        try await withTestApp { client, _ in
            let response = try await client.get("/tra-cuu")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.contentSecurityPolicy] == "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            let html = response.text
            #expect(html.contains("<form method=\"get\" action=\"/tra-cuu\"") && html.contains("name=\"code\"") && html.contains("name=\"lookupKey\""))
            #expect(!html.contains("<script") && !html.contains("id=\"ket-qua\""))
        }
    }

    @Test func aMatchingCodeAndKeyShowTheStatusAndNothingPersonal() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .inProgress, world, client)
            let response = try await client.get("/tra-cuu?code=\(dossier.code)&lookupKey=\(dossier.lookupKey.lowercased())")
            #expect(response.status == .ok, "\(response.text)")
            let html = response.text
            for expected in ["id=\"ket-qua\"", "Đang xử lý", "N***** T** Á**", "ngày 05 tháng 03 năm 2026", "Trong hạn", "Đăng ký khai sinh thử"] {
                #expect(html.contains(expected), "the page lacks \(expected)")
            }
            for secret in ["001190012345", "0912345678", "anh@example.vn", "Lê Lợi", "Nguyễn", world.specialist.username] {
                #expect(!html.contains(secret), "leaks \(secret)")
            }
            // Not finished: no rating form.
            #expect(!html.contains("id=\"danh-gia\""))
        }
    }

    @Test func aWrongKeyReadsExactlyLikeAnUnknownCodeAndGuessesAreLimited() async throws {
        let clock = ManualClock(actionDay)
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .received, world, client)
            let wrongKey = try await client.get("/tra-cuu?code=\(dossier.code)&lookupKey=WRONGKEY2345")
            let unknown = try await client.get("/tra-cuu?code=\(world.unitA)-260302-9999&lookupKey=WRONGKEY2345")
            #expect(wrongKey.status == .notFound && unknown.status == .notFound)
            #expect(wrongKey.text.contains("Không tìm thấy hồ sơ") && !wrongKey.text.contains("id=\"ket-qua\""))
            #expect(wrongKey.text.replacingOccurrences(of: dossier.code, with: "") == unknown.text.replacingOccurrences(of: "\(world.unitA)-260302-9999", with: ""))
            // The page shares the public lookup's limit: 60 a minute per address, counted with the JSON API's.
            for _ in 0..<58 { _ = try await client.get("/v1/public/dossiers/\(dossier.code)?lookupKey=WRONGKEY2345") }
            let limited = try await client.get("/tra-cuu?code=\(dossier.code)&lookupKey=\(dossier.lookupKey)")
            #expect(limited.status == .tooManyRequests && limited.headers[.retryAfter] != nil)
            #expect(limited.headers[.contentType]?.hasPrefix("text/html") == true && limited.text.contains("thử lại sau"))
            // The blank form is not a lookup and is never limited.
            #expect(try await client.get("/tra-cuu").status == .ok)
            clock.advance(by: 61)
            #expect(try await client.get("/tra-cuu?code=\(dossier.code)&lookupKey=\(dossier.lookupKey)").status == .ok)
        }
    }

    @Test func aFinishedDossierIsRatedOnceFromThePage() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .resolved, world, client)
            let page = try await client.get("/tra-cuu?code=\(dossier.code)&lookupKey=\(dossier.lookupKey)")
            #expect(page.text.contains("id=\"danh-gia\"") && page.text.contains("Đã có kết quả"))
            for index in 1...9 { #expect(page.text.components(separatedBy: "name=\"i\(index)\"").count - 1 == 3) }
            #expect(page.text.contains("Thái độ của cán bộ"))

            var form = "code=\(query(dossier.code))&lookupKey=\(dossier.lookupKey)&satisfaction=very_satisfied&comment=C%C3%A1n+b%E1%BB%99+t%E1%BA%ADn+t%C3%ACnh"
            for index in 1...9 { form += "&i\(index)=\(index == 9 ? 1 : 2)" }
            let rated = try await postForm(client, form)
            #expect(rated.status == .created, "\(rated.text)")
            #expect(rated.text.contains("Cảm ơn") && rated.text.contains("17/18") && rated.text.contains("Xuất sắc"))
            #expect(!rated.text.contains("id=\"danh-gia\""))
            let stored = try #require(try await env.pool.query("""
                SELECT r.total, r.satisfaction, r.comment, r.source FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id
                WHERE d.code = \(dossier.code)
                """).first)
            #expect(try stored.decode(Int.self, at: 0) == 17 && stored.decode(String.self, at: 1) == "very_satisfied")
            #expect(try stored.decode(String.self, at: 2) == "Cán bộ tận tình" && stored.decode(String.self, at: 3) == "public")

            let again = try await postForm(client, form)
            #expect(again.status == .conflict && again.text.contains("đã được đánh giá"))
            let after = try await client.get("/tra-cuu?code=\(dossier.code)&lookupKey=\(dossier.lookupKey)")
            #expect(!after.text.contains("id=\"danh-gia\""))
        }
    }

    @Test func ratingFromThePageKeepsTheRules() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let open = try await makeDossier(in: .inProgress, world, client)
            var scores = ""
            for index in 1...9 { scores += "&i\(index)=2" }
            let notYet = try await postForm(client, "code=\(open.code)&lookupKey=\(open.lookupKey)&satisfaction=satisfied" + scores)
            #expect(notYet.status == .conflict && notYet.text.contains("Chỉ đánh giá được hồ sơ đã có kết quả"))
            let wrongKey = try await postForm(client, "code=\(open.code)&lookupKey=WRONGKEY2345&satisfaction=satisfied" + scores)
            #expect(wrongKey.status == .notFound)
            let finished = try await makeDossier(in: .returned, world, client)
            let outOfRange = try await postForm(
                client, "code=\(finished.code)&lookupKey=\(finished.lookupKey)&satisfaction=satisfied" + scores.replacingOccurrences(of: "i4=2", with: "i4=7"))
            #expect(outOfRange.status.code == 400 || outOfRange.status.code == 422, "\(outOfRange.text)")
            let missing = try await postForm(client, "code=\(finished.code)&lookupKey=\(finished.lookupKey)&satisfaction=satisfied&i1=2")
            #expect(missing.status.code == 400 || missing.status.code == 422)
            #expect(try await env.pool.query("""
                SELECT count(*) FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id WHERE d.code IN (\(open.code), \(finished.code))
                """).first?.decode(Int.self, at: 0) == 0)
        }
    }

    private func postForm(_ client: APIClient, _ form: String) async throws -> TestResponse {
        try await client.request(
            .post, "/tra-cuu", headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form))
    }
}
