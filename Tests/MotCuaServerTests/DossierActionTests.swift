import Foundation
import HTTPTypes
import MotCuaAPI
import MotCuaDomain
import MotCuaServer
import MotCuaTestSupport
import Testing
import HummingbirdTesting
import MotCuaPostgres
import MotCuaStore

/// Monday 2 March 2026, 09:00 in Hà Nội: a 3-working-day dossier received now is due Thursday 5 March,
/// so an apology with a new date of Monday 9 March is allowed.
let actionDay = Instant.vn("2026-03-02", "09:00")

/// Brings a new dossier of `world` to `status` through the API, with the roles that may do each step.
func makeDossier(in status: DossierStatus, _ world: DossierWorld, _ client: APIClient, handling: String? = nil) async throws -> DossierView {
    func online() async throws -> DossierView {
        try await client.file(world.body(channel: "online", handling: handling), as: world.portal)
    }
    func received() async throws -> DossierView { try await client.file(world.body(handling: handling), as: world.reception) }
    func inProgress() async throws -> DossierView {
        let dossier = try await received()
        return try await client.perform("assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader)
    }
    func resolved() async throws -> DossierView {
        try await client.perform("resolve", try await inProgress().code, ActionBody.resolve, as: world.leader)
    }
    let dossier: DossierView = switch status {
    case .submitted: try await online()
    case .received: try await received()
    case .refused: try await client.perform("refuse", try await online().code, ActionBody.reason, as: world.reception)
    case .inProgress: try await inProgress()
    case .supplementRequested:
        try await client.perform("request-supplement", try await inProgress().code, ActionBody.supplement(), as: world.reception)
    case .awaitingPayment: try await client.perform("request-payment", try await inProgress().code, ActionBody.paymentRequest, as: world.reception)
    case .withdrawn: try await client.perform("withdraw", try await received().code, ActionBody.reason, as: world.reception)
    case .stopped: try await client.perform("stop", try await inProgress().code, ActionBody.reason, as: world.leader)
    case .resolved: try await resolved()
    case .returned: try await client.perform("return", try await resolved().code, as: world.reception)
    }
    #expect(dossier.status.rawValue == status.rawValue)
    return dossier
}

/// One action of the contract with a valid body, the role that performs it, and the transitions it allows.
struct ActionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var actor: @Sendable (DossierWorld) -> TestUser
    var body: @Sendable (DossierWorld) -> (any Encodable & Sendable)?
    /// from status → to status
    var transitions: [DossierStatus: DossierStatus]
    var testDescription: String { name }

    static let all: [ActionCase] = [
        .init(name: "accept", actor: { $0.reception }, body: { _ in nil }, transitions: [.submitted: .received]),
        .init(name: "refuse", actor: { $0.reception }, body: { _ in ActionBody.reason }, transitions: [.submitted: .refused]),
        .init(name: "request-supplement", actor: { $0.reception }, body: { _ in ActionBody.supplement() },
              transitions: [.submitted: .submitted, .inProgress: .supplementRequested]),
        .init(name: "supplement", actor: { $0.reception }, body: { _ in ActionBody.supplied },
              transitions: [.supplementRequested: .inProgress]),
        .init(name: "assign", actor: { $0.leader }, body: { ActionBody.assign($0.specialist) }, transitions: [.received: .inProgress]),
        .init(name: "forward", actor: { $0.leader }, body: { ActionBody.forward($0.specialist2) }, transitions: [.inProgress: .inProgress]),
        .init(name: "request-payment", actor: { $0.reception }, body: { _ in ActionBody.paymentRequest },
              transitions: [.inProgress: .awaitingPayment]),
        .init(name: "pay", actor: { $0.reception }, body: { _ in ActionBody.payment }, transitions: [.awaitingPayment: .inProgress]),
        .init(name: "resolve", actor: { $0.leader }, body: { _ in ActionBody.resolve }, transitions: [.inProgress: .resolved]),
        .init(name: "stop", actor: { $0.leader }, body: { _ in ActionBody.reason },
              transitions: [.inProgress: .stopped, .supplementRequested: .stopped]),
        .init(name: "return", actor: { $0.reception }, body: { _ in nil }, transitions: [.resolved: .returned]),
        .init(name: "withdraw", actor: { $0.reception }, body: { _ in ActionBody.reason },
              transitions: [.submitted: .withdrawn, .received: .withdrawn, .inProgress: .withdrawn, .supplementRequested: .withdrawn,
                            .awaitingPayment: .withdrawn]),
        .init(name: "apologize", actor: { $0.leader }, body: { _ in ActionBody.apology("2026-03-09") },
              transitions: [.received: .received, .inProgress: .inProgress, .supplementRequested: .supplementRequested,
                            .awaitingPayment: .awaitingPayment]),
    ]
}

/// Checks that a refused request left the dossier exactly as it was.
func expectUnchanged(
    _ code: String, _ before: DossierState, _ env: TestEnvironment, as user: TestUser? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    let after = try await env.dossierState(code)
    #expect(after == before, "the refused request changed the dossier", sourceLocation: sourceLocation)
    if let user {
        let response = try await env.client.get("/v1/dossiers/\(code)", token: user.token)
        #expect(response.headers[.eTag] == "\"\(before.version)\"", sourceLocation: sourceLocation)
    }
}

@Suite struct DossierActionTests {
    /// Every action of the contract from every status: allowed ones move the dossier and write one event;
    /// the others are 409 with the rule's code and change nothing.
    @Test(arguments: DossierStatus.allCases)
    func everyActionFromStatus(_ status: DossierStatus) async throws {
        let clock = ManualClock(actionDay)
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            for action in ActionCase.all {
                let dossier = try await makeDossier(in: status, world, client)
                let before = try await env.dossierState(dossier.code)
                let actor = action.actor(world)
                let response = try await client.act(action.name, dossier.code, action.body(world), as: actor)
                #expect(response.status.code < 500, "\(action.name) from \(status): \(response.text)")
                if let target = action.transitions[status] {
                    let updated = try expectJSON(response, .ok, as: DossierView.self)
                    #expect(updated.status.rawValue == target.rawValue, "\(action.name) from \(status)")
                    #expect(updated.version == before.version + 1, "\(action.name) from \(status)")
                    #expect(response.headers[.eTag] == "\"\(updated.version)\"")
                    let after = try await env.dossierState(dossier.code)
                    #expect(after.events == before.events + 1 && after.outbox == before.outbox + 1, "\(action.name) from \(status)")
                    let last = try #require(try await client.history(dossier.code, as: world.admin).last)
                    #expect(last.actor == actor.username && last.fromStatus == status.rawValue && last.toStatus == target.rawValue)
                } else {
                    // One code whatever the cause; the status is named in the problem (issue 16).
                    let problem = try expectProblem(response, .conflict, code: "invalid-transition")
                    #expect(problem.dossierStatus == status.rawValue, "\(action.name) from \(status)")
                    #expect(problem.detail?.contains(status.rawValue) == true, "\(problem.detail ?? "-")")
                    try await expectUnchanged(dossier.code, before, env, as: world.admin)
                }
            }
        }
    }

    /// Roles that may not perform an action get 403, from the status where the action is allowed.
    @Test func forbiddenRolesAreRefusedWith403() async throws {
        let clock = ManualClock(actionDay)
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let cases: [(String, DossierStatus, [TestUser])] = [
                ("accept", .submitted, [world.leader, world.specialist, world.auditor, world.portal]),
                ("refuse", .submitted, [world.leader, world.specialist, world.auditor, world.portal]),
                ("request-supplement", .submitted, [world.leader, world.specialist, world.auditor, world.portal]),
                ("assign", .received, [world.reception, world.specialist, world.auditor, world.portal]),
                ("forward", .inProgress, [world.reception, world.specialist2, world.auditor, world.portal]),
                ("request-supplement", .inProgress, [world.leader, world.specialist2, world.auditor, world.portal]),
                ("request-payment", .inProgress, [world.leader, world.specialist2, world.auditor, world.portal]),
                ("pay", .awaitingPayment, [world.leader, world.specialist, world.auditor]),
                ("supplement", .supplementRequested, [world.leader, world.specialist, world.auditor]),
                ("resolve", .inProgress, [world.reception, world.specialist, world.auditor, world.portal]),
                ("stop", .inProgress, [world.reception, world.specialist, world.auditor, world.portal]),
                ("return", .resolved, [world.leader, world.specialist, world.auditor, world.portal]),
                ("withdraw", .received, [world.leader, world.specialist, world.auditor]),
                ("apologize", .inProgress, [world.reception, world.specialist, world.auditor, world.portal]),
            ]
            for (name, status, users) in cases {
                let action = try #require(ActionCase.all.first { $0.name == name })
                let dossier = try await makeDossier(in: status, world, client)
                let before = try await env.dossierState(dossier.code)
                for user in users {
                    let response = try await client.act(name, dossier.code, action.body(world), as: user)
                    try expectProblem(response, .forbidden, code: "forbidden")
                }
                try await expectUnchanged(dossier.code, before, env, as: world.admin)
            }
        }
    }

    /// The assigned specialist works the dossier: forward, request a supplement, request payment.
    @Test func assignedSpecialistMayWorkTheDossier() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .inProgress, world, client)
            #expect(dossier.assignee == world.specialist.username)
            try await client.perform("request-payment", dossier.code, ActionBody.paymentRequest, as: world.specialist)
            try await client.perform("pay", dossier.code, ActionBody.payment, as: world.portal)
            try await client.perform("request-supplement", dossier.code, ActionBody.supplement(), as: world.specialist)
            try await client.perform("supplement", dossier.code, ActionBody.supplied, as: world.portal)
            let forwarded = try await client.perform("forward", dossier.code, ActionBody.forward(world.leader), as: world.specialist)
            #expect(forwarded.assignee == world.leader.username && forwarded.currentStep?.code == "phe-duyet")
            // No longer the assignee: the specialist cannot forward again.
            try expectProblem(
                try await client.act("forward", dossier.code, ActionBody.forward(world.specialist2), as: world.specialist), .forbidden,
                code: "forbidden")
            #expect(forwarded.fees.requested == 8000 && forwarded.fees.paid == 8000 && forwarded.fees.payments.count == 1)
        }
    }

    @Test func blankReasonsAndBadInputAreRefusedWithoutChange() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .inProgress, world, client)
            let before = try await env.dossierState(dossier.code)
            for (action, body) in [("stop", ["reason": "   "]), ("withdraw", ["reason": " "])] {
                let response = try await client.act(action, dossier.code, body, as: action == "stop" ? world.leader : world.reception)
                try expectProblem(response, .unprocessableContent, code: "validation-failed", invalidParams: ["reason"])
            }
            try expectProblem(try await client.act("forward", dossier.code, ["assignee": world.specialist2.username, "step": "no-such-step"],
                                                    as: world.leader), .unprocessableContent, code: "validation-failed")
            try expectProblem(try await client.act("forward", dossier.code, ["assignee": world.specialistB.username, "step": "phe-duyet"],
                                                    as: world.leader), .unprocessableContent, code: "validation-failed")
            try expectProblem(try await client.act("forward", dossier.code, ["assignee": "nobody.at.all", "step": "phe-duyet"],
                                                    as: world.leader), .unprocessableContent, code: "validation-failed")
            try await expectUnchanged(dossier.code, before, env, as: world.admin)
            let received = try await makeDossier(in: .received, world, client)
            let receivedBefore = try await env.dossierState(received.code)
            try expectProblem(try await client.act("assign", received.code, ActionBody.assign(world.specialist, step: "nope"), as: world.leader),
                              .unprocessableContent, code: "validation-failed")
            try await expectUnchanged(received.code, receivedBefore, env)
        }
    }

    @Test func ifMatchMismatchIs412AndChangesNothing() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .received, world, client)
            let got = try await client.get("/v1/dossiers/\(dossier.code)", token: world.leader.token)
            #expect(got.headers[.eTag] == "\"\(dossier.version)\"")
            let before = try await env.dossierState(dossier.code)
            let stale = try await client.act(
                "assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader, ifMatch: "\"\(dossier.version + 1)\"")
            try expectProblem(stale, .preconditionFailed, code: "version-mismatch")
            try await expectUnchanged(dossier.code, before, env)
            try expectProblem(
                try await client.act("assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader, ifMatch: "banana"),
                .badRequest, code: "malformed-request")
            let ok = try await client.act(
                "assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader, ifMatch: got.headers[.eTag])
            let updated = try expectJSON(ok, .ok, as: DossierView.self)
            #expect(updated.version == dossier.version + 1)
            // The old tag is now stale.
            try expectProblem(
                try await client.act("resolve", dossier.code, ActionBody.resolve, as: world.leader, ifMatch: got.headers[.eTag]),
                .preconditionFailed, code: "version-mismatch")
        }
    }

    /// Ten officers accept the same online dossier at once: exactly one wins.
    @Test func concurrentAcceptsHaveOneWinner() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock, environment: ["MOTCUA_DB_POOL_SIZE": "8", "MOTCUA_DB_POOL_TIMEOUT_MS": "30000"]) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .submitted, world, client)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await client.parallel("POST", "/v1/dossiers/\(dossier.code)/accept", json: EmptyBody(), token: world.reception.token).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == 409 }.count == 9, "\(statuses)")
            let state = try await env.dossierState(dossier.code)
            #expect(state.status == 2 && state.version == dossier.version + 1)
            #expect(try await env.eventCount(dossier.code, type: "accept") == 1)
        }
    }

    /// Form 02 lists only components of the procedure, and is sent at most once.
    @Test func supplementRequestRules() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .inProgress, world, client)
            let before = try await env.dossierState(dossier.code)
            let unknown = try await client.act("request-supplement", dossier.code, ActionBody.supplement(["GCS", "SOTAY"]), as: world.reception)
            try expectProblem(unknown, .unprocessableContent, code: "validation-failed", invalidParams: ["items[1].documentCode"])
            let empty = try await client.act("request-supplement", dossier.code, SupplementRequestBody(reason: "x", items: []), as: world.reception)
            #expect(empty.status.code == 422 || empty.status.code == 400)
            try await expectUnchanged(dossier.code, before, env)

            let requested = try await client.perform("request-supplement", dossier.code, ActionBody.supplement(["GCS", "TK01"]), as: world.reception)
            #expect(requested.status == .supplementRequested && requested.supplementRequests == 1)
            // Supplying an unknown component is refused too.
            let badSupply = try await client.act("supplement", dossier.code, ["documents": [FiledDocumentBody(code: "XX", name: "x")]], as: world.reception)
            try expectProblem(badSupply, .unprocessableContent, code: "validation-failed")
            let resumed = try await client.perform("supplement", dossier.code, ActionBody.supplied, as: world.reception)
            #expect(resumed.status == .inProgress && resumed.documents.first { $0.code == "GCS" }?.name == "Giấy chứng sinh (bản mới)")
            let limitBefore = try await env.dossierState(dossier.code)
            try expectProblem(
                try await client.act("request-supplement", dossier.code, ActionBody.supplement(), as: world.reception), .conflict,
                code: "supplement-limit")
            try expectProblem(
                try await client.act("request-supplement", dossier.code, ActionBody.supplement(), as: world.specialist), .conflict,
                code: "supplement-limit")
            try await expectUnchanged(dossier.code, limitBefore, env)
        }
    }

    /// A completion request at intake counts as the one Form 02: supplement, then accept, then no more requests.
    @Test func completionAtIntakeThenSupplementThenAccept() async throws {
        let clock = ManualClock(actionDay)
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await client.file(world.body(channel: "online", documents: ["TK01"]), as: world.portal)
            #expect(dossier.status == .submitted && dossier.acceptBy != nil && dossier.dueDate == nil)
            // Nothing to supplement yet.
            try expectProblem(try await client.act("supplement", dossier.code, ActionBody.supplied, as: world.portal), .conflict,
                              code: "invalid-transition")
            let asked = try await client.perform("request-supplement", dossier.code, ActionBody.supplement(), as: world.reception)
            #expect(asked.status == .submitted && asked.supplementRequests == 1 && asked.acceptBy == nil)
            clock.advance(by: 3600)
            let supplied = try await client.perform("supplement", dossier.code, ActionBody.supplied, as: world.portal)
            #expect(supplied.status == .submitted && supplied.acceptBy != nil && Set(supplied.documents.map(\.code)) == ["TK01", "GCS"])
            let accepted = try await client.perform("accept", dossier.code, as: world.reception)
            #expect(accepted.status == .received && accepted.dueDate != nil && accepted.acceptBy == nil)
            let assigned = try await client.perform("assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader)
            try expectProblem(
                try await client.act("request-supplement", assigned.code, ActionBody.supplement(), as: world.specialist), .conflict,
                code: "supplement-limit")
            let types = try await client.history(dossier.code, as: world.auditor).map(\.type)
            #expect(types == ["intake", "request_completion", "supplement", "accept", "assign"])
        }
    }

    /// The control slip: assign opens a step with a deadline from the step's hours; forward closes it
    /// early / on time / late; history lists everything in order with actors.
    @Test func controlSlipStepsAndHistory() async throws {
        let clock = ManualClock(actionDay)
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let calendar = WorkCalendar.standard
            let dossier = try await client.file(world.body(), as: world.reception)
            clock.advance(by: 600)
            let assignedAt = clock.now
            let assigned = try await client.perform("assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader)
            let step = try #require(assigned.currentStep)
            #expect(step.code == "tham-dinh" && step.assignee == world.specialist.username)
            #expect(step.deadline == calendar.addingWorkingHours(12, to: assignedAt), "tham-dinh is 12 working hours")
            // Early: finished on a day before the deadline's day.
            clock.advance(by: 3600)
            let toLeader = try await client.perform("forward", dossier.code, ActionBody.forward(world.leader), as: world.specialist)
            let second = try #require(toLeader.currentStep)
            #expect(second.code == "phe-duyet" && second.deadline == calendar.addingWorkingHours(4, to: clock.now))
            // Late: past the 4-hour deadline.
            clock.set(second.deadline.addingTimeInterval(60))
            let toDesk = try await client.perform("forward", dossier.code, ActionBody.forward(world.reception, step: "tra-ket-qua"), as: world.leader)
            // On time: the same day, before the deadline.
            let third = try #require(toDesk.currentStep)
            clock.advance(by: 60)
            #expect(LocalDate(vietnam: clock.now) == LocalDate(vietnam: third.deadline) || clock.now < third.deadline)
            let resolved = try await client.perform("resolve", dossier.code, ActionBody.resolve, as: world.leader)
            #expect(resolved.status == .resolved && resolved.finishedAt != nil)
            #expect(resolved.currentStep == nil, "the last step closed with the resolution")
            try await client.perform("return", dossier.code, as: world.reception)

            let history = try await client.history(dossier.code, as: world.reception)
            #expect(history.map(\.type) == ["intake", "assign", "forward", "forward", "resolve", "return"])
            #expect(history.map(\.actor) == [
                world.reception.username, world.leader.username, world.specialist.username, world.leader.username,
                world.leader.username, world.reception.username,
            ])
            #expect(history.map(\.toStatus) == ["received", "in_progress", "in_progress", "in_progress", "resolved", "returned"])
            #expect(history[1].step == "tham-dinh" && history[1].stepDeadline == step.deadline)
            #expect(history[2].timeliness == "early" && history[2].data["closedStep"]?.string == "tham-dinh")
            #expect(history[3].timeliness == "late" && history[3].data["closedStep"]?.string == "phe-duyet")
            #expect(history[4].data["closedStep"]?.string == "tra-ket-qua")
            let expected = StepTimeliness.of(deadline: third.deadline, completedAt: clock.now).rawValue
            #expect(history[4].timeliness == expected)
            #expect(zip(history, history.dropFirst()).allSatisfy { $0.at <= $1.at })
            // The steps as stored: all closed, in order.
            let rows = try await env.pool.query("""
                SELECT s.step_code, s.timeliness FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id
                WHERE d.code = \(dossier.code) ORDER BY s.id
                """)
            let steps = try rows.map { (try $0.decode(String.self, at: 0), try $0.decode(String?.self, at: 1)) }
            #expect(steps.map(\.0) == ["tham-dinh", "phe-duyet", "tra-ket-qua"])
            #expect(steps.map(\.1) == ["early", "late", expected])
        }
    }

    /// A step closed on the deadline's day before the deadline is on time.
    @Test func stepFinishedOnTheDeadlineDayIsOnTime() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "08:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await client.file(world.body(), as: world.reception)
            let assigned = try await client.perform(
                "assign", dossier.code, ActionBody.assign(world.leader, step: "phe-duyet"), as: world.leader)
            let deadline = try #require(assigned.currentStep?.deadline)
            #expect(LocalDate(vietnam: deadline) == LocalDate(2026, 3, 2))  // 4 working hours from 08:00 → 13:30
            clock.set(deadline.addingTimeInterval(-60))
            try await client.perform("forward", dossier.code, ActionBody.forward(world.reception, step: "tra-ket-qua"), as: world.leader)
            let history = try await client.history(dossier.code, as: world.leader)
            #expect(history.last?.timeliness == "on_time")
        }
    }

    /// No action of another unit's officer reaches a dossier: 404 as for an unknown code, nothing changes.
    @Test func otherUnitsOfficersGet404OnEveryReadAndAction() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let other = try await env.makeProvince(communes: 1)
            let foreignAdmin = try await env.makeAdmin(other)
            let foreignPortal = try await env.makeUser([.portal], unit: other.code)
            for status in [DossierStatus.submitted, .received, .inProgress, .resolved] {
                let dossier = try await makeDossier(in: status, world, client)
                let before = try await env.dossierState(dossier.code)
                for user in [world.receptionB, world.leaderB, world.specialistB, foreignAdmin, foreignPortal] {
                    try expectProblem(try await client.get("/v1/dossiers/\(dossier.code)", token: user.token), .notFound, code: "not-found")
                    try expectProblem(try await client.get("/v1/dossiers/\(dossier.code)/history", token: user.token), .notFound, code: "not-found")
                    for action in ActionCase.all {
                        try expectProblem(try await client.act(action.name, dossier.code, action.body(world), as: user), .notFound, code: "not-found")
                    }
                    let provinceWide = !Set(user.record.roles).isDisjoint(with: [.portal, .admin])
                    try expectProblem(try await client.send(.post, "/v1/dossiers/\(dossier.code)/rating", json: RatingBody(), token: user.token),
                                      provinceWide ? .notFound : .forbidden, code: provinceWide ? "not-found" : "forbidden")
                    let listed = try await client.listAll("", as: user)
                    #expect(!listed.contains { $0.code == dossier.code })
                    let filtered = try await client.listAll("unit=\(world.unitA)", as: user)
                    #expect(!filtered.contains { $0.code == dossier.code })
                }
                try await expectUnchanged(dossier.code, before, env)
                // Province-wide accounts see it.
                for user in [world.admin, world.portal, world.auditor, world.reception, world.leader] {
                    _ = try await client.dossier(dossier.code, as: user)
                    _ = try await client.history(dossier.code, as: user)
                    #expect(try await client.listAll("", as: user).contains { $0.code == dossier.code })
                }
            }
        }
    }

    /// A dossier received by A and handled by B is visible to both (and acted on by B's leader), not to C.
    @Test func receivingAndHandlingUnitsBothSeeTheDossier() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let receptionC = try await env.makeUser([.reception], unit: world.unitC)
            let dossier = try await client.file(world.body(handling: world.unitB), as: world.reception)
            #expect(dossier.receivingUnit == world.unitA && dossier.handlingUnit == world.unitB)
            for user in [world.reception, world.leader, world.receptionB, world.leaderB, world.specialistB] {
                _ = try await client.dossier(dossier.code, as: user)
                #expect(try await client.listAll("", as: user).contains { $0.code == dossier.code })
            }
            #expect(try await client.listAll("unit=\(world.unitB)", as: world.reception).contains { $0.code == dossier.code })
            #expect(try await client.listAll("unit=\(world.unitA)", as: world.receptionB).contains { $0.code == dossier.code })
            try expectProblem(try await client.get("/v1/dossiers/\(dossier.code)", token: receptionC.token), .notFound, code: "not-found")
            #expect(try await client.listAll("", as: receptionC).isEmpty)
            #expect(try await client.listAll("unit=\(world.unitA)", as: receptionC).isEmpty)
            // The handling unit's officers are assigned; A's specialist is not an officer of B.
            try expectProblem(
                try await client.act("assign", dossier.code, ActionBody.assign(world.specialist), as: world.leader),
                .unprocessableContent, code: "validation-failed")
            let assigned = try await client.perform("assign", dossier.code, ActionBody.assign(world.specialistB), as: world.leaderB)
            #expect(assigned.assignee == world.specialistB.username)
            // Both units see it under the assignee filter.
            #expect(try await client.listAll("assignee=\(world.specialistB.username)", as: world.reception).map(\.code) == [dossier.code])
        }
    }
}
