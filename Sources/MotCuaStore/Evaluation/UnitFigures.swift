import Foundation
import MotCuaDomain
import MotCuaPostgres

/// The counts of one unit over one period, aggregated in SQL (see `EvaluationStore.unitFigures`).
public struct UnitFigures: Sendable, Hashable {
    public var unit: String
    public var unitName: String
    /// Received or processed in the period: received before its end and not finished before its start.
    public var dossiers = 0
    public var received = 0
    public var finished = 0
    public var open = 0
    public var byStatus: [DossierStatus: Int] = [:]
    public var timeliness: [Timeliness: Int] = [:]
    public var averageRatio: Double?
    public var averageDays: Double?
    public var p90Days: Double?
    public var supplementRequests = 0
    public var severalSupplements = 0
    public var apologies = 0
    public var onlineSubmitted = 0
    public var feeBearing = 0
    public var paidOnline = 0
    public var digitized = 0
    public var synced = 0
    public var ratings = 0
    public var ratingAverage: Double?
    public var bands: [RatingBand: Int] = [:]
    public var satisfaction: [Satisfaction: Int] = [:]

    public init(unit: String, unitName: String) {
        self.unit = unit
        self.unitName = unitName
    }

    /// The on-time count of 766 indicator 2.1: early, on time and within deadline.
    public var onTime: Int { Timeliness.allCases.filter(\.isOnTime).reduce(0) { $0 + (timeliness[$1] ?? 0) } }

    /// The input of the Decision 766 index.
    public var index766Input: Index766.Input {
        var input = Index766.Input()
        input.received = dossiers
        input.onTime = onTime
        input.lateOrOverdue = dossiers - onTime
        input.averageProcessingRatio = averageRatio
        input.onlineSubmitted = onlineSubmitted
        input.feeBearing = feeBearing
        input.paidOnline = paidOnline
        input.digitised = digitized
        input.complainedOrDisliked = satisfaction[.dissatisfied] ?? 0
        input.synced = synced
        input.rated = ratings
        input.satisfiedRatings = (satisfaction[.verySatisfied] ?? 0) + (satisfaction[.satisfied] ?? 0)
        return input
    }
}
