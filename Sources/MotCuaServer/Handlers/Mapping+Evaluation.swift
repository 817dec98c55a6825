import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

extension Components.Schemas.UnitEvaluation {
    init(_ f: UnitFigures, period: EvaluationPeriod) {
        let index = Index766(input: f.index766Input)
        let rate = { (numerator: Int, denominator: Int) in NullableDouble(Index766.rate(numerator, denominator)) }
        let timeliness = { (kind: Timeliness) in f.timeliness[kind] ?? 0 }
        self.init(
            unit: f.unit, unitName: f.unitName, from: period.from.description, to: period.to.description, asOf: period.asOf,
            dossiers: f.dossiers, received: f.received, finished: f.finished, open: f.open,
            byStatus: .init(additionalProperties: Dictionary(uniqueKeysWithValues: f.byStatus.filter { $0.value > 0 }.map { ($0.key.rawValue, $0.value) })),
            timeliness: .init(
                early: timeliness(.early), onTime: timeliness(.onTime), late: timeliness(.late),
                withinDeadline: timeliness(.withinDeadline), overdue: timeliness(.overdue)),
            onTimeRate: rate(f.onTime, f.dossiers), averageProcessingDays: .init(f.averageDays), p90ProcessingDays: .init(f.p90Days),
            supplementRequests: f.supplementRequests, dossiersWithSeveralSupplements: f.severalSupplements, apologies: f.apologies,
            onlineSubmitted: f.onlineSubmitted, onlineRate: rate(f.onlineSubmitted, f.dossiers),
            onlinePaymentRate: rate(f.paidOnline, f.feeBearing), digitisationRate: rate(f.digitized, f.dossiers),
            ratings: .init(
                count: f.ratings, averageTotal: .init(f.ratingAverage),
                bands: .init(additionalProperties: Dictionary(uniqueKeysWithValues: RatingBand.allCases.map { ($0.rawValue, f.bands[$0] ?? 0) })),
                // Shares of the ratings; each null when nothing was rated (not applicable, never 0%).
                satisfaction: .init(additionalProperties: Dictionary(uniqueKeysWithValues: Satisfaction.allCases.map { level in
                    (level.rawValue, rate(f.satisfaction[level] ?? 0, f.ratings))
                }))),
            index766: .init(index))
    }
}

extension Components.Schemas.Index766 {
    init(_ index: MotCuaDomain.Index766) {
        self.init(
            points: .init(index.points), scaledPoints: .init(index.scaledPoints), maxPoints: index.maxPoints,
            applicableMaxPoints: index.applicableMaxPoints,
            groups: index.groups.map { group in
                .init(
                    id: group.id.rawValue, name: group.name, points: .init(group.points), maxPoints: group.maxPoints,
                    indicators: group.indicators.map {
                        .init(
                            id: $0.id, name: $0.name, rate: .init($0.rate), points: .init($0.points), maxPoints: $0.maxPoints,
                            threshold: .init($0.threshold), note: $0.note)
                    })
            })
    }
}

/// The period of a report: local dates, inclusive, and the instants the SQL uses.
struct EvaluationPeriod {
    var from: LocalDate
    var to: LocalDate
    var start: Date { from.startInstant }
    var end: Date { to.adding(days: 1).startInstant }
    /// Open dossiers are judged at the end of the period, or now when it has not ended.
    var asOf: Date

    init(from: String?, to: String?, now: Date) throws {
        let today = LocalDate(vietnam: now)
        self.from = try from.map { try APIHandler.parseDate($0, name: "from") } ?? LocalDate(today.year, today.month, 1)
        self.to = try to.map { try APIHandler.parseDate($0, name: "to") } ?? today
        guard self.from <= self.to else { throw APIError.validation("to", "must not be before from") }
        guard self.from.days(to: self.to) <= 366 else { throw APIError.validation("to", "the period may span at most 366 days") }
        asOf = min(self.to.adding(days: 1).startInstant, now)
    }
}
