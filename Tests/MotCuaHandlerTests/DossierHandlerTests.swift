import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaFoundation
@testable import MotCuaServer
@testable import MotCuaStore
import MotCuaTestSupport
import NIOCore
import OpenAPIRuntime
import Testing

/// What the dossier handlers make of the store's answers: the JSON, ETags, headers and problems, the
/// commands and filters they ask for, on scripted answers (`ScriptedDossiers`) without a database.
/// The rules behind the answers are tested against PostgreSQL (`DossierActionTests` and the others).
@Suite struct DossierHandlerTests {
    /// Monday 2 March 2026, 09:00 in Vietnam.
    static let monday = LocalDate(iso: "2026-03-02")!.instant(at: LocalTime(iso: "09:00")!)

    @Test func aDossierIsTheStoresRecordWithItsETagButtonsAndTimelinessAtTheServersNow() async throws {
        let clock = ManualClock(Self.monday)
        let asked = LockedValue<[String]>([])
        var dossiers = ScriptedDossiers()
        dossiers.get = { code, principal in
            asked.withLock { $0.append(principal.username) }
            return .sample(code: code, unit: principal.unitCode, province: principal.province, version: 4, receivedAt: Self.monday)
        }
        try await withTestApp(storage: .memory, dossiers: dossiers, clock: clock.serverClock) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let path = "/v1/dossiers/\(province.commune)-260302-0001"
            let response = try await client.get(path, token: leader.token)
            let dossier = try expectJSON(response, as: Components.Schemas.Dossier.self)
            #expect(response.headers[.eTag] == "\"4\"")
            #expect(dossier.code == "\(province.commune)-260302-0001" && dossier.version == 4 && dossier.status == .received)
            #expect(dossier.statusCode == 2 && dossier.dueDate == "2026-03-05" && dossier.applicant.phone == "0912345678")
            #expect(dossier.allowedActions?.contains(.assign) == true, "a leader of the handling unit assigns it")
            #expect(dossier.timeliness == .withinDeadline)
            #expect(asked.value == [leader.username], "the store is asked for what the caller may see")

            clock.set(LocalDate(iso: "2026-03-06")!.instant(at: LocalTime(iso: "09:00")!))
            let later = try expectJSON(try await client.get(path, token: leader.token), as: Components.Schemas.Dossier.self)
            #expect(later.timeliness == .overdue, "timeliness is judged at the server's now")
        }
    }

    @Test func aDossierTheStoreDoesNotGiveIs404Everywhere() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let code = "\(province.commune)-260302-0001"
            try expectProblem(try await client.get("/v1/dossiers/\(code)", token: leader.token), .notFound, code: "not-found")
            try expectProblem(try await client.get("/v1/dossiers/\(code)/history", token: leader.token), .notFound, code: "not-found")
            try expectProblem(try await client.post("/v1/dossiers/\(code)/accept", json: [String: String](), token: leader.token), .notFound, code: "not-found")
        }
    }

    static let refusals: [(StoreError, HTTPResponse.Status, String)] = [
        (.versionMismatch(current: 5), .preconditionFailed, "version-mismatch"),
        (.conflict(code: "supplement-limit", detail: "Once per dossier."), .conflict, "supplement-limit"),
        (.invalidTransition(detail: "Returned already.", status: "returned"), .conflict, "invalid-transition"),
        (.invalid(field: "assignee", reason: "is not an active officer of the unit"), .unprocessableContent, "validation-failed"),
        (.forbidden("Only leaders assign."), .forbidden, "forbidden"),
    ]

    @Test(arguments: 0..<refusals.count)
    func aRefusalOfTheStoreIsItsProblem(index: Int) async throws {
        let (error, status, code) = Self.refusals[index]
        var dossiers = ScriptedDossiers()
        dossiers.perform = { _, _, _, _ in throw error }
        try await withTestApp(storage: .memory, dossiers: dossiers) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let response = try await client.post(
                "/v1/dossiers/\(province.commune)-260302-0001/assign", json: ["assignee": "chuyenvien.a"], token: leader.token)
            let problem = try expectProblem(response, status, code: code)
            if code == "invalid-transition" { #expect(problem.dossierStatus == "returned") }
            if code == "validation-failed" { #expect(problem.invalidParams?.map(\.name) == ["assignee"]) }
        }
    }

    @Test func ifMatchIsTheVersionTheStoreChecks() async throws {
        let versions = LockedValue<[Int?]>([])
        var dossiers = ScriptedDossiers()
        dossiers.perform = { _, code, principal, ifMatch in
            versions.withLock { $0.append(ifMatch) }
            return .sample(code: code, unit: principal.unitCode, province: principal.province, status: .inProgress, version: 8)
        }
        try await withTestApp(storage: .memory, dossiers: dossiers) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let path = "/v1/dossiers/\(province.commune)-260302-0001/assign"
            let body = ByteBuffer(bytes: try JSON.encoder.encode(["assignee": "chuyenvien.a"]))
            for tag in [#""7""#, #"W/"7""#, "*", nil] {
                var headers: HTTPFields = [:]
                if let tag { headers[.ifMatch] = tag }
                let response = try await client.request(.post, path, token: leader.token, headers: headers, body: body)
                #expect(response.status == .ok && response.headers[.eTag] == "\"8\"", "\(tag ?? "none")")
            }
            #expect(versions.value == [7, 7, nil, nil])
            let malformed = try await client.request(.post, path, token: leader.token, headers: [.ifMatch: "\"seven\""], body: body)
            try expectProblem(malformed, .badRequest, code: "malformed-request")
            #expect(versions.value.count == 4, "a malformed If-Match never reaches the store")
        }
    }

    @Test func eachActionsBodyIsItsCommand() async throws {
        let commands = LockedValue<[DossierCommand]>([])
        var dossiers = ScriptedDossiers()
        dossiers.perform = { command, code, principal, _ in
            commands.withLock { $0.append(command) }
            return .sample(code: code, unit: principal.unitCode, province: principal.province, status: .inProgress)
        }
        try await withTestApp(storage: .memory, dossiers: dossiers) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader, .specialist, .reception], unit: province.commune)
            let base = "/v1/dossiers/\(province.commune)-260302-0001"
            func post(_ action: String, _ body: some Encodable) async throws {
                #expect(try await client.post("\(base)/\(action)", json: body, token: leader.token).status == .ok, "\(action)")
            }
            try await post("assign", ["assignee": "chuyenvien.a", "step": "THAM_DINH"])
            try await post("forward", ["step": "PHE_DUYET", "assignee": "lanhdao.a"])
            try await post("pay", PayBody(amount: 50_000, channel: "gateway"))
            try await post("request-supplement", SupplementBody(reason: "Thiếu", items: [["documentCode": "TK", "note": "Ký tên"]]))
            try await post("apologize", ["reason": "Chờ xác minh", "newAppointmentDate": "2026-03-20"])
            try await post("return", [String: String]())
        }
        #expect(commands.value == [
            .assign(assignee: "chuyenvien.a", step: "THAM_DINH"),
            .forward(step: "PHE_DUYET", assignee: "lanhdao.a", note: nil),
            .pay(amount: 50_000, channel: .gateway),
            .requestSupplement(reason: "Thiếu", items: [.init(documentCode: "TK", note: "Ký tên")]),
            .apologize(reason: "Chờ xác minh", newAppointmentDate: LocalDate(iso: "2026-03-20")!),
            .return,
        ])
    }

    @Test func theListsQueryIsTheStoresFilterAndItsPageTheAnswer() async throws {
        let clock = ManualClock(Self.monday)
        let asked = LockedValue<(DossierFilter, LocalDate, Int, String?)?>(nil)
        var dossiers = ScriptedDossiers()
        dossiers.list = { filter, principal, today, limit, cursor in
            asked.withLock { $0 = (filter, today, limit, cursor) }
            let items = (1...2).map { DossierRecord.sample(code: "\(principal.unitCode)-260302-000\($0)", unit: principal.unitCode, province: principal.province) }
            return Page(items: items, nextCursor: "next-page")
        }
        try await withTestApp(storage: .memory, dossiers: dossiers, clock: clock.serverClock) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let query = "status=in_progress&dueBefore=2026-03-10&receivedFrom=2026-02-01&q=%C3%81nh&overdue=true&limit=20&cursor=abc"
                + "&assignee=chuyenvien.a&updatedSince=2026-03-01T00:00:00Z"
            let page = try expectJSON(try await client.get("/v1/dossiers?\(query)", token: leader.token), as: Components.Schemas.DossierPage.self)
            #expect(page.items.map(\.code) == ["\(province.commune)-260302-0001", "\(province.commune)-260302-0002"])
            #expect(page.nextCursor?.value == "next-page")
            let (filter, today, limit, cursor) = try #require(asked.value)
            #expect(filter.status == .inProgress && filter.dueBefore == LocalDate(iso: "2026-03-10") && filter.receivedFrom == LocalDate(iso: "2026-02-01"))
            #expect(filter.search == "Ánh" && filter.overdue == true && filter.assignee == "chuyenvien.a" && filter.receivedTo == nil)
            #expect(filter.updatedSince == Date(timeIntervalSince1970: 1_772_323_200))
            #expect(today == LocalDate(iso: "2026-03-02") && limit == 20 && cursor == "abc")

            try expectProblem(try await client.get("/v1/dossiers?dueBefore=2026-02-30", token: leader.token), .badRequest, code: "malformed-request")
        }
    }

    @Test func anIntakeAnswersTheNewDossierOrTheFirstResponseToItsKey() async throws {
        let keys = LockedValue<[IdempotencyKey?]>([])
        var dossiers = ScriptedDossiers()
        dossiers.intake = { request, principal, key, render in
            keys.withLock { $0.append(key) }
            let record = DossierRecord.sample(code: "\(request.receivingUnit)-260302-0007", unit: request.receivingUnit, province: principal.province)
            guard key != nil else { return .created(record) }
            // What the first request with this key was answered, kept by the store: another version.
            return .replayed(response: try render(.sample(code: record.code, unit: record.receivingUnit, province: record.province, version: 3)))
        }
        try await withTestApp(storage: .memory, dossiers: dossiers) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let reception = try await env.makeUser([.reception], unit: province.commune)
            let body = IntakeBody(receivingUnit: province.commune)
            let created = try await client.post("/v1/dossiers", json: body, token: reception.token)
            let first = try expectJSON(created, .created, as: Components.Schemas.Dossier.self)
            #expect(created.headers[.location] == "/v1/dossiers/\(first.code)" && created.headers[.eTag] == "\"1\"")

            let key = String(repeating: "k", count: 200)  // the contract's longest key
            let replayed = try await client.send(.post, "/v1/dossiers", json: body, token: reception.token, headers: [HTTPField.Name("Idempotency-Key")!: key])
            let again = try expectJSON(replayed, .created, as: Components.Schemas.Dossier.self)
            #expect(again.code == first.code && again.version == 3, "the stored response, as it was kept")
            #expect(replayed.headers[.location] == created.headers[.location] && replayed.headers[.eTag] == "\"3\"")
            #expect(keys.value.count == 2 && keys.value.first == .some(nil), "no key, then the caller's")
            let sent = try #require(keys.value.last ?? nil)
            #expect(sent.key == key && sent.requestHash.count == 64, "the key and a SHA-256 of the body")
        }
    }

    @Test func theCountsAreTheStoresFiguresWithDueSoonMeaningTheNextWorkingDay() async throws {
        let friday = LocalDate(iso: "2026-03-06")!.instant(at: LocalTime(iso: "16:00")!)
        let asked = LockedValue<(String?, LocalDate, LocalDate)?>(nil)
        var dossiers = ScriptedDossiers()
        dossiers.counts = { unit, _, today, dueSoonBy in
            asked.withLock { $0 = (unit, today, dueSoonBy) }
            return DossierCounts(byStatus: [.received: 2, .inProgress: 1, .resolved: 4], overdue: 1, dueSoon: 2)
        }
        try await withTestApp(storage: .memory, dossiers: dossiers, clock: ManualClock(friday).serverClock) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let counts = try expectJSON(
                try await client.get("/v1/dossiers/counts?unit=\(province.commune)", token: leader.token), as: Components.Schemas.DossierCounts.self)
            #expect(counts.total == 7 && counts.open == 3 && counts.overdue == 1 && counts.dueSoon == 2 && counts.unit == province.commune)
            #expect(counts.byStatus.additionalProperties == ["received": 2, "in_progress": 1, "resolved": 4])
            let (unit, today, dueSoonBy) = try #require(asked.value)
            #expect(unit == province.commune && today == LocalDate(iso: "2026-03-06") && dueSoonBy == LocalDate(iso: "2026-03-09"))
        }
    }

    @Test func theHistoryIsTheStoresEventsWithTheirDetails() async throws {
        var dossiers = ScriptedDossiers()
        dossiers.history = { _, _ in
            [
                DossierStore.Event(
                    at: Self.monday, type: "intake", fromStatus: nil, toStatus: .received, actor: "tiepnhan.a", step: nil, stepDeadline: nil,
                    timeliness: nil, reason: nil, data: #"{"dueDate": "2026-03-05"}"#),
                DossierStore.Event(
                    at: Self.monday.addingTimeInterval(3600), type: "assign", fromStatus: .received, toStatus: .inProgress, actor: "lanhdao.a",
                    step: "THAM_DINH", stepDeadline: Self.monday.addingTimeInterval(3 * 86_400), timeliness: "on_time", reason: nil,
                    data: #"{"assignee": "chuyenvien.a"}"#),
            ]
        }
        try await withTestApp(storage: .memory, dossiers: dossiers) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let leader = try await env.makeUser([.leader], unit: province.commune)
            let history = try expectJSON(
                try await client.get("/v1/dossiers/\(province.commune)-260302-0001/history", token: leader.token),
                as: Components.Schemas.DossierHistory.self)
            #expect(history.items.map(\._type) == ["intake", "assign"])
            #expect(history.items[1].fromStatus == .received && history.items[1].toStatus == .inProgress && history.items[1].timeliness == .onTime)
            #expect(history.items[1].data.additionalProperties.value["assignee"] as? String == "chuyenvien.a")
            #expect(history.items[0].actor == "tiepnhan.a" && history.items[1].step == "THAM_DINH")
        }
    }
}

extension DossierHandlerTests {
    @Test func theCitizensLookupShowsTheDossierWithoutPersonalDataAndTellsNothingOnAWrongKey() async throws {
        var dossiers = ScriptedDossiers()
        dossiers.getPublic = { code in
            code.hasSuffix("-0001") ? .sample(code: code, unit: "T00.01", province: "T00", receivedAt: Self.monday) : nil
        }
        try await withTestApp(storage: .memory, dossiers: dossiers, clock: ManualClock(Self.monday).serverClock) { client, _ in
            let found = try await client.get("/v1/public/dossiers/T00.01-260302-0001?lookupKey=k7p2qx")
            let dossier = try expectJSON(found, as: Components.Schemas.PublicDossier.self)
            #expect(dossier.applicantName == "N***** T** Á**" && dossier.status == .received && dossier.dueDate == "2026-03-05")
            #expect(!found.text.contains("001190012345") && !found.text.contains("0912345678") && !found.text.contains("Nguyễn"))

            let wrongKey = try expectProblem(
                try await client.get("/v1/public/dossiers/T00.01-260302-0001?lookupKey=ABCDEF"), .notFound, code: "not-found")
            let unknown = try expectProblem(
                try await client.get("/v1/public/dossiers/T00.01-260302-0002?lookupKey=K7P2QX"), .notFound, code: "not-found")
            #expect(wrongKey.detail == unknown.detail, "a wrong key and an unknown code are told apart by nothing")
        }
    }
}

/// A counter intake of the demo procedure.
private struct IntakeBody: Encodable {
    var procedureCode = "1.001193"
    var receivingUnit: String
    var channel = "counter"
    var applicant = ["fullName": "Nguyễn Thị Ánh", "idNumber": "001190012345"]
    var documents = [["code": "TK", "name": "Tờ khai"]]
}

private struct PayBody: Encodable {
    var amount: Int64
    var channel: String
}

private struct SupplementBody: Encodable {
    var reason: String
    var items: [[String: String]]
}
