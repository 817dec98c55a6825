import MotCuaDomain

/// Real commune-level procedures (docs/domain.md §5) with their components and an internal process whose
/// steps fit the statutory time.
enum DemoProcedures {
    static let civilStatus = "Hộ tịch"
    static let certification = "Chứng thực"
    static let residence = "Cư trú"
    static let complaints = "Khiếu nại"

    static let all: [ProcedureDefinition] = [
        make("1.001193", "Đăng ký khai sinh", civilStatus, .workingDays(0),
             docs: [doc("TK", "Tờ khai đăng ký khai sinh"), doc("GCS", "Giấy chứng sinh"), doc("CCCD", "Giấy tờ tùy thân của người đi đăng ký")],
             result: "Giấy khai sinh", online: .full, basis: "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP"),
        make("1.000894", "Đăng ký kết hôn", civilStatus, .workingDays(0),
             docs: [doc("TK", "Tờ khai đăng ký kết hôn"), doc("CCCD", "Giấy tờ tùy thân của hai bên"), doc("XNHN", "Giấy xác nhận tình trạng hôn nhân", mandatory: false)],
             result: "Giấy chứng nhận kết hôn", online: .partial, basis: "Luật Hộ tịch 2014"),
        make("1.000656", "Đăng ký khai tử", civilStatus, .workingDays(0),
             docs: [doc("TK", "Tờ khai đăng ký khai tử"), doc("GBT", "Giấy báo tử"), doc("CCCD", "Giấy tờ tùy thân của người đi đăng ký")],
             result: "Trích lục khai tử", online: .full, basis: "Luật Hộ tịch 2014"),
        make("1.001022", "Đăng ký nhận cha, mẹ, con", civilStatus, .workingDays(3), fee: 15_000, feeText: "Theo mức của tỉnh",
             docs: [doc("TK", "Tờ khai đăng ký nhận cha, mẹ, con"), doc("CC", "Chứng cứ chứng minh quan hệ cha, mẹ, con"), doc("CCCD", "Giấy tờ tùy thân")],
             result: "Trích lục đăng ký nhận cha, mẹ, con", online: .partial, basis: "Luật Hộ tịch 2014"),
        make("1.004859", "Thay đổi, cải chính, bổ sung thông tin hộ tịch", civilStatus, .workingDays(3), fee: 15_000, feeText: "Theo mức của tỉnh",
             docs: [doc("TK", "Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch"), doc("GTHT", "Giấy tờ hộ tịch cần cải chính"), doc("GTLQ", "Giấy tờ liên quan làm căn cứ")],
             result: "Trích lục thay đổi, cải chính hộ tịch", online: .partial, basis: "Luật Hộ tịch 2014"),
        make("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", civilStatus, .workingDays(3), fee: 10_000, feeText: "Theo mức của tỉnh",
             docs: [doc("TK", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"), doc("CCCD", "Giấy tờ tùy thân")],
             result: "Giấy xác nhận tình trạng hôn nhân", online: .full, basis: "Luật Hộ tịch 2014"),
        make("1.004884", "Đăng ký lại khai sinh", civilStatus, .workingDays(5), fee: 5_000, feeText: "Theo mức của tỉnh",
             docs: [doc("TK", "Tờ khai đăng ký lại khai sinh"), doc("BS", "Bản sao giấy khai sinh cũ hoặc giấy tờ có thông tin khai sinh", mandatory: false), doc("CCCD", "Giấy tờ tùy thân")],
             result: "Giấy khai sinh", online: .partial, basis: "Nghị định 123/2015/NĐ-CP"),
        make("2.000635", "Cấp bản sao Trích lục hộ tịch", civilStatus, .workingDays(0), fee: 8_000, feeText: "8.000 đồng/bản sao",
             docs: [doc("TK", "Tờ khai cấp bản sao trích lục hộ tịch"), doc("CCCD", "Giấy tờ tùy thân")],
             result: "Bản sao trích lục hộ tịch", online: .full, basis: "Thông tư 85/2019/TT-BTC"),
        make("2.000986", "Liên thông khai sinh - thường trú - thẻ BHYT trẻ dưới 6 tuổi", civilStatus, .workingDays(3),
             docs: [doc("TK", "Tờ khai đăng ký khai sinh"), doc("GCS", "Giấy chứng sinh"), doc("TKCT", "Tờ khai thay đổi thông tin cư trú"), doc("BHYT", "Tờ khai tham gia BHYT")],
             result: "Giấy khai sinh, xác nhận thường trú, thẻ BHYT", online: .full, basis: "Nghị định 63/2024/NĐ-CP"),
        make("2.000815", "Chứng thực bản sao từ bản chính", certification, .workingDays(0), fee: 2_000,
             feeText: "2.000 đồng/trang; từ trang thứ 3 1.000 đồng/trang; tối đa 200.000 đồng/bản",
             docs: [doc("BC", "Bản chính giấy tờ"), doc("BS", "Bản sao cần chứng thực")],
             result: "Bản sao được chứng thực", online: .partial, basis: "Nghị định 23/2015/NĐ-CP"),
        make("2.000884", "Chứng thực chữ ký", certification, .workingDays(0), fee: 10_000, feeText: "10.000 đồng/trường hợp",
             docs: [doc("CCCD", "Giấy tờ tùy thân"), doc("GT", "Giấy tờ, văn bản cần chứng thực chữ ký")],
             result: "Văn bản được chứng thực chữ ký", online: .none, basis: "Nghị định 23/2015/NĐ-CP"),
        make("2.001035", "Chứng thực giao dịch về động sản, quyền sử dụng đất, nhà ở", certification, .workingDays(2), fee: 50_000,
             feeText: "50.000 đồng/hợp đồng, giao dịch",
             docs: [doc("DT", "Dự thảo hợp đồng, giao dịch"), doc("CCCD", "Giấy tờ tùy thân các bên"), doc("GCN", "Giấy chứng nhận quyền sở hữu, sử dụng")],
             result: "Hợp đồng, giao dịch được chứng thực", online: .none, basis: "Nghị định 23/2015/NĐ-CP"),
        make("2.001019", "Chứng thực di chúc", certification, .workingDays(2), fee: 50_000, feeText: "50.000 đồng/di chúc",
             docs: [doc("DC", "Dự thảo di chúc"), doc("CCCD", "Giấy tờ tùy thân người lập di chúc"), doc("GCN", "Giấy tờ về tài sản", mandatory: false)],
             result: "Di chúc được chứng thực", online: .none, basis: "Nghị định 23/2015/NĐ-CP"),
        make("2.001406", "Chứng thực văn bản phân chia di sản", certification, .workingDays(2), fee: 50_000, feeText: "50.000 đồng/văn bản",
             docs: [doc("VB", "Dự thảo văn bản phân chia di sản"), doc("CCCD", "Giấy tờ tùy thân người nhận di sản"), doc("GCT", "Giấy chứng tử"), doc("GCN", "Giấy tờ về tài sản")],
             result: "Văn bản phân chia di sản được chứng thực", online: .none, basis: "Nghị định 23/2015/NĐ-CP"),
        make("1.004222", "Đăng ký thường trú", residence, .workingDays(7), fee: 20_000, feeText: "Theo mức của tỉnh",
             docs: [doc("TK", "Tờ khai thay đổi thông tin cư trú"), doc("CHO", "Giấy tờ chứng minh chỗ ở hợp pháp")],
             result: "Thông báo kết quả đăng ký thường trú", online: .full, basis: "Luật Cư trú 2020"),
        make("1.004194", "Đăng ký tạm trú", residence, .workingDays(3), fee: 15_000, feeText: "Theo mức của tỉnh",
             docs: [doc("TK", "Tờ khai thay đổi thông tin cư trú"), doc("CHO", "Giấy tờ chứng minh chỗ ở hợp pháp")],
             result: "Thông báo kết quả đăng ký tạm trú", online: .full, basis: "Luật Cư trú 2020"),
        make("2.002409", "Giải quyết khiếu nại lần đầu tại cấp xã", complaints, .calendarDays(30),
             docs: [doc("DON", "Đơn khiếu nại"), doc("TL", "Tài liệu, chứng cứ kèm theo", mandatory: false)],
             result: "Quyết định giải quyết khiếu nại", online: .partial, basis: "Luật Khiếu nại 2011"),
    ]

    /// Desk intake, appraisal by a specialist, approval by a leader, return at the desk, sized to the
    /// statutory time (8 working hours a day).
    static func steps(for time: ProcessingTime) -> [ProcedureDefinition.Step] {
        let budget = time.unit == .workingHours ? time.value : max(time.value, 1) * 8
        let desk = max(1, budget / 8), leader = max(2, budget / 8)
        return [
            .init(code: "tiep-nhan", name: "Tiếp nhận, chuyển hồ sơ", role: .reception, durationHours: desk),
            .init(code: "tham-dinh", name: "Thẩm định, đề xuất", role: .specialist, durationHours: budget - 2 * desk - leader),
            .init(code: "phe-duyet", name: "Phê duyệt", role: .leader, durationHours: leader),
            .init(code: "tra-ket-qua", name: "Trả kết quả", role: .reception, durationHours: desk),
        ]
    }

    private static func doc(_ code: String, _ name: String, mandatory: Bool = true) -> ProcedureDefinition.Document {
        .init(code: code, name: name, copies: 1, mandatory: mandatory)
    }

    private static func make(
        _ code: String, _ name: String, _ field: String, _ time: ProcessingTime, fee: Int64 = 0, feeText: String = "Miễn phí",
        docs: [ProcedureDefinition.Document], result: String, online: ProcedureDefinition.OnlineLevel, basis: String
    ) -> ProcedureDefinition {
        ProcedureDefinition(
            code: code, name: name, field: field, processingTime: time, feeAmount: fee, feeDescription: feeText,
            documents: docs, steps: steps(for: time), onlineLevel: online, legalBasis: basis, result: result)
    }
}
