import Foundation
import MotCuaDomain

/// Problems in Vietnamese for a caller whose `Accept-Language` prefers `vi`: the title and detail
/// are translated, the `code`, the field names of `invalidParams` and the status stay as they are
/// (programs read those). A detail is rebuilt from the problem's structured parts (fields and
/// reasons, the dossier's status) where it has them, else it is the code's own sentence.
enum VietnameseProblems {
    /// Whether the highest-weighted language of an `Accept-Language` header is Vietnamese.
    static func preferred(by header: String?) -> Bool {
        guard let header else { return false }
        var best: (tag: String, weight: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = pieces.first, !tag.isEmpty else { continue }
            let weight = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if weight > (best?.weight ?? 0) { best = (tag, weight) }
        }
        guard let tag = best?.tag else { return false }
        return tag == "vi" || tag.hasPrefix("vi-")
    }

    static func translate(_ error: APIError) -> APIError {
        var translated = error
        translated.title = titles[error.code] ?? error.title
        translated.invalidParams = error.invalidParams.map { .init(name: $0.name, reason: reason($0.reason)) }
        if !translated.invalidParams.isEmpty {
            translated.detail = translated.invalidParams.map { "\($0.name): \($0.reason)" }.joined(separator: "; ")
        } else if error.code == "invalid-transition", let status = error.dossierStatus.flatMap(DossierStatus.init(rawValue:)) {
            translated.detail = "Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái “\(status.nationalName)”."
        } else {
            translated.detail = details[error.code] ?? error.detail
        }
        return translated
    }

    static let titles: [String: String] = [
        "validation-failed": "Dữ liệu không hợp lệ",
        "malformed-request": "Yêu cầu sai định dạng",
        "not-found": "Không tìm thấy",
        "method-not-allowed": "Phương thức không được hỗ trợ",
        "invalid-transition": "Không thực hiện được ở trạng thái hiện tại",
        "supplement-limit": "Chỉ được yêu cầu bổ sung một lần",
        "apology-too-late": "Quá hạn gửi thư xin lỗi",
        "apology-limit": "Đã gửi thư xin lỗi",
        "already-rated": "Hồ sơ đã được đánh giá",
        "not-finished": "Hồ sơ chưa giải quyết xong",
        "version-mismatch": "Hồ sơ đã thay đổi",
        "forbidden": "Không có quyền",
        "unauthenticated": "Cần đăng nhập",
        "idempotency-conflict": "Trùng khóa Idempotency-Key",
        "external-reference-taken": "Mã tham chiếu đã được dùng",
        "conflict": "Xung đột dữ liệu",
        "payload-too-large": "Dữ liệu gửi lên quá lớn",
        "unsupported-media-type": "Định dạng dữ liệu không được hỗ trợ",
        "not-acceptable": "Không có định dạng trả về phù hợp",
        "rate-limited": "Quá nhiều yêu cầu",
        "busy": "Máy chủ đang bận",
        "unavailable": "Dịch vụ tạm thời không sẵn sàng",
        "internal-error": "Lỗi hệ thống",
    ]

    static let details: [String: String] = [
        "validation-failed": "Có giá trị không hợp lệ hoặc vượt quá giới hạn lưu trữ.",
        "malformed-request": "Không đọc được yêu cầu: dữ liệu hoặc tham số sai định dạng.",
        "not-found": "Không tìm thấy tài nguyên được yêu cầu, hoặc bạn không có quyền xem.",
        "method-not-allowed": "Đường dẫn này không hỗ trợ phương thức đã gửi; xem tiêu đề Allow.",
        "invalid-transition": "Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.",
        "supplement-limit": "Mỗi đơn vị giải quyết chỉ được yêu cầu bổ sung hồ sơ một lần.",
        "apology-too-late": "Thư xin lỗi phải được gửi chậm nhất một ngày làm việc trước ngày hẹn trả kết quả.",
        "apology-limit": "Mỗi hồ sơ chỉ được gửi thư xin lỗi một lần.",
        "already-rated": "Hồ sơ này đã được đánh giá; đánh giá không thể thay đổi.",
        "not-finished": "Chỉ đánh giá được hồ sơ đã có kết quả, đã trả, đã dừng hoặc bị từ chối.",
        "version-mismatch": "Hồ sơ đã được người khác thay đổi; hãy tải lại trước khi thao tác.",
        "forbidden": "Vai trò hoặc đơn vị của bạn không được phép thực hiện thao tác này.",
        "unauthenticated": "Hãy gửi mã truy cập hợp lệ (lấy từ POST /v1/auth/tokens) trong tiêu đề Authorization.",
        "idempotency-conflict": "Khóa Idempotency-Key này đã được dùng với một nội dung yêu cầu khác.",
        "external-reference-taken": "Mã tham chiếu này đã được dùng cho một hồ sơ khác do tài khoản này nộp.",
        "conflict": "Yêu cầu xung đột với dữ liệu hiện có.",
        "payload-too-large": "Dữ liệu gửi lên vượt quá giới hạn cho phép.",
        "unsupported-media-type": "Hãy gửi dữ liệu dạng application/json.",
        "not-acceptable": "Tài nguyên này chỉ trả về dạng JSON; hãy gửi tiêu đề Accept cho phép định dạng đó, hoặc bỏ tiêu đề Accept.",
        "rate-limited": "Bạn đã gửi quá nhiều yêu cầu; hãy thử lại sau số giây trong tiêu đề Retry-After.",
        "busy": "Có quá nhiều yêu cầu loại này đang được xử lý; hãy thử lại sau số giây trong tiêu đề Retry-After.",
        "unavailable": "Dịch vụ tạm thời không sẵn sàng; hãy thử lại sau.",
        "internal-error": "Đã xảy ra lỗi hệ thống; hãy báo mã yêu cầu (requestId) cho bộ phận hỗ trợ.",
    ]

    /// A validation reason in Vietnamese: the reasons the contract's checks and the decoder give.
    static func reason(_ text: String) -> String {
        let fixed: [String: String] = [
            "must not be empty": "không được để trống", "must not be blank": "không được để trống", "is required": "là bắt buộc",
            "must not be null": "không được để trống (null)", "has an invalid value": "có giá trị không hợp lệ",
            "is not valid JSON": "không phải JSON hợp lệ", "could not be decoded": "không đọc được",
            "must be a string": "phải là chuỗi ký tự", "must be an integer": "phải là số nguyên", "must be a number": "phải là số",
            "must be a boolean": "phải là true hoặc false", "must be an array": "phải là một mảng", "must be an object": "phải là một đối tượng",
            "must be in the future": "phải là một thời điểm trong tương lai",
            "must not contain the NUL character (U+0000)": "không được chứa ký tự NUL (U+0000)",
            "must be an RFC 3339 date-time such as 2026-10-08T02:30:00Z": "phải là thời điểm RFC 3339, ví dụ 2026-10-08T02:30:00Z",
            // The contract's `x-pattern-reason`s (each one has its translation here, tested).
            "must be visible ASCII characters, without spaces": "phải gồm các ký tự ASCII nhìn thấy được, không có dấu cách",
            "must be 1-100 visible ASCII characters, without spaces": "phải gồm 1-100 ký tự ASCII nhìn thấy được, không có dấu cách",
            "must be an ISO week such as 2026-W27": "phải là một tuần ISO, ví dụ 2026-W27",
            "must be an agency code of 1-35 upper-case letters, digits and dots, such as H15.50.05.13":
                "phải là mã định danh cơ quan gồm 1-35 chữ in hoa, chữ số và dấu chấm, ví dụ H15.50.05.13",
            "must be a national procedure code such as 1.001193": "phải là mã thủ tục quốc gia, ví dụ 1.001193",
            "must be a time of day HH:MM such as 15:00": "phải là giờ dạng HH:MM, ví dụ 15:00",
            "must be 3-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit":
                "phải gồm 3-64 chữ thường, chữ số, '.', '_' hoặc '-', bắt đầu bằng chữ hoặc số",
            "must be 1-40 letters, digits, '.', '_' or '-'": "phải gồm 1-40 chữ cái, chữ số, '.', '_' hoặc '-'",
            "must be 1-40 letters, digits, '_' or '-'": "phải gồm 1-40 chữ cái, chữ số, '_' hoặc '-'",
            "must be 6-20 letters or digits": "phải gồm 6-20 chữ cái hoặc chữ số",
            "must be 6-20 digits, '+' or spaces": "phải gồm 6-20 chữ số, '+' hoặc dấu cách",
            "must be an http:// or https:// address without spaces": "phải là địa chỉ http:// hoặc https:// không có dấu cách",
        ]
        if let translated = fixed[text] { return translated }
        let patterns: [(String, String)] = [
            (#"^must have at most (\d+) characters$"#, "tối đa $1 ký tự"), (#"^must have at least (\d+) characters$"#, "tối thiểu $1 ký tự"),
            (#"^must have at most (\d+) items$"#, "tối đa $1 phần tử"), (#"^must have at least (\d+) fields?$"#, "cần ít nhất $1 trường"), (#"^must have at least (\d+) items$"#, "tối thiểu $1 phần tử"),
            (#"^must be at most (.+)$"#, "không được lớn hơn $1"), (#"^must be at least (.+)$"#, "không được nhỏ hơn $1"),
            (#"^must match (.+)$"#, "không đúng định dạng $1"),
            (#"^must be one of (.+)$"#, "phải là một trong các giá trị $1"),
        ]
        for (pattern, template) in patterns {
            if let regex = try? NSRegularExpression(pattern: pattern),
                let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            {
                return regex.replacementString(for: match, in: text, offset: 0, template: template)
            }
        }
        return text
    }
}
