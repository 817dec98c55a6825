import Foundation
import MotCuaDomain
import MotCuaStore

/// The forms that put a written decision to the citizen: Form 02 (supplement request), Form 03
/// (refusal) and Form 04 (apology with a new appointment).
enum DecisionForms {
    static func supplementRequest(_ paperwork: DossierPaperwork, _ request: DossierPaperwork.SupplementRequest) -> OfficialFormPage {
        let record = paperwork.record
        let items = request.items.map { item -> HTML in
            "<li><b>\(FormText.documentName(item.documentCode, in: paperwork.procedure))</b>: \(item.note)</li>"
        }
        let pause: HTML = request.atIntake
            ? "<p>Hồ sơ được tiếp nhận khi Ông/Bà nộp đủ các nội dung trên.</p>"
            : "<p>Thời gian giải quyết hồ sơ tạm dừng từ \(VietnameseDates.timeAndDate(request.requestedAt)) đến khi nhận đủ hồ sơ bổ sung.</p>"
        let body: HTML = """
            <p>Ngày \(VietnameseDates.short(LocalDate(vietnam: record.receivedAt ?? record.submittedAt ?? record.createdAt))), \
            \(request.unitName) nhận hồ sơ của \(FormText.applicant(record)).</p>
            \(FormText.procedure(record))
            <p>Mã hồ sơ: <b>\(record.code)</b></p>
            <p>Sau khi xem xét, thẩm định hồ sơ, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</p>
            <ol>\(items)</ol>
            <p>Lý do: \(request.reason)</p>
            \(pause)
            <p>Cơ quan chỉ yêu cầu bổ sung, hoàn thiện hồ sơ một lần; các nội dung trên là toàn bộ nội dung cần bổ sung.
            Nếu có vướng mắc, Ông/Bà liên hệ \(request.requestedBy ?? "Bộ phận Một cửa") để được hướng dẫn.</p>
            """
        return OfficialFormPage(
            number: "Mẫu số 02", title: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", unitName: request.unitName,
            date: LocalDate(vietnam: request.requestedAt), code: record.code, body: body,
            signatures: [("", "", nil), ("NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", request.requestedBy)])
    }

    static func refusal(_ paperwork: DossierPaperwork, _ refusal: DossierPaperwork.Decision) -> OfficialFormPage {
        let record = paperwork.record
        let reason = refusal.reason ?? "Hồ sơ nộp trực tuyến không được bổ sung, hoàn thiện trong thời hạn quy định."
        let body: HTML = """
            <p>Bộ phận Một cửa, Trung tâm Phục vụ hành chính công \(paperwork.receivingUnitName) tiếp nhận hồ sơ của \
            \(FormText.applicant(record)).</p>
            \(FormText.procedure(record))
            <p>Mã hồ sơ: <b>\(record.code)</b></p>
            <p>Qua nghiên cứu, đối chiếu với các quy định hiện hành, Bộ phận Một cửa từ chối tiếp nhận, giải quyết hồ sơ
            này với lý do cụ thể như sau:</p>
            <p><b>\(reason)</b></p>
            <p>Xin thông báo để Ông/Bà được biết và thực hiện./.</p>
            """
        return OfficialFormPage(
            number: "Mẫu số 03", title: "Phiếu từ chối tiếp nhận giải quyết hồ sơ", unitName: paperwork.receivingUnitName,
            date: LocalDate(vietnam: refusal.at), code: record.code, body: body,
            signatures: [("", "", nil), ("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", refusal.by)])
    }

    static func apology(
        _ paperwork: DossierPaperwork, _ apology: DossierPaperwork.Decision, originalDueDate: LocalDate, newDate: LocalDate
    ) -> OfficialFormPage {
        let record = paperwork.record
        let unit = paperwork.handlingUnitName
        let body: HTML = """
            <p>Ngày \(VietnameseDates.short(LocalDate(vietnam: record.receivedAt ?? apology.at))), Trung tâm Phục vụ hành chính
            công \(paperwork.receivingUnitName) tiếp nhận hồ sơ của \(FormText.applicant(record)).</p>
            \(FormText.procedure(record))
            <p>Mã hồ sơ: <b>\(record.code)</b></p>
            <p>Thời gian hẹn trả kết quả giải quyết hồ sơ: \(VietnameseDates.long(originalDueDate)).</p>
            <p>Tuy nhiên đến nay, \(unit) chưa thể trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời gian đã hẹn.</p>
            <p>Lý do: \(apology.reason ?? "")</p>
            <p>Sự chậm trễ này đã gây phiền hà cho Ông/Bà. \(unit) xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ
            cho Ông/Bà vào <b>\(VietnameseDates.long(newDate))</b>.</p>
            <p>Rất mong nhận được sự thông cảm của Ông/Bà./.</p>
            """
        return OfficialFormPage(
            number: "Mẫu số 04", title: "Phiếu xin lỗi và hẹn lại ngày trả kết quả", unitName: unit,
            date: LocalDate(vietnam: apology.at), code: record.code, body: body,
            signatures: [("", "", nil), ("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", apology.by)])
    }
}
