/// The Vietnamese names the official forms and the citizens' page print (the wording of the
/// one-stop forms and of the citizen evaluation of Decision 766).

extension Timeliness {
    /// "Trước hạn", "Đúng hạn", "Trễ hạn" once finished; "Trong hạn", "Quá hạn" while open.
    public var vietnameseName: String {
        switch self {
        case .early: "Trước hạn"
        case .onTime: "Đúng hạn"
        case .late: "Trễ hạn"
        case .withinDeadline: "Trong hạn"
        case .overdue: "Quá hạn"
        }
    }
}

extension RatingBand {
    public var vietnameseName: String {
        switch self {
        case .excellent: "Xuất sắc"
        case .good: "Tốt"
        case .fair: "Khá"
        case .average: "Trung bình"
        case .weak: "Yếu"
        }
    }
}

extension Satisfaction {
    public var vietnameseName: String {
        switch self {
        case .verySatisfied: "Rất hài lòng"
        case .satisfied: "Hài lòng"
        case .dissatisfied: "Không hài lòng"
        }
    }
}

extension RatingScores {
    /// The nine indicators in order i1...i9, as the citizen reads them.
    public static let vietnameseIndicators = [
        "Tổng thời gian giải quyết so với thời gian quy định",
        "Thời gian thực hiện tại từng cơ quan, đơn vị tham gia giải quyết",
        "Số lần phải đi lại để hoàn thiện hồ sơ",
        "Số cơ quan, đơn vị phải liên hệ",
        "Thủ tục được tiếp nhận và trả kết quả qua Bộ phận Một cửa",
        "Thủ tục hành chính được công khai đầy đủ, chính xác",
        "Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận và giải quyết",
        "Ý kiến phản ánh, kiến nghị được tiếp nhận và trả lời",
        "Dịch vụ công trực tuyến hoạt động thông suốt",
    ]

    /// What a score of 0, 1 or 2 means, whatever the indicator.
    public static let vietnameseScores = ["Chưa đạt", "Đạt", "Tốt"]
}
