import Foundation
import MotCuaAPI

/// One version of a procedure of the catalog.
public struct Procedure: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Procedure

    init(schema: Components.Schemas.Procedure) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var code: String { schema.code }
    public var name: String { schema.name }
    public var field: String { schema.field }

    /// Each publication is a new version; a dossier keeps the version it was filed under.
    public var version: Int { schema.version }

    public var processingTime: ProcessingTime { ProcessingTime(schema: schema.processingTime) }
    public var cutoffTime: String { schema.cutoffTime }
    public var fee: Fee { Fee(schema: schema.fee) }
    public var documents: [DocumentComponent] { schema.documents.map(DocumentComponent.init(schema:)) }
    public var steps: [ProcessStep] { schema.steps.map(ProcessStep.init(schema:)) }
    public var onlineLevel: OnlineLevel { OnlineLevel(schema.onlineLevel) }

    /// The legal documents the procedure rests on.
    public var legalBasis: String { schema.legalBasis }

    /// What the citizen receives.
    public var result: String { schema.result }

    /// When this version was published.
    public var publishedAt: Date { schema.publishedAt }
}

/// The body of `procedures.put`: a new version of a procedure.
public struct ProcedureInput: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.ProcedureInput

    init(schema: Components.Schemas.ProcedureInput) { self.schema = schema }

    public init(
        name: String,
        field: String,
        processingTime: ProcessingTime,
        cutoffTime: String? = nil,
        fee: Fee? = nil,
        documents: [DocumentComponent],
        steps: [ProcessStep],
        onlineLevel: OnlineLevel,
        legalBasis: String? = nil,
        result: String? = nil
    ) {
        schema = .init(
            name: name,
            field: field,
            processingTime: processingTime.schema,
            cutoffTime: cutoffTime,
            fee: fee?.schema,
            documents: documents.map(\.schema),
            steps: steps.map(\.schema),
            onlineLevel: onlineLevel.schema,
            legalBasis: legalBasis,
            result: result
        )
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var name: String {
        get { schema.name }
        set { schema.name = newValue }
    }

    public var field: String {
        get { schema.field }
        set { schema.field = newValue }
    }

    public var processingTime: ProcessingTime {
        get { ProcessingTime(schema: schema.processingTime) }
        set { schema.processingTime = newValue.schema }
    }

    public var cutoffTime: String? {
        get { schema.cutoffTime }
        set { schema.cutoffTime = newValue }
    }

    public var fee: Fee? {
        get { schema.fee.map(Fee.init(schema:)) }
        set { schema.fee = newValue?.schema }
    }

    public var documents: [DocumentComponent] {
        get { schema.documents.map(DocumentComponent.init(schema:)) }
        set { schema.documents = newValue.map(\.schema) }
    }

    public var steps: [ProcessStep] {
        get { schema.steps.map(ProcessStep.init(schema:)) }
        set { schema.steps = newValue.map(\.schema) }
    }

    public var onlineLevel: OnlineLevel {
        get { OnlineLevel(schema.onlineLevel) }
        set { schema.onlineLevel = newValue.schema }
    }

    public var legalBasis: String? {
        get { schema.legalBasis }
        set { schema.legalBasis = newValue }
    }

    /// What the citizen receives.
    public var result: String? {
        get { schema.result }
        set { schema.result = newValue }
    }
}

/// A statutory processing time.
public struct ProcessingTime: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.ProcessingTime

    init(schema: Components.Schemas.ProcessingTime) { self.schema = schema }

    public init(
        value: Int,
        unit: TimeUnit
    ) {
        schema = .init(value: value, unit: unit.schema)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// 0 with working_days means same day.
    public var value: Int {
        get { schema.value }
        set { schema.value = newValue }
    }

    public var unit: TimeUnit {
        get { TimeUnit(schema.unit) }
        set { schema.unit = newValue.schema }
    }
}

/// Working days, calendar days or working hours.
public enum TimeUnit: String, Codable, Hashable, Sendable, CaseIterable {
    case workingDays = "working_days"
    case calendarDays = "calendar_days"
    case workingHours = "working_hours"
}

/// The fee of a procedure.
public struct Fee: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Fee

    init(schema: Components.Schemas.Fee) { self.schema = schema }

    public init(
        amount: Int64,
        description: String? = nil
    ) {
        schema = .init(amount: amount, description: description)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// VND.
    public var amount: Int64 {
        get { schema.amount }
        set { schema.amount = newValue }
    }

    public var description: String? {
        get { schema.description }
        set { schema.description = newValue }
    }
}

/// A document a procedure asks for.
public struct DocumentComponent: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.DocumentComponent

    init(schema: Components.Schemas.DocumentComponent) { self.schema = schema }

    public init(
        code: String,
        name: String,
        copies: Int,
        mandatory: Bool,
        formUrl: String? = nil
    ) {
        schema = .init(code: code, name: name, copies: copies, mandatory: mandatory, formUrl: formUrl)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Unique within the procedure; supplement requests name it.
    public var code: String {
        get { schema.code }
        set { schema.code = newValue }
    }

    public var name: String {
        get { schema.name }
        set { schema.name = newValue }
    }

    /// How many copies the applicant brings.
    public var copies: Int {
        get { schema.copies }
        set { schema.copies = newValue }
    }

    /// The dossier is incomplete without it.
    public var mandatory: Bool {
        get { schema.mandatory }
        set { schema.mandatory = newValue }
    }

    /// Where the blank form can be downloaded.
    public var formUrl: String? {
        get { schema.formUrl }
        set { schema.formUrl = newValue }
    }
}

/// One step of a procedure, the role that performs it and its duration.
public struct ProcessStep: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.ProcessStep

    init(schema: Components.Schemas.ProcessStep) { self.schema = schema }

    public init(
        code: String,
        name: String,
        role: StepRole,
        durationHours: Int
    ) {
        schema = .init(code: code, name: name, role: role.schema, durationHours: durationHours)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Unique within the procedure ignoring case, kept in the case it was published in (ministries publish `TN`, `TD`,
    /// `PD`); `assign` and `forward` name it, ignoring case.
    public var code: String {
        get { schema.code }
        set { schema.code = newValue }
    }

    public var name: String {
        get { schema.name }
        set { schema.name = newValue }
    }

    /// The role of the officer who performs the step.
    public var role: StepRole {
        get { StepRole(schema.role) }
        set { schema.role = newValue.schema }
    }

    /// Working hours allowed for the step.
    public var durationHours: Int {
        get { schema.durationHours }
        set { schema.durationHours = newValue }
    }
}

/// The role that performs a step of a procedure.
public enum StepRole: String, Codable, Hashable, Sendable, CaseIterable {
    case reception = "reception"
    case leader = "leader"
    case specialist = "specialist"
}

/// How much of a procedure can be done online: full, partial or none.
public enum OnlineLevel: String, Codable, Hashable, Sendable, CaseIterable {
    case full = "full"
    case partial = "partial"
    case none = "none"
}

/// The special days of a year.
public struct CalendarYear: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.CalendarYear

    init(schema: Components.Schemas.CalendarYear) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var year: Int { schema.year }

    /// The special days of the year, in date order.
    public var days: [CalendarDay] { schema.days.map(CalendarDay.init(schema:)) }
}

/// One special day.
public struct CalendarDay: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.CalendarDay

    init(schema: Components.Schemas.CalendarDay) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var date: String { schema.date }
    public var type: DayType { DayType(schema._type) }
    public var name: String { schema.name }

    /// The built-in plan or an admin's correction.
    public var source: CalendarDay.Source { CalendarDay.Source(schema.source) }

    /// Built into the law or set by an administrator.
    public enum Source: String, Codable, Hashable, Sendable, CaseIterable {
        case builtin = "builtin"
        case override = "override"
    }
}

/// Holiday, compensatory day off, swapped day off or make-up working day.
public enum DayType: String, Codable, Hashable, Sendable, CaseIterable {
    case holiday = "holiday"
    case compensatoryOff = "compensatory_off"
    case swappedOff = "swapped_off"
    case makeupWorkday = "makeup_workday"
}

/// A due date computed by the server.
public struct Deadline: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Deadline

    init(schema: Components.Schemas.Deadline) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// The acceptance instant.
    public var start: Date { schema.start }

    /// The day the clock starts (next working day after a late or non-working acceptance).
    public var startDate: String { schema.startDate }

    /// The appointment date.
    public var dueDate: String { schema.dueDate }

    /// The end of office hours on the due date (or the exact instant for working hours).
    public var dueAt: Date { schema.dueAt }

    public var processingTime: ProcessingTime { ProcessingTime(schema: schema.processingTime) }
    public var cutoffTime: String { schema.cutoffTime }
}

extension TimeUnit {
    init(_ schema: Components.Schemas.TimeUnit) {
        self = switch schema {
        case .calendarDays: .calendarDays
        case .workingDays: .workingDays
        case .workingHours: .workingHours
        }
    }

    var schema: Components.Schemas.TimeUnit {
        switch self {
        case .calendarDays: .calendarDays
        case .workingDays: .workingDays
        case .workingHours: .workingHours
        }
    }
}

extension StepRole {
    init(_ schema: Components.Schemas.ProcessStep.RolePayload) {
        self = switch schema {
        case .leader: .leader
        case .reception: .reception
        case .specialist: .specialist
        }
    }

    var schema: Components.Schemas.ProcessStep.RolePayload {
        switch self {
        case .leader: .leader
        case .reception: .reception
        case .specialist: .specialist
        }
    }
}

extension OnlineLevel {
    init(_ schema: Components.Schemas.OnlineLevel) {
        self = switch schema {
        case .full: .full
        case .none: .none
        case .partial: .partial
        }
    }

    var schema: Components.Schemas.OnlineLevel {
        switch self {
        case .full: .full
        case .none: .none
        case .partial: .partial
        }
    }
}

extension CalendarDay.Source {
    init(_ schema: Components.Schemas.CalendarDay.SourcePayload) {
        self = switch schema {
        case .builtin: .builtin
        case .override: .override
        }
    }
}

extension DayType {
    init(_ schema: Components.Schemas.DayType) {
        self = switch schema {
        case .compensatoryOff: .compensatoryOff
        case .holiday: .holiday
        case .makeupWorkday: .makeupWorkday
        case .swappedOff: .swappedOff
        }
    }

    var schema: Components.Schemas.DayType {
        switch self {
        case .compensatoryOff: .compensatoryOff
        case .holiday: .holiday
        case .makeupWorkday: .makeupWorkday
        case .swappedOff: .swappedOff
        }
    }
}
