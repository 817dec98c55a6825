import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaTestSupport
import QRCode
import Testing

@Suite struct OfficialFormTests {
    static let publicURL = "https://dichvucong.xa-thu.gov.vn"

    @Test func receiptPrintsTheDossierItsLookupKeyAndAQRCodeOfTheLookupPage() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock, environment: ["MOTCUA_PUBLIC_URL": Self.publicURL + "/"]) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .received, world, client)
            let response = try await client.get("/v1/dossiers/\(dossier.code)/forms/receipt", token: world.reception.token)
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let html = response.text
            for expected in [
                "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Mẫu số 01", dossier.code, dossier.lookupKey, "Nguyễn Thị Ánh", "001190012345",
                "12 Lê Lợi, Hà Nội", "Đăng ký khai sinh thử", "Giấy TK01", "3 ngày làm việc",
                "09 giờ 00 phút, ngày 02/03/2026", "ngày 05 tháng 03 năm 2026", "Cán bộ \(world.reception.username)", "8.000 đồng",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ] {
                #expect(html.contains(expected), "the receipt lacks \(expected)")
            }
            // The QR code is the one of the lookup page of this dossier on the configured address.
            let url = "\(Self.publicURL)/tra-cuu?code=\(dossier.code)&lookupKey=\(dossier.lookupKey)"
            let qr = try QRCode(url, errorCorrection: .medium).svg(ariaLabel: "Mã QR tra cứu hồ sơ")
            #expect(html.contains(qr))
        }
    }

    @Test func thePublicAddressIsCheckedAtStart() throws {
        #expect(try ServerConfiguration(environment: ["MOTCUA_PUBLIC_URL": "https://dichvucong.xa.gov.vn/"]).publicURL == "https://dichvucong.xa.gov.vn")
        #expect(try ServerConfiguration(environment: ["MOTCUA_PUBLIC_URL": "http://10.0.0.5:8080/motcua"]).publicURL == "http://10.0.0.5:8080/motcua")
        #expect(try ServerConfiguration(environment: [:]).publicURL == nil)
        for bad in ["dichvucong.xa.gov.vn", "ftp://xa.gov.vn", "https://xa.gov.vn/?a=1", "https://xa.gov.vn/#top", "https://user@xa.gov.vn",
                    "https://" + String(repeating: "a", count: 200) + ".vn"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { _ = try ServerConfiguration(environment: ["MOTCUA_PUBLIC_URL": bad]) }
        }
    }

    @Test func onlyReceptionAndLeadersOfTheReceivingUnitPrintTheReceipt() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            // Received in commune A, handled by commune B: B's officers see it, but the key is A's to hand out.
            let dossier = try await client.file(world.body(handling: world.unitB), as: world.reception)
            let outsider = try await env.makeUser([.reception], unit: world.unitC)
            let path = "/v1/dossiers/\(dossier.code)/forms/receipt"
            for user in [world.reception, world.leader, world.admin] {
                #expect(try await client.get(path, token: user.token).status == .ok, "\(user.username)")
            }
            for user in [world.specialist, world.receptionB, world.leaderB, world.auditor, world.portal] {
                let response = try await client.get(path, token: user.token)
                try expectProblem(response, .forbidden, code: "forbidden")
                #expect(!response.text.contains(dossier.lookupKey))
            }
            try expectProblem(try await client.get(path, token: outsider.token), .notFound, code: "not-found")
            try expectProblem(try await client.get(path), .unauthorized, code: "unauthenticated")
            // The other forms are for everyone who may see the dossier, and never show the key.
            let slip = try await client.get("/v1/dossiers/\(dossier.code)/forms/control-slip", token: world.leaderB.token)
            #expect(slip.status == .ok && !slip.text.contains(dossier.lookupKey))
            try expectProblem(try await client.get("/v1/dossiers/\(dossier.code)/forms/invoice", token: world.reception.token),
                              .badRequest, code: "malformed-request")
        }
    }

    @Test func eachFormIsIssuedOnlyOnceTheDossierHasIt() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            func form(_ code: String, _ name: String, as user: TestUser? = nil) async throws -> TestResponse {
                try await client.get("/v1/dossiers/\(code)/forms/\(name)", token: (user ?? world.leader).token)
            }
            let received = try await makeDossier(in: .received, world, client)
            for name in ["supplement-request", "refusal", "apology"] {
                try expectProblem(try await form(received.code, name), .conflict, code: "form-not-issued")
            }
            let submitted = try await makeDossier(in: .submitted, world, client)
            for name in ["receipt", "control-slip"] {
                try expectProblem(try await form(submitted.code, name, as: world.reception), .conflict, code: "form-not-issued")
            }

            let refused = try await makeDossier(in: .refused, world, client)
            let refusal = try await form(refused.code, "refusal")
            #expect(refusal.status == .ok)
            for expected in ["Phiếu từ chối tiếp nhận giải quyết hồ sơ", "Mẫu số 03", "Lý do ghi rõ", "Cán bộ \(world.reception.username)"] {
                #expect(refusal.text.contains(expected), "the refusal lacks \(expected)")
            }

            let waiting = try await makeDossier(in: .supplementRequested, world, client)
            let request = try await form(waiting.code, "supplement-request")
            #expect(request.status == .ok)
            for expected in ["Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "Mẫu số 02", "Giấy chứng sinh", "Bản sao không rõ", "Thiếu giấy tờ",
                             "một lần", "tạm dừng"] {
                #expect(request.text.contains(expected), "the supplement request lacks \(expected)")
            }

            let late = try await makeDossier(in: .inProgress, world, client)
            try await client.perform("apologize", late.code, ActionBody.apology("2026-03-09"), as: world.leader)
            let apology = try await form(late.code, "apology")
            #expect(apology.status == .ok)
            for expected in ["Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Mẫu số 04", "ngày 05 tháng 03 năm 2026", "ngày 09 tháng 03 năm 2026",
                             "Cần xác minh thêm", "xin lỗi"] {
                #expect(apology.text.contains(expected), "the apology lacks \(expected)")
            }
        }
    }

    @Test func theControlSlipListsEveryHandoverWithItsOutcome() async throws {
        let clock = ManualClock(actionDay)
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .inProgress, world, client)
            clock.advance(by: 3600)
            try await client.perform("forward", dossier.code, ActionBody.forward(world.leader), as: world.specialist)
            clock.set(vn: "2026-03-04", "10:00")
            try await client.perform("resolve", dossier.code, ActionBody.resolve, as: world.leader)
            let slip = try await client.get("/v1/dossiers/\(dossier.code)/forms/control-slip", token: world.specialist.token)
            #expect(slip.status == .ok, "\(slip.text)")
            let html = slip.text
            for expected in ["Phiếu kiểm soát quá trình giải quyết hồ sơ", "Mẫu số 06", "Bước tham-dinh", "Bước phe-duyet",
                             "Cán bộ \(world.specialist.username)", "Cán bộ \(world.leader.username)", "09:00 02/03/2026", "10:00 04/03/2026",
                             "Trước hạn", "Trễ hạn", "Đã có kết quả"] {
                #expect(html.contains(expected), "the control slip lacks \(expected)")
            }
            // One row per step, in order.
            #expect(html.components(separatedBy: "<tr><td>").count - 1 == 2)
            let first = try #require(html.range(of: "Bước tham-dinh")), second = try #require(html.range(of: "Bước phe-duyet"))
            #expect(first.lowerBound < second.lowerBound)
        }
    }

    @Test func whatWasTypedAtTheDeskNeverBecomesMarkup() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let name = "<script>alert('x')</script> Ánh"
            let dossier = try await client.file(world.body(name: name), as: world.reception)
            let refused = try await client.perform(
                "refuse", try await makeDossier(in: .submitted, world, client).code, ["reason": "<img src=x onerror=alert(1)>"], as: world.reception)
            let receipt = try await client.get("/v1/dossiers/\(dossier.code)/forms/receipt", token: world.reception.token)
            #expect(receipt.status == .ok)
            #expect(!receipt.text.contains("<script>") && receipt.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ánh"))
            let refusal = try await client.get("/v1/dossiers/\(refused.code)/forms/refusal", token: world.reception.token)
            #expect(!refusal.text.contains("<img") && refusal.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
        }
    }
}
