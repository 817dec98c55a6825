import Foundation

extension Index766 {
    /// The counts of one unit over one period that the commune system can compute.
    public struct Input: Sendable, Hashable, Codable {
        /// Dossiers received or processed in the period (denominator of 1.4, 2.1, 3.3, 4.2, 5.4).
        public var received: Int = 0
        /// Of those, finished early/on time plus unfinished within deadline (supplement waits excluded,
        /// > 1 supplement request counted late) - see ``Timeliness/isOnTime``.
        public var onTime: Int = 0
        /// Of those, late or overdue.
        public var lateOrOverdue: Int = 0
        /// Mean over finished dossiers of actual ÷ statutory processing time, each in its procedure's
        /// unit; `nil` when none finished.
        public var averageProcessingRatio: Double?
        /// Dossiers submitted online.
        public var onlineSubmitted: Int = 0
        /// Dossiers of fee-bearing procedures (denominator of 3.6).
        public var feeBearing: Int = 0
        /// Of those, paid online (portal or provincial gateway).
        public var paidOnline: Int = 0
        /// Dossiers with at least one digitised component (and an electronic result where the procedure issues one).
        public var digitised: Int = 0
        /// Dossiers with a complaint or a "dislike".
        public var complainedOrDisliked: Int = 0
        /// Dossiers delivered to the portal feed.
        public var synced: Int = 0
        /// Dossiers rated by citizens.
        public var rated: Int = 0
        /// Of those, rated satisfied or very satisfied.
        public var satisfiedRatings: Int = 0

        /// Creates an input with every count 0; set the fields that apply.
        public init() {}
    }

    /// Computes the index from `input`.
    public init(input: Input) {
        func measured(_ id: String, _ name: String, _ rate: Double?, _ max: Double, _ threshold: Double,
                      note: String? = nil) -> Indicator {
            Indicator(id: id, name: name, rate: rate, points: Index766.points(rate: rate, maxPoints: max, threshold: threshold),
                      maxPoints: max, threshold: threshold, note: note)
        }
        func external(_ id: String, _ name: String, _ max: Double, _ source: String) -> Indicator {
            Indicator(id: id, name: name, rate: nil, points: nil, maxPoints: max, threshold: nil,
                      note: "Not applicable: measured by \(source), not by the commune system.")
        }
        let received = input.received
        let processing = input.averageProcessingRatio.map { ratio in ratio <= 1 ? 1.0 : 1 / ratio }
        // Integer arithmetic first, so 100 − 5 − 5 of 100 is exactly 90% and meets the threshold.
        let satisfaction = Index766.rate(received - input.lateOrOverdue - input.complainedOrDisliked, received)
        groups = [
            Group(id: .transparency, name: "Transparency", maxPoints: 18, indicators: [
                external("1.1", "Procedures announced and published on time", 4, "the province's publication records"),
                external("1.2", "Procedures published in full on the national portal", 4, "the national portal"),
                external("1.3", "Citizen feedback and petitions handled on time", 4, "the portal's feedback system"),
                measured("1.4", "Dossiers synchronised to the national portal", Index766.rate(input.synced, received), 6, 1.0),
            ]),
            Group(id: .progress, name: "Progress", maxPoints: 20, indicators: [
                measured("2.1", "Dossiers handled on time", Index766.rate(input.onTime, received), 14, 1.0),
                measured("2.2", "Average processing time within the statutory time", processing, 6, 1.0,
                         note: "Rate = 1 when the average is within the statutory time, else statutory ÷ average."),
            ]),
            Group(id: .onlineService, name: "Online service", maxPoints: 12, indicators: [
                external("3.1", "Procedures offered as full online public services", 4, "the province's service catalogue"),
                measured("3.3", "Dossiers submitted online", Index766.rate(input.onlineSubmitted, received), 8, 0.5),
            ]),
            Group(id: .onlinePayment, name: "Online payment", maxPoints: 10, indicators: [
                measured("3.6", "Fee-bearing dossiers paid online", Index766.rate(input.paidOnline, input.feeBearing), 10, 0.5),
            ]),
            Group(id: .digitisation, name: "Digitisation", maxPoints: 22, indicators: [
                external("4.1", "Reuse of digitised data and results", 6, "the national databases"),
                measured("4.2", "Dossiers digitised", Index766.rate(input.digitised, received), 16, 0.8),
            ]),
            Group(id: .satisfaction, name: "Satisfaction", maxPoints: 18, indicators: [
                measured("5.1", "Citizens rating the service satisfied or very satisfied",
                         Index766.rate(input.satisfiedRatings, input.rated), 6, 0.9),
                external("5.2", "Satisfaction surveys", 6, "the province's surveys"),
                measured("5.4", "Satisfaction: 100% − (overdue rate + complaint rate)", satisfaction, 6, 0.9),
            ]),
        ]
    }
}
