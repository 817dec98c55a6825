import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Decision 766 index")
struct Index766Tests {
    @Test("groups carry 18, 20, 12, 10, 22 and 18 points, 100 in all, and indicators add up to their group")
    func structure() {
        let index = Index766(input: .init())
        #expect(index.groups.map(\.maxPoints) == [18, 20, 12, 10, 22, 18])
        #expect(index.maxPoints == 100)
        for group in index.groups {
            #expect(group.indicators.reduce(0) { $0 + $1.maxPoints } == group.maxPoints, "\(group.id)")
        }
    }

    @Test("an empty period is not applicable everywhere: no rate, no points, never 0 or 100%")
    func emptyPeriod() {
        let index = Index766(input: .init())
        #expect(index.points == nil)
        #expect(index.applicableMaxPoints == 0)
        for indicator in index.groups.flatMap(\.indicators) {
            #expect(indicator.rate == nil && indicator.points == nil, "\(indicator.id)")
        }
    }

    @Test("indicators the commune cannot measure are not applicable, with a note")
    func externalIndicators() {
        var input = Index766.Input()
        input.received = 10
        let index = Index766(input: input)
        for id in ["1.1", "1.2", "1.3", "3.1", "4.1", "5.2"] {
            let indicator = index.indicator(id)!
            #expect(indicator.points == nil && indicator.note?.contains("Not applicable") == true, "\(id)")
        }
    }

    @Test("the threshold rule: full points at or above the threshold, proportional below")
    func thresholdRule() {
        #expect(Index766.points(rate: 0.5, maxPoints: 8, threshold: 0.5) == 8)
        #expect(Index766.points(rate: 0.9, maxPoints: 8, threshold: 0.5) == 8)
        #expect(Index766.points(rate: 0.25, maxPoints: 8, threshold: 0.5) == 4)
        #expect(Index766.points(rate: 0, maxPoints: 8, threshold: 0.5) == 0)
        #expect(Index766.points(rate: nil, maxPoints: 8, threshold: 0.5) == nil)
        #expect(Index766.rate(3, 0) == nil)
    }

    @Test("3.3 online submission gets full points at 50% and proportional points just below")
    func onlineSubmissionEdge() {
        var input = Index766.Input()
        input.received = 200
        input.onlineSubmitted = 100
        #expect(Index766(input: input).indicator("3.3")?.points == 8)
        input.onlineSubmitted = 99
        let points = Index766(input: input).indicator("3.3")!.points!
        #expect(abs(points - 0.495 * 8 / 0.5) < 1e-9)
    }

    @Test("4.2 digitisation gets full points at 80%")
    func digitisationEdge() {
        var input = Index766.Input()
        input.received = 10
        input.digitised = 8
        #expect(Index766(input: input).indicator("4.2")?.points == 16)
        input.digitised = 4
        #expect(Index766(input: input).indicator("4.2")?.points == 8)
    }

    @Test("5.4 satisfaction = 1 − (overdue rate + complaint rate), full 6 points at 90%")
    func satisfaction() {
        var input = Index766.Input()
        input.received = 100
        input.lateOrOverdue = 5
        input.complainedOrDisliked = 5
        let full = Index766(input: input).indicator("5.4")!
        #expect(abs(full.rate! - 0.9) < 1e-12 && full.points == 6)
        input.complainedOrDisliked = 50
        let low = Index766(input: input).indicator("5.4")!
        #expect(abs(low.rate! - 0.45) < 1e-12 && abs(low.points! - 3) < 1e-9)
        input.lateOrOverdue = 80
        #expect(Index766(input: input).indicator("5.4")?.rate == 0)
    }

    @Test("2.1 on-time rate is proportional and 3.6 uses fee-bearing dossiers as denominator")
    func progressAndPayment() {
        var input = Index766.Input()
        input.received = 40
        input.onTime = 36
        input.averageProcessingRatio = 0.8
        let index = Index766(input: input)
        #expect(index.indicator("2.1")?.rate == 0.9)
        #expect(abs(index.indicator("2.1")!.points! - 12.6) < 1e-9)
        #expect(index.indicator("2.2")?.points == 6)
        #expect(index.indicator("3.6")?.points == nil, "no fee-bearing dossier: not applicable")
        input.feeBearing = 10
        input.paidOnline = 2
        #expect(Index766(input: input).indicator("3.6")?.points == 4)
    }

    @Test("2.2 scores statutory ÷ average when processing takes longer than the law allows")
    func slowProcessing() {
        var input = Index766.Input()
        input.averageProcessingRatio = 2
        let indicator = Index766(input: input).indicator("2.2")!
        #expect(indicator.rate == 0.5 && indicator.points == 3)
    }

    @Test("group and total points add up applicable indicators only")
    func totals() {
        var input = Index766.Input()
        input.received = 10
        input.onTime = 10
        input.synced = 10
        let index = Index766(input: input)
        #expect(index.group(.progress).points == 14)
        #expect(index.group(.progress).applicableMaxPoints == 14)
        #expect(index.group(.onlinePayment).points == nil)
        #expect(index.points == index.groups.compactMap(\.points).reduce(0, +))
    }

    @Test("a non-applicable indicator is excluded and the applicable points are rescaled to 100")
    func scaledPoints() {
        var input = Index766.Input()
        input.received = 10
        input.onTime = 10
        input.onlineSubmitted = 10
        input.digitised = 10
        input.synced = 10
        let index = Index766(input: input)
        #expect(index.indicator("3.6")?.points == nil)  // no fee-bearing dossier: online payment does not apply
        let points = try! #require(index.points)
        #expect(index.applicableMaxPoints < 100)
        #expect(abs(index.scaledPoints! - points * 100 / index.applicableMaxPoints) < 1e-9)
        #expect(Index766(input: Index766.Input()).scaledPoints == nil)
    }
}
