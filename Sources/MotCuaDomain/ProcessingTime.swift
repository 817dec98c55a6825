import Foundation

/// A procedure's statutory processing time, e.g. 3 working days, 30 calendar days or 4 working hours.
/// Encodes as `{"value": 3, "unit": "working_days"}`.
public struct ProcessingTime: Sendable, Hashable, Codable {
    /// The unit a duration is measured in.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        /// Working days of the ``WorkCalendar``; 0 means a same-day procedure.
        case workingDays = "working_days"
        /// Calendar days, weekends and holidays included.
        case calendarDays = "calendar_days"
        /// Hours of office time.
        case workingHours = "working_hours"
    }

    /// The amount, ≥ 0.
    public let value: Int
    /// The unit.
    public let unit: Unit

    /// Creates a processing time, or `nil` for a negative value.
    public init?(value: Int, unit: Unit) {
        guard value >= 0 else { return nil }
        self.value = value
        self.unit = unit
    }

    /// `value` working days (traps when negative). Meant for constants and tests.
    public static func workingDays(_ value: Int) -> ProcessingTime { ProcessingTime(value: value, unit: .workingDays)! }
    /// `value` calendar days (traps when negative).
    public static func calendarDays(_ value: Int) -> ProcessingTime { ProcessingTime(value: value, unit: .calendarDays)! }
    /// `value` working hours (traps when negative).
    public static func workingHours(_ value: Int) -> ProcessingTime { ProcessingTime(value: value, unit: .workingHours)! }

    /// Decodes and rejects a negative value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let value = try container.decode(Int.self, forKey: .value)
        guard value >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "must be ≥ 0")
        }
        self.value = value
        self.unit = try container.decode(Unit.self, forKey: .unit)
    }
}

/// When a dossier is due: the local due date shown to the citizen and the exact instant it expires.
public struct Deadline: Sendable, Hashable, Codable {
    /// The due (appointment) date in Asia/Ho_Chi_Minh.
    public let dueDate: LocalDate
    /// The instant the time runs out: close of office hours on `dueDate` for day units, the exact
    /// instant for working hours.
    public let dueAt: Date

    /// Creates a deadline.
    public init(dueDate: LocalDate, dueAt: Date) {
        self.dueDate = dueDate
        self.dueAt = dueAt
    }
}
