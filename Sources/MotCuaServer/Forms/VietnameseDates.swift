import Foundation
import MotCuaDomain

/// Dates and times as the forms print them, in Asia/Ho_Chi_Minh.
enum VietnameseDates {
    /// "04/12/2026".
    static func short(_ date: LocalDate) -> String {
        "\(LocalDate.pad(date.day, 2))/\(LocalDate.pad(date.month, 2))/\(date.year)"
    }

    /// "ngày 04 tháng 12 năm 2026".
    static func long(_ date: LocalDate) -> String {
        "ngày \(LocalDate.pad(date.day, 2)) tháng \(LocalDate.pad(date.month, 2)) năm \(date.year)"
    }

    /// "14 giờ 05 phút, ngày 04/12/2026".
    static func timeAndDate(_ instant: Date) -> String {
        let time = LocalTime(vietnam: instant)
        return "\(LocalDate.pad(time.hour, 2)) giờ \(LocalDate.pad(time.minute, 2)) phút, ngày \(short(LocalDate(vietnam: instant)))"
    }

    /// "14:05 04/12/2026", for tables.
    static func compact(_ instant: Date) -> String {
        "\(LocalTime(vietnam: instant)) \(short(LocalDate(vietnam: instant)))"
    }

    /// "3 ngày làm việc", "30 ngày", "4 giờ làm việc".
    static func duration(_ time: ProcessingTime) -> String {
        switch time.unit {
        case .workingDays: time.value == 0 ? "trong ngày" : "\(time.value) ngày làm việc"
        case .calendarDays: "\(time.value) ngày"
        case .workingHours: "\(time.value) giờ làm việc"
        }
    }
}
