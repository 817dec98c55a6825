import Foundation

/// The Decision 766/QĐ-TTg service-quality index of a unit over a period: 100 points in six groups
/// (transparency 18, progress 20, online service 12, online payment 10, digitisation 22,
/// satisfaction 18), built from counts the commune system keeps (``Index766/Input``).
///
/// **Scoring rule.** An indicator with a threshold gets full points when its rate is at or above
/// the threshold, else `rate × maxPoints ÷ threshold`. When its denominator is 0 the indicator is
/// *not applicable*: `rate` and `points` are `nil` - never 0 and never 100%. Indicators that only the
/// province or the national portal can measure (publication, feedback handling, catalogue coverage,
/// reuse of digitised data, surveys) are always reported not applicable, with a `note` saying so.
/// Group and total points add up the applicable indicators; ``applicableMaxPoints`` says out of what,
/// and ``scaledPoints`` rescales the total to 100 (a non-applicable indicator is excluded, never
/// given 0 and never full points).
///
/// **Thresholds chosen here** (Decision 766 scores most rates proportionally; docs/domain.md fixes 3.3,
/// 4.2 and 5.4): 1.4 sync 100%; 2.1 on time 100% (proportional); 2.2 within statutory time 100%;
/// 3.3 online submission 50%; 3.6 online payment 50%; 4.2 digitisation 80%; 5.1 rated satisfied 90%;
/// 5.4 satisfaction 90%. The split of each group's points among its indicators is this module's
/// reading of the decision, kept in one place (``Index766+Indicators.swift``).
public struct Index766: Sendable, Hashable, Codable {
    /// The six groups.
    public enum GroupID: String, Sendable, Hashable, Codable, CaseIterable {
        /// Công khai, minh bạch - 18 points.
        case transparency
        /// Tiến độ giải quyết - 20 points.
        case progress
        /// Dịch vụ công trực tuyến - 12 points.
        case onlineService = "online_service"
        /// Thanh toán trực tuyến - 10 points.
        case onlinePayment = "online_payment"
        /// Số hóa hồ sơ - 22 points.
        case digitisation
        /// Mức độ hài lòng - 18 points.
        case satisfaction
    }

    /// One indicator's result.
    public struct Indicator: Sendable, Hashable, Codable {
        /// The decision's number, e.g. `"2.1"`.
        public let id: String
        /// What it measures.
        public let name: String
        /// The rate in 0...1, or `nil` when not applicable.
        public let rate: Double?
        /// Points earned, or `nil` when not applicable.
        public let points: Double?
        /// Points available.
        public let maxPoints: Double
        /// The rate giving full points, or `nil` when the indicator is not rate-based here.
        public let threshold: Double?
        /// Why the indicator is not applicable or how it is computed, when worth saying.
        public let note: String?
    }

    /// One group's result.
    public struct Group: Sendable, Hashable, Codable {
        /// Which group.
        public let id: GroupID
        /// Its name.
        public let name: String
        /// Points available in the group.
        public let maxPoints: Double
        /// Its indicators.
        public let indicators: [Indicator]

        /// Points earned by applicable indicators, or `nil` when none is applicable.
        public var points: Double? {
            let earned = indicators.compactMap(\.points)
            return earned.isEmpty ? nil : earned.reduce(0, +)
        }

        /// Points available from applicable indicators.
        public var applicableMaxPoints: Double {
            indicators.filter { $0.points != nil }.reduce(0) { $0 + $1.maxPoints }
        }
    }

    /// The groups, in the decision's order.
    public let groups: [Group]

    /// Points available in total (100).
    public var maxPoints: Double { groups.reduce(0) { $0 + $1.maxPoints } }

    /// Points earned by applicable indicators, or `nil` when nothing is applicable (an empty period).
    public var points: Double? {
        let earned = groups.compactMap(\.points)
        return earned.isEmpty ? nil : earned.reduce(0, +)
    }

    /// Points available from applicable indicators.
    public var applicableMaxPoints: Double { groups.reduce(0) { $0 + $1.applicableMaxPoints } }

    /// The index on ``maxPoints`` with the non-applicable indicators excluded and the rest rescaled:
    /// `points × maxPoints ÷ applicableMaxPoints`, `nil` when nothing is applicable. Units measured
    /// on different indicators (one had no fee-bearing dossier, say) compare fairly on it.
    public var scaledPoints: Double? {
        guard let points, applicableMaxPoints > 0 else { return nil }
        return points * maxPoints / applicableMaxPoints
    }

    /// The group `id`.
    public func group(_ id: GroupID) -> Group { groups.first { $0.id == id }! }

    /// The indicator numbered `id` (e.g. `"2.1"`), if any.
    public func indicator(_ id: String) -> Indicator? {
        groups.lazy.flatMap(\.indicators).first { $0.id == id }
    }

    /// The threshold rule: full points at or above `threshold`, else proportional; `nil` for no rate.
    public static func points(rate: Double?, maxPoints: Double, threshold: Double) -> Double? {
        guard let rate else { return nil }
        // A rate within rounding noise of the threshold has met it (e.g. 0.8999999999999999 for 90%).
        if rate >= threshold - 1e-9 { return maxPoints }
        return max(0, rate) * maxPoints / threshold
    }

    /// `numerator ÷ denominator` capped to 0...1, or `nil` when the denominator is 0.
    public static func rate(_ numerator: Int, _ denominator: Int) -> Double? {
        guard denominator > 0 else { return nil }
        return min(1, max(0, Double(numerator) / Double(denominator)))
    }
}
