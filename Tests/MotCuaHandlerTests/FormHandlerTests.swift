import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaDomain
@testable import MotCuaStore
import MotCuaTestSupport
import Testing

/// The official forms as the handler prints them from the store's paperwork: who may print the
/// receipt, a form the dossier has not got, and text from the dossier escaped in the page. On scripted
/// paperwork without a database; what the store gathers is tested against PostgreSQL (`OfficialFormTests`).
@Suite struct FormHandlerTests {
    static func paperwork(_ record: DossierRecord) -> DossierPaperwork {
        DossierPaperwork(
            record: record,
            procedure: ProcedureDefinition(
                code: record.procedureCode, name: record.procedureName, field: "Hộ tịch", processingTime: .workingDays(3),
                documents: [.init(code: "TK", name: "Tờ khai")], steps: [.init(code: "TIEP_NHAN", name: "Tiếp nhận", role: .reception, durationHours: 8)],
                onlineLevel: .full),
            provinceName: "Tỉnh thử", receivingUnitName: "Xã thử", handlingUnitName: "Xã thử", receivedBy: "Cán bộ tiếp nhận", steps: [],
            supplementRequests: [], refusal: nil, apology: nil)
    }

    @Test func theReceiptIsPrintedForTheReceivingDeskWithTheDossiersTextEscaped() async throws {
        var dossiers = ScriptedDossiers()
        dossiers.paperwork = { code, principal in
            Self.paperwork(.sample(code: code, unit: String(code.prefix { $0 != "-" }), province: principal.province) {
                $0.applicant.fullName = "<script>alert(1)</script> Ánh"
            })
        }
        try await withTestApp(storage: .memory, dossiers: dossiers) { client, env in
            let province = try await env.makeProvince(communes: 2)
            let reception = try await env.makeUser([.reception], unit: province.communes[0])
            let code = "\(province.communes[0])-260302-0001"
            let receipt = try await client.get("/v1/dossiers/\(code)/forms/receipt", token: reception.token)
            #expect(receipt.status == .ok && receipt.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(receipt.text.contains(code) && receipt.text.contains("K7P2QX"))
            #expect(!receipt.text.contains("<script>alert(1)</script>") && receipt.text.contains("&lt;script&gt;"))

            let specialist = try await env.makeUser([.specialist], unit: province.communes[0])
            try expectProblem(try await client.get("/v1/dossiers/\(code)/forms/receipt", token: specialist.token), .forbidden, code: "forbidden")
            let otherDesk = try await env.makeUser([.reception], unit: province.communes[1])
            try expectProblem(try await client.get("/v1/dossiers/\(code)/forms/receipt", token: otherDesk.token), .forbidden, code: "forbidden")
            #expect(try await client.get("/v1/dossiers/\(code)/forms/control-slip", token: specialist.token).status == .ok)
        }
    }

    @Test func aFormTheDossierHasNotGotIsAConflictAndAnUnknownDossier404() async throws {
        var dossiers = ScriptedDossiers()
        dossiers.paperwork = { code, principal in
            code.hasSuffix("-0001") ? Self.paperwork(.sample(code: code, unit: principal.unitCode, province: principal.province)) : nil
        }
        try await withTestApp(storage: .memory, dossiers: dossiers) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let base = "/v1/dossiers/\(province.commune)-260302-000"
            for form in ["refusal", "apology", "supplement-request"] {
                try expectProblem(try await client.get("\(base)1/forms/\(form)", token: leader.token), .conflict, code: "form-not-issued")
            }
            try expectProblem(try await client.get("\(base)2/forms/control-slip", token: leader.token), .notFound, code: "not-found")
        }
    }
}
