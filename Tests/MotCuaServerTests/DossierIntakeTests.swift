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

@Suite struct DossierIntakeTests {
    @Test func theFourDigitSequenceGrowsAFifthDigitInsteadOfWrapping() async throws {
        let clock = ManualClock(actionDay)
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            // The code is built in SQL from the counter (DossierStore.insertQuery) and must read as DossierCode does.
            try await env.pool.execute("""
                INSERT INTO dossier_counters (agency, day, last_seq) VALUES (\(world.unitA), '2026-03-02', 9998)
                """)
            let codes = [try await client.file(world.body(), as: world.reception).code, try await client.file(world.body(), as: world.reception).code]
            #expect(codes == ["\(world.unitA)-260302-9999", "\(world.unitA)-260302-10000"])
            #expect(codes.compactMap { DossierCode(parsing: $0)?.description } == codes)
        }
    }

    @Test func counterIntakeIsReceivedWithCodeDueDateAndLookupKey() async throws {
        let clock = ManualClock(actionDay)
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let response = try await client.intake(world.body(), as: world.reception)
            let dossier = try expectJSON(response, .created, as: DossierView.self)
            #expect(dossier.code == "\(world.unitA)-260302-0001")
            #expect(response.headers[.location] == "/v1/dossiers/\(dossier.code)")
            #expect(response.headers[.eTag] == "\"\(dossier.version)\"")
            #expect(dossier.status == .received && dossier.statusCode == 2 && dossier.channel == .counter)
            #expect(dossier.receivingUnit == world.unitA && dossier.handlingUnit == world.unitA)
            #expect(dossier.startDate == "2026-03-02" && dossier.dueDate == "2026-03-05" && dossier.appointmentDate == "2026-03-05")
            #expect(dossier.timeliness == .withinDeadline && dossier.acceptBy == nil)
            #expect(dossier.lookupKey.count == 12 && dossier.procedure.version == 1 && dossier.procedure.code == world.procedureCode)
            #expect(dossier.applicant.idNumber == "001190012345")
            let second = try await client.file(world.body(), as: world.reception)
            #expect(second.code == "\(world.unitA)-260302-0002")
            // A new procedure version does not change the dossier's pinned version.
            try await env.publishProcedure(DossierWorld.procedureBody(processingDays: 5), code: world.procedureCode, as: world.admin)
            #expect(try await client.dossier(dossier.code, as: world.leader).procedure.version == 1)
            let third = try await client.file(world.body(), as: world.reception)
            #expect(third.procedure.version == 2 && third.dueDate == "2026-03-09")
            let history = try await client.history(dossier.code, as: world.reception)
            #expect(history.map(\.type) == ["intake"] && history[0].actor == world.reception.username && history[0].toStatus == "received")
        }
    }

    @Test func onlineIntakeBySubmittedWithAcceptBy() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "08:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await client.file(world.body(channel: "online", handling: world.unitB), as: world.portal)
            #expect(dossier.status == .submitted && dossier.statusCode == 1 && dossier.dueDate == nil && dossier.timeliness == nil)
            #expect(dossier.acceptBy == WorkCalendar.standard.addingWorkingHours(8, to: clock.now))
            #expect(dossier.acceptBy == Instant.vn("2026-03-03", "08:00"))
            #expect(dossier.handlingUnit == world.unitB)
            // Accepting starts the clock.
            clock.advance(by: 3600)
            let accepted = try await client.perform("accept", dossier.code, as: world.reception)
            #expect(accepted.status == .received && accepted.dueDate == "2026-03-05" && accepted.receivedAt == clock.now)
        }
    }

    @Test func intakeRefusals() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let other = try await env.makeProvince(communes: 1)
            // Wrong roles.
            try expectProblem(try await client.intake(world.body(channel: "online"), as: world.reception), .forbidden, code: "forbidden")
            try expectProblem(try await client.intake(world.body(), as: world.portal), .forbidden, code: "forbidden")
            for user in [world.leader, world.specialist, world.auditor] {
                try expectProblem(try await client.intake(world.body(), as: user), .forbidden, code: "forbidden")
            }
            // An officer receives at their own desk only.
            try expectProblem(try await client.intake(world.body(receiving: world.unitB), as: world.reception), .forbidden, code: "forbidden")
            // Units must be communes of the caller's province.
            try expectProblem(try await client.intake(world.body(handling: other.commune), as: world.reception),
                              .unprocessableContent, code: "validation-failed", invalidParams: ["handlingUnit"])
            try expectProblem(try await client.intake(world.body(handling: world.province.code), as: world.reception),
                              .unprocessableContent, code: "validation-failed", invalidParams: ["handlingUnit"])
            try expectProblem(try await client.intake(world.body(channel: "online", receiving: other.commune, handling: other.commune), as: world.portal),
                              .unprocessableContent, code: "validation-failed", invalidParams: ["handlingUnit", "receivingUnit"])
            // Documents: a counter dossier must be complete, and every component must belong to the procedure.
            try expectProblem(try await client.intake(world.body(documents: ["TK01"]), as: world.reception),
                              .unprocessableContent, code: "validation-failed", invalidParams: ["documents"])
            try expectProblem(try await client.intake(world.body(documents: ["TK01", "GCS", "HOCHIEU"]), as: world.reception),
                              .unprocessableContent, code: "validation-failed", invalidParams: ["documents[2].code"])
            var unknownProcedure = world.body()
            unknownProcedure.procedureCode = try await env.unusedProcedureCode()
            try expectProblem(try await client.intake(unknownProcedure, as: world.reception),
                              .unprocessableContent, code: "validation-failed", invalidParams: ["procedureCode"])
            var blank = world.body()
            blank.applicant.fullName = "   "
            try expectProblem(try await client.intake(blank, as: world.reception), .unprocessableContent, code: "validation-failed")
            let bad = try await client.send(.post, "/v1/dossiers", raw: #"{"procedureCode": 1}"#, token: world.reception.token)
            #expect(bad.status.code == 422 || bad.status.code == 400)
            #expect(try await client.post("/v1/dossiers", json: world.body()).status == .unauthorized)
            // Nothing was filed, and no code was used up.
            let count = try await env.pool.query("SELECT count(*) FROM dossiers WHERE province = \(world.province.code)").first!.decode(Int.self, at: 0)
            #expect(count == 0)
            #expect(try await client.file(world.body(), as: world.reception).code.hasSuffix("-0001"))
        }
    }

    @Test func idempotentIntakeReplaysTheOriginalResponse() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let key = UUID().uuidString
            let first = try await client.intake(world.body(), as: world.reception, idempotencyKey: key)
            let original = try expectJSON(first, .created, as: DossierView.self)
            let again = try await client.intake(world.body(), as: world.reception, idempotencyKey: key)
            let replayed = try expectJSON(again, .created, as: DossierView.self)
            #expect(replayed.code == original.code && replayed.lookupKey == original.lookupKey && replayed.version == original.version)
            #expect(again.headers[.location] == first.headers[.location])
            // The same key with another body is a conflict and files nothing.
            let changed = try await client.intake(world.body(name: "Trần Văn Bình"), as: world.reception, idempotencyKey: key)
            try expectProblem(changed, .conflict, code: "idempotency-conflict")
            // Keys are per caller: another officer's identical key is a new dossier.
            let reception2 = try await env.makeUser([.reception], unit: world.unitA)
            let other = try await client.file(world.body(), as: reception2)
            let otherKeyed = try expectJSON(try await client.intake(world.body(), as: reception2, idempotencyKey: key), .created, as: DossierView.self)
            #expect(otherKeyed.code != original.code && other.code != original.code)
            let count = try await env.pool.query("SELECT count(*) FROM dossiers WHERE province = \(world.province.code)").first!.decode(Int.self, at: 0)
            #expect(count == 3)
            // The key's shape is the contract's: 1-200 visible ASCII characters (200 was once refused).
            let longest = try await client.intake(world.body(name: "Lê Văn Dài"), as: world.reception, idempotencyKey: String(repeating: "k", count: 200))
            #expect(longest.status == .created)
            for bad in [String(repeating: "k", count: 201), "has space", "khóa"] {
                try expectProblem(
                    try await client.intake(world.body(), as: world.reception, idempotencyKey: bad), .badRequest, code: "malformed-request",
                    invalidParams: ["Idempotency-Key"])
            }
        }
    }

    @Test func twentyConcurrentSameKeyIntakesFileOneDossier() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock, environment: ["MOTCUA_DB_POOL_SIZE": "8", "MOTCUA_DB_POOL_TIMEOUT_MS": "30000"]) { client, env in
            let world = try await env.makeDossierWorld()
            let key = UUID().uuidString
            let body = world.body()
            let results = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let response = try await client.parallel(
                            "POST", "/v1/dossiers", json: body, token: world.reception.token, headers: ["Idempotency-Key": key])
                        return (response.status, try? response.decode(DossierView.self).code)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0.0 == 201 }, "\(results.map(\.0))")
            #expect(Set(results.map(\.1)).count == 1)
            let count = try await env.pool.query("SELECT count(*) FROM dossiers WHERE province = \(world.province.code)").first!.decode(Int.self, at: 0)
            #expect(count == 1)
        }
    }

    @Test func hundredConcurrentIntakesGetConsecutiveCodes() async throws {
        try await withTestApp(clock: ManualClock(actionDay).serverClock, environment: ["MOTCUA_DB_POOL_SIZE": "8", "MOTCUA_DB_POOL_TIMEOUT_MS": "30000"]) { client, env in
            let world = try await env.makeDossierWorld()
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for index in 0..<100 {
                    group.addTask {
                        let body = world.body(channel: index.isMultiple(of: 2) ? "counter" : "online", name: "Người nộp \(index)")
                        let user = index.isMultiple(of: 2) ? world.reception : world.portal
                        let response = try await client.parallel("POST", "/v1/dossiers", json: body, token: user.token)
                        return (response.status, try? response.decode(DossierView.self).code)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0.0 == 201 }, "\(statuses.map(\.0))")
            let codes = statuses.compactMap(\.1)
            #expect(Set(codes).count == 100)
            let sequences = codes.compactMap { code -> Int? in
                guard code.hasPrefix("\(world.unitA)-260302-") else { return nil }
                return Int(code.split(separator: "-").last!)
            }.sorted()
            #expect(sequences == Array(1...100))
        }
    }

    /// Dossier codes restart per agency and per day (Asia/Ho_Chi_Minh).
    @Test func codesArePerAgencyAndLocalDay() async throws {
        // 23:30 UTC on 1 March is 06:30 on 2 March in Hà Nội.
        let clock = ManualClock(Instant.vn("2026-03-02", "06:30"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            #expect(try await client.file(world.body(), as: world.reception).code == "\(world.unitA)-260302-0001")
            #expect(try await client.file(world.body(receiving: world.unitB), as: world.receptionB).code == "\(world.unitB)-260302-0001")
            clock.set(vn: "2026-03-03", "00:05")
            #expect(try await client.file(world.body(), as: world.reception).code == "\(world.unitA)-260303-0001")
        }
    }
}
