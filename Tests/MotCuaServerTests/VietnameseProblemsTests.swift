import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
@testable import MotCuaServer
import MotCuaTestSupport
import NIOCore
import Testing

/// Problems in Vietnamese for `Accept-Language: vi`; the code and field names never change.
@Suite struct VietnameseProblemsTests {
    static let vietnamese: HTTPFields = [.acceptLanguage: "vi-VN,vi;q=0.9,en;q=0.5"]

    @Test func titlesDetailsAndReasonsInVietnameseWithTheCodesUnchanged() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let returned = try await makeDossier(in: .returned, world, client)

            var headers = Self.vietnamese
            headers[.authorization] = "Bearer \(world.leader.token)"
            let refused = try await client.request(.post, "/v1/dossiers/\(returned.code)/assign", headers: headers,
                                                   body: .init(string: #"{"assignee":"\#(world.specialist.username)"}"#))
            let problem = try expectProblem(refused, .conflict, code: "invalid-transition")
            #expect(problem.title == "Không thực hiện được ở trạng thái hiện tại")
            #expect(problem.detail == "Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái “Đã trả kết quả”.")
            #expect(problem.dossierStatus == "returned" && refused.headers[.contentLanguage] == "vi")

            headers[.authorization] = "Bearer \(world.reception.token)"
            let invalid = try await client.request(.post, "/v1/dossiers/\(returned.code)/refuse", headers: headers,
                                                   body: .init(string: #"{"reason":"   "}"#))
            let validation = try expectProblem(invalid, .unprocessableContent, code: "validation-failed", invalidParams: ["reason"])
            #expect(validation.title == "Dữ liệu không hợp lệ")
            #expect(validation.invalidParams?.first?.reason == "không được để trống", "\(validation.invalidParams ?? [])")

            let missing = try expectProblem(try await client.get("/v1/dossiers", headers: Self.vietnamese), .unauthorized, code: "unauthenticated")
            #expect(missing.title == "Cần đăng nhập" && missing.detail?.contains("Authorization") == true)

            // English otherwise, and when Vietnamese is not the first choice.
            let english = try expectProblem(try await client.get("/v1/dossiers"), .unauthorized, code: "unauthenticated")
            #expect(english.title == "Authentication required")
            let second = try await client.get("/v1/dossiers", headers: [.acceptLanguage: "en, vi;q=0.8"])
            #expect(try expectProblem(second, .unauthorized, code: "unauthenticated").title == "Authentication required")
        }
    }

    @Test func everyCodeHasATitleAndEveryContractReasonATranslation() {
        for code in ["validation-failed", "malformed-request", "not-found", "method-not-allowed", "invalid-transition",
                     "supplement-limit", "apology-too-late", "apology-limit", "already-rated", "not-finished", "version-mismatch",
                     "forbidden", "unauthenticated", "idempotency-conflict", "external-reference-taken", "conflict",
                     "payload-too-large", "unsupported-media-type", "not-acceptable", "rate-limited", "busy", "unavailable", "internal-error"] {
            #expect(VietnameseProblems.titles[code] != nil && VietnameseProblems.details[code] != nil, "\(code)")
        }
        #expect(VietnameseProblems.reason("must have at most 200 characters") == "tối đa 200 ký tự")
        #expect(VietnameseProblems.reason("must be at least 1") == "không được nhỏ hơn 1")
        #expect(VietnameseProblems.reason("is required") == "là bắt buộc")
        #expect(VietnameseProblems.preferred(by: "vi") && VietnameseProblems.preferred(by: "fr;q=0.2, vi-VN"))
        #expect(!VietnameseProblems.preferred(by: "en-US,en;q=0.9") && !VietnameseProblems.preferred(by: nil))
    }
}
