import Foundation
import MotCuaDomain
import MotCuaStore
import QRCode

/// Form 01, the receipt and appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả): what was
/// filed, when the result is due, and the lookup key with a QR code of the public lookup page.
struct ReceiptForm {
    var paperwork: DossierPaperwork
    var receivedAt: Date
    var lookupURL: String

    var page: OfficialFormPage {
        let record = paperwork.record
        let applicant = record.applicant
        var contact: [HTML] = []
        if let address = applicant.address { contact.append("<p>Địa chỉ: \(address)</p>") }
        if applicant.phone != nil || applicant.email != nil {
            contact.append("<p>Số điện thoại: \(applicant.phone ?? "-"); Email: \(applicant.email ?? "-")</p>")
        }
        let body: HTML = """
            <p>Bộ phận Một cửa, Trung tâm Phục vụ hành chính công \(paperwork.receivingUnitName) tiếp nhận hồ sơ của:</p>
            <p>\(FormText.applicant(record)); số định danh cá nhân: \(applicant.idNumber)</p>
            \(contact)
            \(FormText.procedure(record))
            <p>1. Thành phần hồ sơ nộp gồm:</p>
            \(documents)
            <p>2. Số lượng hồ sơ: 01 bộ.</p>
            <p>3. Thời gian giải quyết hồ sơ theo quy định: \(VietnameseDates.duration(paperwork.procedure.processingTime)).</p>
            <p>4. Thời gian nhận hồ sơ: \(VietnameseDates.timeAndDate(receivedAt)).</p>
            <p>5. Thời gian trả kết quả giải quyết hồ sơ: <b>\(appointment)</b>.</p>
            <p>6. Nơi trả kết quả: Bộ phận Một cửa, Trung tâm Phục vụ hành chính công \(paperwork.receivingUnitName).</p>
            <p>7. Phí, lệ phí theo quy định: \(fee).</p>
            <div class="lookup">\(qrCode)<div>
            <p>Tra cứu tình trạng hồ sơ và đánh giá sự hài lòng: quét mã QR hoặc mở trang tra cứu.</p>
            <p>Mã hồ sơ: <b>\(record.code)</b></p>
            <p>Mã tra cứu: <span class="key">\(record.lookupKey)</span></p>
            <p><i>Giữ mã tra cứu cho riêng mình: ai có mã này đều xem được tình trạng hồ sơ.</i></p>
            </div></div>
            """
        return OfficialFormPage(
            number: "Mẫu số 01", title: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", unitName: paperwork.receivingUnitName,
            date: LocalDate(vietnam: receivedAt), code: record.code, body: body,
            signatures: [
                ("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", applicant.fullName),
                ("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", paperwork.receivedBy),
            ])
    }

    /// The procedure's fee as published.
    private var fee: String {
        let procedure = paperwork.procedure
        guard procedure.feeAmount > 0 else { return "không" }
        return FormText.money(procedure.feeAmount) + (procedure.feeDescription.isEmpty ? "" : " (\(procedure.feeDescription))")
    }

    /// The filed documents with the copies the procedure asks for and whether each was digitised.
    private var documents: HTML {
        let rows = paperwork.record.documents.enumerated().map { index, document -> HTML in
            let copies = paperwork.procedure.documents.first { $0.code == document.code }?.copies ?? 1
            return "<tr><td>\(index + 1)</td><td>\(document.name)</td><td>\(copies)</td><td>\(document.digitized ? "Có" : "Không")</td></tr>"
        }
        guard !rows.isEmpty else { return "<p>(không có thành phần hồ sơ)</p>" }
        return """
            <table class="grid"><tr><th>STT</th><th>Tên giấy tờ</th><th>Số bản</th><th>Bản điện tử</th></tr>\(rows)</table>
            """
    }

    /// The appointment: the day (an apology's new day when there was one); the hour too when the
    /// procedure counts working hours.
    private var appointment: String {
        let record = paperwork.record
        guard let date = record.appointmentDate else { return "-" }
        if paperwork.procedure.processingTime.unit == .workingHours, !record.apologized, let dueAt = record.dueAt {
            return VietnameseDates.timeAndDate(dueAt)
        }
        return VietnameseDates.long(date)
    }

    /// The lookup URL as a QR code (error correction M: a creased slip still scans).
    private var qrCode: HTML {
        guard let code = try? QRCode(lookupURL, errorCorrection: .medium) else { return "" }
        return .trusted(code.svg(ariaLabel: "Mã QR tra cứu hồ sơ"))
    }
}
