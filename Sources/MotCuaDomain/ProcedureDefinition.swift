import Foundation

/// One version of an administrative procedure as the catalog publishes it: what to file, how long the
/// commune has, and the internal steps (the control slip's timetable) that split that time.
public struct ProcedureDefinition: Sendable, Hashable, Codable {
    /// A paper the applicant files (thành phần hồ sơ). Supplement requests may only name these.
    public struct Document: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        public var copies: Int
        public var mandatory: Bool
        public var formUrl: String?

        public init(code: String, name: String, copies: Int = 1, mandatory: Bool = true, formUrl: String? = nil) {
            self.code = code
            self.name = name
            self.copies = copies
            self.mandatory = mandatory
            self.formUrl = formUrl
        }
    }

    /// A step of the internal process, done by one role within `durationHours` working hours.
    public struct Step: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        public var role: Role
        public var durationHours: Int

        public init(code: String, name: String, role: Role, durationHours: Int) {
            self.code = code
            self.name = name
            self.role = role
            self.durationHours = durationHours
        }
    }

    /// How far the procedure can be done online (dịch vụ công toàn trình / một phần).
    public enum OnlineLevel: String, Sendable, Hashable, Codable, CaseIterable { case full, partial, none }

    public var code: String
    public var name: String
    public var field: String
    public var processingTime: ProcessingTime
    public var cutoff: LocalTime
    public var feeAmount: Int64
    public var feeDescription: String
    public var documents: [Document]
    public var steps: [Step]
    public var onlineLevel: OnlineLevel
    public var legalBasis: String
    public var result: String

    public init(
        code: String, name: String, field: String, processingTime: ProcessingTime, cutoff: LocalTime = .defaultCutoff,
        feeAmount: Int64 = 0, feeDescription: String = "", documents: [Document], steps: [Step],
        onlineLevel: OnlineLevel, legalBasis: String = "", result: String = ""
    ) {
        self.code = code
        self.name = name
        self.field = field
        self.processingTime = processingTime
        self.cutoff = cutoff
        self.feeAmount = feeAmount
        self.feeDescription = feeDescription
        self.documents = documents
        self.steps = steps
        self.onlineLevel = onlineLevel
        self.legalBasis = legalBasis
        self.result = result
    }

    /// The step whose code is `code`, ignoring case: codes keep the case they were published in
    /// (ministries publish `TN`, `TD`, `PD`) and are unique within a procedure ignoring case.
    public func step(code: String) -> Step? {
        let key = code.lowercased()
        return steps.first { $0.code.lowercased() == key }
    }

    /// The first step after intake: where `assign` sends a dossier unless told otherwise.
    public var firstHandlingStep: Step? { steps.first { $0.role != .reception } ?? steps.first }

    /// Whether `code` is a national procedure code, `d.dddddd`.
    public static func isValidCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 8, bytes[1] == UInt8(ascii: "."), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[0]) else { return false }
        return bytes[2...].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Working hours the statutory time allows the internal steps: 8 per working day, the calendar
    /// days counted as working days (the conservative bound), or the hours themselves. A same-day
    /// procedure gets one working day.
    public var stepBudgetHours: Int {
        switch processingTime.unit {
        case .workingHours: processingTime.value
        case .workingDays, .calendarDays: max(processingTime.value, 1) * 8
        }
    }

    /// Every rule this definition breaks, one problem per field; empty when it is valid.
    public func violations() -> [FieldProblem] {
        var found: [FieldProblem] = []
        if !Self.isValidCode(code) { found.append(.init("code", "must look like 1.001193")) }
        var documentCodes = Set<String>()
        for (index, document) in documents.enumerated() where !documentCodes.insert(document.code).inserted {
            found.append(.init("documents[\(index)].code", "repeats \(document.code)"))
        }
        var stepCodes = Set<String>()
        for (index, step) in steps.enumerated() {
            if !stepCodes.insert(step.code.lowercased()).inserted {
                found.append(.init("steps[\(index)].code", "repeats \(step.code) (step codes are compared ignoring case)"))
            }
            if ![.reception, .leader, .specialist].contains(step.role) {
                found.append(.init("steps[\(index)].role", "must be reception, leader or specialist"))
            }
        }
        if steps.isEmpty { found.append(.init("steps", "needs at least one step")) }
        let total = steps.reduce(0) { $0 + $1.durationHours }
        if total > stepBudgetHours {
            found.append(.init("steps", "take \(total) working hours, more than the \(stepBudgetHours) the statutory time allows"))
        }
        if processingTime.unit == .workingHours && processingTime.value == 0 {
            found.append(.init("processingTime.value", "must be at least 1 working hour"))
        }
        return found
    }
}
