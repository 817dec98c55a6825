import Foundation
import Testing
@testable import MotCuaDomain

@Suite("Dossier state machine")
struct DossierRulesTests {
    /// docs/domain.md §1 written out independently of the implementation: (action, from) → to.
    static let expected: [DossierAction: [DossierStatus: DossierStatus]] = [
        .accept: [.submitted: .received],
        .refuse: [.submitted: .refused],
        .requestCompletion: [.submitted: .submitted],
        .assign: [.received: .inProgress],
        .forward: [.inProgress: .inProgress],
        .requestSupplement: [.inProgress: .supplementRequested],
        .supplement: [.supplementRequested: .inProgress],
        .requestPayment: [.inProgress: .awaitingPayment],
        .pay: [.awaitingPayment: .inProgress],
        .stop: [.inProgress: .stopped, .supplementRequested: .stopped],
        .resolve: [.inProgress: .resolved],
        .return: [.resolved: .returned],
        .withdraw: [.submitted: .withdrawn, .received: .withdrawn, .inProgress: .withdrawn,
                    .supplementRequested: .withdrawn, .awaitingPayment: .withdrawn],
        .apologize: [.received: .received, .inProgress: .inProgress,
                     .supplementRequested: .supplementRequested, .awaitingPayment: .awaitingPayment],
    ]

    static let pairs: [(DossierStatus, DossierAction)] =
        DossierStatus.allCases.flatMap { status in DossierAction.allCases.map { (status, $0) } }

    @Test("every (status, action) pair is allowed exactly as docs/domain.md §1 says", arguments: pairs)
    func everyPair(status: DossierStatus, action: DossierAction) {
        let context = DossierContext(hasReason: true, actorIsAssignee: true)
        let result = DossierRules.decide(action: action, status: status, actorRoles: [.admin], context: context)
        switch (result, Self.expected[action]?[status]) {
        case (.success(let target), let expected?):
            #expect(target == expected)
        case (.failure(let refusal), nil):
            #expect(refusal.code == .invalidTransition)
            #expect(refusal.status == status)
            #expect(refusal.message.contains(status.rawValue))
        case (let result, let expected):
            Issue.record("\(action) from \(status): got \(result), expected \(String(describing: expected))")
        }
    }

    @Test("there are 160 pairs and 22 allowed transitions")
    func pairCount() {
        #expect(Self.pairs.count == 160)
        let allowed = Self.pairs.filter { DossierRules.target(of: $1, from: $0) != nil }
        #expect(allowed.count == 22)
    }

    @Test("an action on a terminal dossier is an invalid transition naming the terminal status", arguments: [
        DossierStatus.refused, .withdrawn, .stopped, .returned,
    ])
    func terminalRefusal(status: DossierStatus) {
        for action in DossierAction.allCases where action != .intakeCounter && action != .intakeOnline {
            let refusal = DossierRules.decide(action: action, status: status, actorRoles: [.admin], context: .init(hasReason: true))
            guard case .failure(let refusal) = refusal else { Issue.record("\(action) on \(status) allowed"); continue }
            #expect(refusal.code == .invalidTransition && refusal.status == status)
            #expect(refusal.message.contains("terminal status"))
        }
    }

    @Test("a leader may stop a dossier while it waits for the citizen; a specialist may not")
    func stopDuringWait() {
        let context = DossierContext(hasReason: true, actorIsAssignee: true)
        #expect(DossierRules.decide(action: .stop, status: .supplementRequested, actorRoles: [.leader], context: context)
            == .success(.stopped))
        #expect(DossierRules.decide(action: .stop, status: .supplementRequested, actorRoles: [.specialist], context: context)
            .refusalCode == .forbidden)
        #expect(DossierRules.allowedActions(status: .supplementRequested, actorRoles: [.leader], context: context)
            == [.stop, .apologize])
    }

    @Test("terminal statuses never change and are exactly refused, withdrawn, stopped, returned")
    func terminalStatuses() {
        #expect(DossierStatus.allCases.filter(\.isTerminal) == [.refused, .withdrawn, .stopped, .returned])
        for status in DossierStatus.allCases where status.isTerminal {
            #expect(DossierRules.allowedActions(status: status, actorRoles: [.admin], context: .init()).isEmpty)
        }
    }

    @Test("national codes run 1-10 in docs/domain.md order and round-trip")
    func codes() {
        #expect(DossierStatus.allCases.map(\.code) == Array(1...10))
        #expect(DossierStatus(code: 5) == .supplementRequested)
        #expect(DossierStatus(code: 0) == nil && DossierStatus(code: 11) == nil)
        #expect(DossierStatus.allCases.map(\.rawValue) == ["submitted", "received", "refused", "in_progress",
            "supplement_requested", "awaiting_payment", "withdrawn", "stopped", "resolved", "returned"])
    }

    @Test("finished statuses are the terminal ones plus resolved; the clock runs in 2, 4 and 6")
    func finishedAndClock() {
        #expect(DossierStatus.allCases.filter(\.isFinished) == [.refused, .withdrawn, .stopped, .resolved, .returned])
        #expect(DossierStatus.allCases.filter(\.isClockRunning) == [.received, .inProgress, .awaitingPayment])
    }

    @Test("a second Form 02 from the same handling unit is refused, at intake or in processing")
    func supplementOnce() {
        let used = DossierContext(supplementRequestsByHandlingUnit: 1, hasReason: true, actorIsAssignee: true)
        for (action, status) in [(DossierAction.requestSupplement, DossierStatus.inProgress), (.requestCompletion, .submitted)] {
            #expect(DossierRules.decide(action: action, status: status, actorRoles: [.reception], context: used)
                .refusalCode == .supplementLimit)
        }
    }

    @Test("refuse, completion and supplement requests, stop, withdraw and apologize need a reason")
    func reasons() {
        let noReason = DossierContext(actorIsAssignee: true)
        for (action, expected) in Self.expected {
            let (from, _) = expected.first!
            let code = DossierRules.decide(action: action, status: from, actorRoles: [.admin], context: noReason).refusalCode
            #expect((code == .reasonRequired) == action.requiresReason, "\(action)")
        }
        #expect(DossierAction.allCases.filter(\.requiresReason) ==
            [.refuse, .requestCompletion, .requestSupplement, .stop, .withdraw, .apologize])
    }

    @Test("a second apology is refused with apology-limit")
    func apologyLimit() {
        let context = DossierContext(apologized: true, hasReason: true)
        #expect(DossierRules.decide(action: .apologize, status: .inProgress, actorRoles: [.leader], context: context)
            .refusalCode == .apologyLimit)
    }

    @Test("withdraw and stop are impossible once a result is issued")
    func noWithdrawAfterResult() {
        let context = DossierContext(hasReason: true)
        #expect(DossierRules.decide(action: .withdraw, status: .resolved, actorRoles: [.admin], context: context)
            .refusalCode == .invalidTransition)
        #expect(DossierRules.decide(action: .stop, status: .resolved, actorRoles: [.admin], context: context)
            .refusalCode == .invalidTransition)
    }

    @Test("counter and postal intake start received; online intake starts submitted")
    func intake() {
        #expect(DossierRules.intake(channel: .counter, actorRoles: [.reception]) == .success(.received))
        #expect(DossierRules.intake(channel: .post, actorRoles: [.reception]) == .success(.received))
        #expect(DossierRules.intake(channel: .online, actorRoles: [.portal]) == .success(.submitted))
        #expect(DossierRules.intake(channel: .online, actorRoles: [.reception]).refusalCode == .forbidden)
        #expect(DossierRules.intake(channel: .counter, actorRoles: [.auditor]).refusalCode == .forbidden)
    }

    @Test("refusal codes are the API's stable strings")
    func refusalCodes() {
        #expect(DossierRefusal.Code.allCases.map(\.rawValue) == ["invalid-transition", "forbidden",
            "supplement-limit", "apology-too-late", "apology-limit", "invalid-appointment-date", "reason-required"])
    }

    @Test("national step codes keep their case, are unique ignoring case and are found ignoring case")
    func stepCodes() {
        let step = { (code: String) in ProcedureDefinition.Step(code: code, name: code, role: .specialist, durationHours: 4) }
        var procedure = ProcedureDefinition(code: "1.001193", name: "Khai sinh", field: "Hộ tịch", processingTime: .workingDays(3),
                                            documents: [], steps: [step("TN"), step("TD"), step("PD")], onlineLevel: .full)
        #expect(procedure.violations().isEmpty)
        #expect(procedure.step(code: "td")?.code == "TD" && procedure.step(code: "Pd")?.code == "PD")
        #expect(procedure.step(code: "XX") == nil)
        procedure.steps.append(step("td"))
        #expect(procedure.violations().map(\.field) == ["steps[3].code"])
    }
}

extension Result where Failure == DossierRefusal {
    /// The refusal's code, `nil` on success.
    var refusalCode: DossierRefusal.Code? {
        if case .failure(let refusal) = self { return refusal.code }
        return nil
    }
}
