import Foundation
import MotCuaAPI

/// A unit's performance over a period, with the Decision 766 index.
public struct UnitEvaluation: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.UnitEvaluation

    init(schema: Components.Schemas.UnitEvaluation) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var unit: String { schema.unit }
    public var unitName: String? { schema.unitName }
    public var from: String { schema.from }
    public var to: String { schema.to }

    /// The instant open dossiers are judged at (end of the period, or now).
    public var asOf: Date { schema.asOf }

    /// Received or processed in the period (the 766 denominator).
    public var dossiers: Int { schema.dossiers }

    /// Received in the period.
    public var received: Int { schema.received }

    /// Finished (result ready, stopped, withdrawn) in the period.
    public var finished: Int { schema.finished }

    /// Still open at `asOf`.
    public var open: Int { schema.open }

    /// Current status counts of these dossiers.
    public var byStatus: [DossierStatus: Int] { DossierStatus.keyed(schema.byStatus.additionalProperties) }

    public var timeliness: TimelinessCounts { TimelinessCounts(schema: schema.timeliness) }
    public var onTimeRate: Double? { schema.onTimeRate?.value }

    /// Mean time taken by finished dossiers, in working days (working hours ÷ 8), every wait for the citizen excluded;
    /// null when none finished.
    public var averageProcessingDays: Double? { schema.averageProcessingDays?.value }

    /// 90th percentile of the same; null when none finished in the period.
    public var p90ProcessingDays: Double? { schema.p90ProcessingDays?.value }

    /// Supplement requests (Form 02) sent in the period.
    public var supplementRequests: Int { schema.supplementRequests }

    /// Must be 0 under the one-request rule.
    public var dossiersWithSeveralSupplements: Int { schema.dossiersWithSeveralSupplements }

    /// Apology letters (Form 04) issued in the period.
    public var apologies: Int { schema.apologies }

    /// Dossiers filed online in the period.
    public var onlineSubmitted: Int { schema.onlineSubmitted }

    public var onlineRate: Double? { schema.onlineRate?.value }
    public var onlinePaymentRate: Double? { schema.onlinePaymentRate?.value }
    public var digitisationRate: Double? { schema.digitisationRate?.value }
    public var ratings: RatingSummary { RatingSummary(schema: schema.ratings) }
    public var index766: Index766 { Index766(schema: schema.index766) }
}

/// Dossiers per timeliness.
public struct TimelinessCounts: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.TimelinessCounts

    init(schema: Components.Schemas.TimelinessCounts) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Finished before the due date.
    public var early: Int { schema.early }

    /// Finished on the due date.
    public var onTime: Int { schema.onTime }

    /// Finished after the due date, or after a second supplement request.
    public var late: Int { schema.late }

    /// Still open, not past the due date.
    public var withinDeadline: Int { schema.withinDeadline }

    /// Still open past the due date, or after a second supplement request.
    public var overdue: Int { schema.overdue }
}

/// The citizens' ratings of a period: count, average, bands and satisfaction.
public struct RatingSummary: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.RatingSummary

    init(schema: Components.Schemas.RatingSummary) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Ratings given in the period.
    public var count: Int { schema.count }

    /// Mean of the 0-18 totals; null when nothing was rated.
    public var averageTotal: Double? { schema.averageTotal?.value }

    /// Count per band: excellent, good, fair, average, weak.
    public var bands: [RatingBand: Int] { RatingBand.keyed(schema.bands.additionalProperties) }

    /// Share of the ratings per level; empty when nothing was rated (the contract's nulls, "not applicable").
    public var satisfaction: [Satisfaction: Double] {
        Satisfaction.keyed(schema.satisfaction.additionalProperties.compactMapValues { $0?.value })
    }
}

/// The Decision 766 index of a unit: points per group and indicator.
public struct Index766: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Index766

    init(schema: Components.Schemas.Index766) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Sum of the applicable indicators' points; null when nothing is applicable.
    public var points: Double? { schema.points?.value }

    /// points × maxPoints ÷ applicableMaxPoints: the index on 100 with the non-applicable indicators excluded; null
    /// when nothing is applicable.
    public var scaledPoints: Double? { schema.scaledPoints?.value }

    /// The most points of the index (100).
    public var maxPoints: Double { schema.maxPoints }

    /// The maximum of the indicators that could be measured.
    public var applicableMaxPoints: Double { schema.applicableMaxPoints }

    public var groups: [Index766Group] { schema.groups.map(Index766Group.init(schema:)) }
}

/// One group of the Decision 766 index with its indicators' points.
public struct Index766Group: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Group766

    init(schema: Components.Schemas.Group766) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var id: String { schema.id }
    public var name: String { schema.name }

    /// Sum of the group's applicable indicators; null when none is applicable.
    public var points: Double? { schema.points?.value }

    /// The most points the group can give.
    public var maxPoints: Double { schema.maxPoints }

    public var indicators: [Index766Indicator] { schema.indicators.map(Index766Indicator.init(schema:)) }
}

/// One indicator of the Decision 766 index.
public struct Index766Indicator: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Indicator766

    init(schema: Components.Schemas.Indicator766) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var id: String { schema.id }
    public var name: String { schema.name }
    public var rate: Double? { schema.rate?.value }

    /// Null when not applicable: the indicator is then left out of `points` and `applicableMaxPoints` of its group and
    /// of the index.
    public var points: Double? { schema.points?.value }

    /// The most points the indicator can give.
    public var maxPoints: Double { schema.maxPoints }

    /// Full points at or above this rate; below it points = rate × max ÷ threshold. Null when the indicator is not
    /// rate-based here.
    public var threshold: Double? { schema.threshold?.value }

    /// How the figure was computed, or why it does not apply.
    public var note: String? { schema.note }
}

/// Every commune of a province ranked by Decision 766 points.
public struct UnitRanking: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.UnitRanking

    init(schema: Components.Schemas.UnitRanking) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var province: String { schema.province }
    public var from: String { schema.from }
    public var to: String { schema.to }
    public var items: [UnitRanking.Entry] { schema.items.map(UnitRanking.Entry.init(schema:)) }

    /// One commune of the ranking: its rank and its evaluation.
    public struct Entry: Codable, Hashable, Sendable, SchemaBacked {
        var schema: Components.Schemas.UnitRanking.ItemsPayloadPayload

        init(schema: Components.Schemas.UnitRanking.ItemsPayloadPayload) { self.schema = schema }

        public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

        public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

        public var rank: Int { schema.rank }
        public var evaluation: UnitEvaluation { UnitEvaluation(schema: schema.evaluation) }
    }
}

/// Officers' task completion in one ISO week.
public struct OfficerEvaluations: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.OfficerEvaluations

    init(schema: Components.Schemas.OfficerEvaluations) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var unit: String { schema.unit }
    public var week: String { schema.week }
    public var unitCompletionRate: Double? { schema.unitCompletionRate?.value }
    public var items: [OfficerEvaluation] { schema.items.map(OfficerEvaluation.init(schema:)) }
}

/// One officer's row of `OfficerEvaluations`.
public struct OfficerEvaluation: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.OfficerEvaluation

    init(schema: Components.Schemas.OfficerEvaluation) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var username: String { schema.username }
    public var fullName: String { schema.fullName }

    /// Steps whose deadline fell in the week and that are decided (done, or the deadline passed). A step paused at the
    /// end of the week (its dossier waited for the citizen) is neither due nor overdue, and each step counts with its
    /// deadline as it stood then, so a past week's figures never change.
    public var due: Int { schema.due }

    /// Steps overdue from earlier weeks, still open (and not paused) at the end of the week.
    public var carriedOver: Int { schema.carriedOver }

    /// Steps handed over by their deadline.
    public var completedOnTime: Int { schema.completedOnTime }

    /// Due or carried over, not completed by the deadline.
    public var late: Int { schema.late }

    /// Still open and past the deadline.
    public var openOverdue: Int { schema.openOverdue }

    public var completionRate: Double? { schema.completionRate?.value }
}

/// A unit's weekly series.
public struct WeeklyEvaluations: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.WeeklyEvaluations

    init(schema: Components.Schemas.WeeklyEvaluations) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var unit: String { schema.unit }
    public var items: [WeekEvaluation] { schema.items.map(WeekEvaluation.init(schema:)) }
}

/// One week of `WeeklyEvaluations`.
public struct WeekEvaluation: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.WeekEvaluation

    init(schema: Components.Schemas.WeekEvaluation) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var week: String { schema.week }
    public var monday: String { schema.monday }

    /// Due plus carried over.
    public var stepsDue: Int { schema.stepsDue }

    /// Steps handed over by their deadline.
    public var stepsCompletedOnTime: Int { schema.stepsCompletedOnTime }

    public var completionRate: Double? { schema.completionRate?.value }

    /// Dossiers received or processed in the week.
    public var dossiers: Int { schema.dossiers }

    /// Of them, early, on time or within the deadline.
    public var onTime: Int { schema.onTime }

    public var onTimeRate: Double? { schema.onTimeRate?.value }
}

/// Processing time per procedure.
public struct ProcedureEvaluations: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.ProcedureEvaluations

    init(schema: Components.Schemas.ProcedureEvaluations) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var unit: String { schema.unit }
    public var from: String { schema.from }
    public var to: String { schema.to }
    public var items: [ProcedureEvaluation] { schema.items.map(ProcedureEvaluation.init(schema:)) }
}

/// One procedure's row of `ProcedureEvaluations`.
public struct ProcedureEvaluation: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.ProcedureEvaluation

    init(schema: Components.Schemas.ProcedureEvaluation) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var code: String { schema.code }
    public var name: String { schema.name }
    public var dossiers: Int { schema.dossiers }

    /// Finished in the period.
    public var finished: Int { schema.finished }

    public var statutory: ProcessingTime { ProcessingTime(schema: schema.statutory) }

    /// Mean time taken by finished dossiers, in the statutory unit, every wait for the citizen excluded; null when none
    /// finished.
    public var averageTime: Double? { schema.averageTime?.value }

    /// 90th percentile of the same; null when none finished.
    public var p90Time: Double? { schema.p90Time?.value }

    /// Dossiers with a supplement request.
    public var supplementRequested: Int { schema.supplementRequested }

    public var supplementRate: Double? { schema.supplementRate?.value }
    public var onTimeRate: Double? { schema.onTimeRate?.value }
}

/// The language of CSV column headers.
public enum ReportLanguage: String, Codable, Hashable, Sendable, CaseIterable {
    case en
    case vi

    var schema: Components.Parameters.Lang {
        switch self {
        case .en: .en
        case .vi: .vi
        }
    }
}


