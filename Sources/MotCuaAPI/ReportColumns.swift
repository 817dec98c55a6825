import Foundation
import MotCuaFoundation

/// The columns of the evaluation reports: the server's `text/csv` answers and the CLI's table and CSV
/// output are both made from these, so a report has the same headers and cells whoever exports it.
public enum ReportColumns {
    public typealias UnitEvaluation = Components.Schemas.UnitEvaluation

    public static let unit: [ReportColumn<UnitEvaluation>] = [
        .init("unit", "Mã đơn vị") { $0.unit }, .init("unit_name", "Tên đơn vị") { $0.unitName ?? "" },
        .init("from", "Từ ngày") { $0.from }, .init("to", "Đến ngày") { $0.to },
        .init("dossiers", "Tổng số hồ sơ") { String($0.dossiers) }, .init("received", "Tiếp nhận mới") { String($0.received) },
        .init("finished", "Đã giải quyết") { String($0.finished) }, .init("open", "Đang giải quyết") { String($0.open) },
        .init("early", "Trước hạn") { String($0.timeliness.early) }, .init("on_time", "Đúng hạn") { String($0.timeliness.onTime) },
        .init("late", "Trễ hạn") { String($0.timeliness.late) },
        .init("within_deadline", "Trong hạn") { String($0.timeliness.withinDeadline) },
        .init("overdue", "Quá hạn") { String($0.timeliness.overdue) },
        .init("on_time_rate", "Tỷ lệ đúng hạn") { number($0.onTimeRate) },
        .init("average_days", "Thời gian trung bình (ngày)") { number($0.averageProcessingDays) },
        .init("supplement_requests", "Yêu cầu bổ sung") { String($0.supplementRequests) },
        .init("apologies", "Thư xin lỗi") { String($0.apologies) },
        .init("online_rate", "Tỷ lệ trực tuyến") { number($0.onlineRate) },
        .init("online_payment_rate", "Tỷ lệ thanh toán trực tuyến") { number($0.onlinePaymentRate) },
        .init("digitisation_rate", "Tỷ lệ số hóa") { number($0.digitisationRate) },
        .init("ratings", "Số đánh giá") { String($0.ratings.count) },
        .init("index_766", "Điểm 766") { number($0.index766.points) },
    ]

    /// The province ranking: the rank, then the unit's columns.
    public static let ranking: [ReportColumn<Components.Schemas.UnitRanking.ItemsPayloadPayload>] =
        [.init("rank", "Hạng") { String($0.rank) }] + unit.map { $0.on(\.evaluation) }

    public static let officer: [ReportColumn<Components.Schemas.OfficerEvaluation>] = [
        .init("username", "Tài khoản") { $0.username }, .init("full_name", "Họ và tên") { $0.fullName },
        .init("due", "Số việc đến hạn") { String($0.due) }, .init("carried_over", "Quá hạn tuần trước") { String($0.carriedOver) },
        .init("completed_on_time", "Hoàn thành đúng hạn") { String($0.completedOnTime) }, .init("late", "Trễ hạn") { String($0.late) },
        .init("open_overdue", "Đang quá hạn") { String($0.openOverdue) },
        .init("completion_rate", "Tỷ lệ hoàn thành") { number($0.completionRate) },
    ]

    public static let week: [ReportColumn<Components.Schemas.WeekEvaluation>] = [
        .init("week", "Tuần") { $0.week }, .init("monday", "Từ ngày") { $0.monday },
        .init("steps_due", "Số việc đến hạn") { String($0.stepsDue) },
        .init("steps_on_time", "Việc hoàn thành đúng hạn") { String($0.stepsCompletedOnTime) },
        .init("completion_rate", "Tỷ lệ hoàn thành") { number($0.completionRate) }, .init("dossiers", "Số hồ sơ") { String($0.dossiers) },
        .init("on_time", "Hồ sơ đúng hạn") { String($0.onTime) }, .init("on_time_rate", "Tỷ lệ đúng hạn") { number($0.onTimeRate) },
    ]

    public static let procedure: [ReportColumn<Components.Schemas.ProcedureEvaluation>] = [
        .init("code", "Mã thủ tục") { $0.code }, .init("name", "Tên thủ tục") { $0.name },
        .init("dossiers", "Số hồ sơ") { String($0.dossiers) }, .init("finished", "Đã giải quyết") { String($0.finished) },
        .init("statutory", "Thời hạn luật định") { String($0.statutory.value) },
        .init("unit", "Đơn vị thời gian") { $0.statutory.unit.rawValue },
        .init("average_time", "Thời gian trung bình") { number($0.averageTime) }, .init("p90_time", "Thời gian P90") { number($0.p90Time) },
        .init("supplement_rate", "Tỷ lệ yêu cầu bổ sung") { number($0.supplementRate) },
        .init("on_time_rate", "Tỷ lệ đúng hạn") { number($0.onTimeRate) },
    ]

    /// A figure or rate: empty when it does not apply, otherwise up to four decimals (`0.5`, `1`).
    public static func number(_ value: NullableDouble?) -> String { number(value?.value) }

    /// A figure or rate: empty when it does not apply, otherwise up to four decimals (`0.5`, `1`).
    public static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.4f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}
