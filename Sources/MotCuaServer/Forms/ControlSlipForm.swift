import Foundation
import MotCuaDomain
import MotCuaStore

/// Form 06, the control slip (phiếu kiểm soát quá trình giải quyết hồ sơ): every handover of the
/// dossier, who handed it to whom and when, the step's deadline, when it finished and how it stood.
struct ControlSlipForm {
    var paperwork: DossierPaperwork
    var receivedAt: Date
    var now: Date

    var page: OfficialFormPage {
        let record = paperwork.record
        let rows = paperwork.steps.enumerated().map { index, step -> HTML in
            """
            <tr><td>\(index + 1)</td><td>\(step.name)<br><i>\(step.unitName)</i></td>
            <td>\(step.handedOverBy ?? paperwork.receivedBy ?? "Bộ phận Một cửa")</td><td>\(step.receivedBy)</td>
            <td>\(VietnameseDates.compact(step.openedAt))</td><td>\(VietnameseDates.compact(step.deadline))</td>
            <td>\(step.closedAt.map(VietnameseDates.compact) ?? "")</td><td>\(Self.outcome(step))</td></tr>
            """
        }
        let steps: HTML = rows.isEmpty
            ? "<p>(Hồ sơ chưa được chuyển xử lý.)</p>"
            : """
                <table class="grid"><tr><th>STT</th><th>Bước xử lý</th><th>Bên giao</th><th>Bên nhận</th><th>Giao, nhận lúc</th>
                <th>Hạn xử lý</th><th>Hoàn thành lúc</th><th>Kết quả</th></tr>\(rows)</table>
                """
        let timeliness = record.timeliness(now: now).map { " - \($0.vietnameseName)" } ?? ""
        let body: HTML = """
            <p>Mã hồ sơ: <b>\(record.code)</b> (kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả).</p>
            <p>Người nộp hồ sơ: \(FormText.applicant(record)).</p>
            \(FormText.procedure(record))
            <p>Cơ quan giải quyết hồ sơ: \(paperwork.handlingUnitName). Tiếp nhận lúc \(VietnameseDates.timeAndDate(receivedAt));
            hạn trả kết quả \(record.dueDate.map(VietnameseDates.long) ?? "-").</p>
            \(steps)
            <p>Tình trạng hồ sơ: <b>\(record.status.nationalName)\(timeliness)</b>.</p>
            """
        return OfficialFormPage(
            number: "Mẫu số 06", title: "Phiếu kiểm soát quá trình giải quyết hồ sơ", unitName: paperwork.receivingUnitName,
            date: LocalDate(vietnam: receivedAt), code: record.code, body: body, signatures: [])
    }

    /// Early / on time / late once the step finished; paused while the dossier waits for the citizen.
    private static func outcome(_ step: DossierPaperwork.Step) -> String {
        if let timeliness = step.timeliness { return timeliness.vietnameseName }
        if step.closedAt == nil, step.pausedAt != nil, step.resumedAt == nil { return "Tạm dừng chờ bổ sung" }
        return step.closedAt == nil ? "Đang xử lý" : ""
    }
}
