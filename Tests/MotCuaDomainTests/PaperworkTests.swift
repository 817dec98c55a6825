import MotCuaDomain
import Testing

/// What a supplement request must say, which documents a dossier may hold, how supplied ones replace filed ones.
@Suite struct PaperworkTests {
    static let procedure = ProcedureDefinition(
        code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch", processingTime: .workingDays(3),
        documents: [.init(code: "TK01", name: "Tờ khai"), .init(code: "GCS", name: "Giấy chứng sinh"),
                    .init(code: "UQ", name: "Văn bản ủy quyền", mandatory: false)],
        steps: [.init(code: "TN", name: "Tiếp nhận", role: .reception, durationHours: 4)], onlineLevel: .full)

    @Test func aSupplementRequestNamesComponentsAndSaysWhatIsMissing() {
        #expect(Paperwork.supplementRequestProblems(items: [("GCS", "Bản chụp mờ")], of: Self.procedure).isEmpty)
        let problems = Paperwork.supplementRequestProblems(items: [("XX", "Thiếu"), ("TK01", " \n\t")], of: Self.procedure)
        #expect(problems.map(\.field) == ["items[0].documentCode", "items[1].note"])
        #expect(Paperwork.supplementRequestProblems(items: [], of: Self.procedure).map(\.field) == ["items"])
    }

    @Test func documentsAreComponentsAndACompleteDossierHasEveryMandatoryOne() {
        #expect(Paperwork.documentProblems(codes: ["TK01", "GCS"], of: Self.procedure, complete: true).isEmpty)
        #expect(Paperwork.documentProblems(codes: ["TK01"], of: Self.procedure).isEmpty)  // online: may be incomplete
        let problems = Paperwork.documentProblems(codes: ["TK01", "ZZ"], of: Self.procedure, complete: true)
        #expect(problems.map(\.field) == ["documents[1].code", "documents"])
        #expect(problems[1].reason.contains("GCS"))
    }

    @Test func suppliedDocumentsReplaceFiledOnesOfTheSameComponent() {
        let filed = [("TK01", 1), ("GCS", 1), ("UQ", 1)]
        let merged = Paperwork.merge(filed, supplied: [("GCS", 2), ("XN", 2)], code: \.0)
        #expect(merged.map(\.0) == ["TK01", "UQ", "GCS", "XN"])
        #expect(merged.map(\.1) == [1, 1, 2, 2])
        #expect(Paperwork.merge(filed, supplied: [], code: \.0).map(\.0) == ["TK01", "GCS", "UQ"])
    }
}
