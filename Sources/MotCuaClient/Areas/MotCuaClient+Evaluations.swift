import Foundation
import MotCuaAPI
import OpenAPIRuntime

extension MotCuaClient {
    /// The evaluations a commune is scored by: on-time rates, weekly task completion and the
    /// Decision 766 index. Periods are `YYYY-MM-DD` dates (default: this month up to today).
    ///
    /// ```swift
    /// let report = try await client.evaluations.unit("H15.50.05.13", from: "2026-01-01", to: "2026-03-31")
    /// print(report.onTimeRate ?? 0, report.index766.points ?? 0)
    /// let week = try await client.evaluations.officers(unit: "H15.50.05.13", week: "2026-W07")
    /// let spreadsheet = try await client.evaluations.unitCSV("H15.50.05.13", lang: .vi)
    /// ```
    public struct Evaluations: Sendable {
        let client: MotCuaClient

        /// A unit's report for the period.
        public func unit(_ code: String, from: String? = nil, to: String? = nil) async throws -> UnitEvaluation {
            try await client.call {
                try await $0.getUnitEvaluation(
                    path: .init(unitCode: code), query: .init(from: from, to: to), headers: .init(accept: [.init(contentType: .json)])
                ).ok.body.json
            }
        }

        /// The same report as the server's CSV export.
        public func unitCSV(_ code: String, from: String? = nil, to: String? = nil, lang: ReportLanguage? = nil) async throws -> String {
            try await client.call {
                let body = try await $0.getUnitEvaluation(
                    path: .init(unitCode: code), query: .init(from: from, to: to, lang: lang?.schema),
                    headers: .init(accept: [.init(contentType: .csv)])
                ).ok.body.csv
                return try await String(collecting: body, upTo: 16 << 20)
            }
        }

        /// Every commune of the caller's province, ranked by 766 points then on-time rate.
        public func ranking(from: String? = nil, to: String? = nil) async throws -> UnitRanking {
            try await client.call {
                try await $0.rankUnits(query: .init(from: from, to: to), headers: .init(accept: [.init(contentType: .json)]))
                    .ok.body.json
            }
        }

        /// Per officer of `unit`, the control-slip steps of an ISO week (`2026-W27`; default this
        /// week), worst completion rate first.
        public func officers(unit: String, week: String? = nil) async throws -> OfficerEvaluations {
            try await client.call {
                try await $0.getOfficerEvaluations(
                    query: .init(unit: unit, week: week), headers: .init(accept: [.init(contentType: .json)])
                ).ok.body.json
            }
        }

        /// One row per ISO week touching the period: completion rate, on-time rate, counts.
        public func weekly(unit: String, from: String? = nil, to: String? = nil) async throws -> WeeklyEvaluations {
            try await client.call {
                try await $0.getWeeklyEvaluations(
                    query: .init(unit: unit, from: from, to: to), headers: .init(accept: [.init(contentType: .json)])
                ).ok.body.json
            }
        }

        /// Per procedure the unit handled: count, average and 90th-percentile time against the
        /// statutory time, supplement and on-time rates.
        public func procedures(unit: String, from: String? = nil, to: String? = nil) async throws -> ProcedureEvaluations {
            try await client.call {
                try await $0.getProcedureEvaluations(
                    query: .init(unit: unit, from: from, to: to), headers: .init(accept: [.init(contentType: .json)])
                ).ok.body.json
            }
        }
    }

    /// Evaluations: unit reports, rankings, officers' weekly completion, procedure times.
    public var evaluations: Evaluations { Evaluations(client: self) }
}
