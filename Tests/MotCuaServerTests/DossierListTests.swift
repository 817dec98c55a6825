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

@Suite struct DossierListTests {
    /// A list paged while an online dossier of a later page is accepted: every dossier once, in the
    /// order the first page began (accepting does not move a dossier to the top).
    @Test func pagingNeverSkipsAnOnlineDossierAcceptedMeanwhile() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "08:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            var filed: [String] = []
            for index in 0..<6 {
                clock.advance(by: 600)
                filed.append(try await client.file(world.body(channel: index < 3 ? "online" : "counter"), as: index < 3 ? world.portal : world.reception).code)
            }
            let newestFirst = Array(filed.reversed())
            let first: DossierPageBody = try expectJSON(try await client.get("/v1/dossiers?limit=2", token: world.reception.token))
            #expect(first.items.map(\.code) == Array(newestFirst.prefix(2)))
            clock.advance(by: 600)
            try await client.perform("accept", filed[0], as: world.reception)  // the oldest, on the last page
            var seen = first.items.map(\.code)
            var cursor = first.nextCursor
            while let next = cursor {
                let page: DossierPageBody = try expectJSON(try await client.get("/v1/dossiers?limit=2&cursor=\(next)", token: world.reception.token))
                seen += page.items.map(\.code)
                cursor = page.nextCursor
            }
            #expect(seen == newestFirst)
        }
    }

    /// Every filter of the contract's `GET /v1/dossiers` on a small, known set of dossiers.
    @Test func everyFilter() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let second = try await env.publishProcedure(DossierWorld.procedureBody(processingDays: 5), as: world.admin)
            var otherProcedure = world.body(name: "Lê Đức Thọ")
            otherProcedure.procedureCode = second.code

            // 2 March: Ánh (A), Bình (handled by B); 3 March: Thọ (other procedure), an online one; 4 March: Bình received by B.
            let anh = try await client.file(world.body(name: "Nguyễn Thị Ánh"), as: world.reception)
            let binh = try await client.file(world.body(handling: world.unitB, name: "Trần Văn Bình"), as: world.reception)
            clock.set(vn: "2026-03-03", "10:00")
            let tho = try await client.file(otherProcedure, as: world.reception)
            let online = try await client.file(world.body(channel: "online", name: "Phạm Ngọc Ánh"), as: world.portal)
            clock.set(vn: "2026-03-04", "11:00")
            let atB = try await client.file(world.body(receiving: world.unitB, name: "Đỗ Văn Bình"), as: world.receptionB)
            try await client.perform("assign", anh.code, ActionBody.assign(world.specialist), as: world.leader)
            try await client.perform("assign", tho.code, ActionBody.assign(world.specialist2), as: world.leader)
            try await client.perform("assign", binh.code, ActionBody.assign(world.specialistB), as: world.leaderB)

            func codes(_ query: String, as user: TestUser? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
                try await client.listAll(query, as: user ?? world.admin, sourceLocation: sourceLocation).map(\.code)
            }
            // Newest first, then by code.
            #expect(try await codes("") == [atB.code, online.code, tho.code, binh.code, anh.code])
            #expect(try await codes("", as: world.auditor) == [atB.code, online.code, tho.code, binh.code, anh.code])
            #expect(try await codes("", as: world.reception) == [online.code, tho.code, binh.code, anh.code])
            #expect(try await codes("", as: world.receptionB) == [atB.code, binh.code])
            // status
            #expect(try await codes("status=in_progress") == [tho.code, binh.code, anh.code])
            #expect(try await codes("status=submitted") == [online.code])
            #expect(try await codes("status=received") == [atB.code])
            #expect(try await codes("status=returned").isEmpty)
            // procedure
            #expect(try await codes("procedure=\(second.code)") == [tho.code])
            #expect(try await codes("procedure=\(world.procedureCode)&status=in_progress") == [binh.code, anh.code])
            // unit: receiving or handling
            #expect(try await codes("unit=\(world.unitB)") == [atB.code, binh.code])
            #expect(try await codes("unit=\(world.unitA)") == [online.code, tho.code, binh.code, anh.code])
            #expect(try await codes("unit=\(world.unitB)", as: world.reception) == [binh.code])
            #expect(try await codes("unit=\(world.unitC)").isEmpty)
            #expect(try await codes("unit=\(world.unitB)&status=received") == [atB.code])
            // assignee
            #expect(try await codes("assignee=\(world.specialist.username)") == [anh.code])
            #expect(try await codes("assignee=\(world.specialistB.username)", as: world.leader) == [binh.code])
            #expect(try await codes("assignee=nobody.here").isEmpty)
            // dueBefore: Ánh and Bình are due 5 March, Thọ (5 days) 10 March, atB 9 March.
            #expect(try await codes("dueBefore=2026-03-05") == [binh.code, anh.code])
            #expect(try await codes("dueBefore=2026-03-09") == [atB.code, binh.code, anh.code])
            #expect(try await codes("dueBefore=2026-03-04").isEmpty)
            // receivedFrom / receivedTo (local dates, inclusive)
            #expect(try await codes("receivedFrom=2026-03-03") == [atB.code, online.code, tho.code])
            #expect(try await codes("receivedTo=2026-03-02") == [binh.code, anh.code])
            #expect(try await codes("receivedFrom=2026-03-03&receivedTo=2026-03-03") == [online.code, tho.code])
            // q: accent-insensitive on the applicant's name, and the code.
            #expect(try await codes("q=" + query("anh")) == [online.code, anh.code])
            #expect(try await codes("q=" + query("nguyen thi")) == [anh.code])
            #expect(try await codes("q=" + query("NGUYỄN THỊ ÁNH")) == [anh.code])
            #expect(try await codes("q=" + query("binh")) == [atB.code, binh.code])
            #expect(try await codes("q=" + query("bình") + "&unit=\(world.unitA)") == [binh.code])
            #expect(try await codes("q=" + query(tho.code)) == [tho.code])
            #expect(try await codes("q=" + query(tho.code.lowercased())) == [tho.code])
            #expect(try await codes("q=" + query(String(tho.code.suffix(11)))) == [tho.code])
            #expect(try await codes("q=" + query("100%_")).isEmpty)
            // overdue
            clock.set(vn: "2026-03-06", "09:00")
            #expect(try await codes("overdue=true") == [binh.code, anh.code])
            #expect(try await codes("overdue=false") == [atB.code, online.code, tho.code])
            #expect(try await codes("overdue=true", as: world.receptionB) == [binh.code])
            #expect(try await codes("overdue=true&assignee=\(world.specialist.username)&procedure=\(world.procedureCode)") == [anh.code])
            // Bad parameters are 400s.
            for bad in ["status=lost", "dueBefore=2026-13-01", "receivedFrom=yesterday", "receivedTo=2026-02-30", "overdue=maybe", "limit=ten"] {
                let response = try await client.get("/v1/dossiers?" + bad, token: world.admin.token)
                #expect(response.status == .badRequest || response.status == .unprocessableContent, "\(bad): \(response.status)")
            }
        }
    }

    /// Keyset pages over more than one page: no duplicates, no gaps, the same order as one big page,
    /// also when many dossiers share a timestamp.
    @Test func keysetPaginationHasNoDuplicatesOrGaps() async throws {
        let clock = ManualClock(Instant.vn("2026-03-02", "09:00"))
        try await withTestApp(clock: clock.serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            var filed: [String] = []
            for index in 0..<23 {
                if index.isMultiple(of: 4) { clock.advance(by: 1) }  // ties of four at each instant
                filed.append(try await client.file(world.body(handling: index.isMultiple(of: 3) ? world.unitB : nil), as: world.reception).code)
            }
            let all = try await client.listAll("", limit: 500, as: world.reception).map(\.code)
            #expect(all == filed.reversed())
            for size in [1, 4, 5, 7, 22, 23] {
                let paged = try await client.listAll("", limit: size, as: world.reception).map(\.code)
                #expect(paged == all, "limit \(size)")
            }
            let first = try await client.list("limit=23", as: world.reception)
            #expect(first.items.count == 23 && first.nextCursor == nil)
            let partial = try await client.list("limit=10", as: world.reception)
            #expect(partial.items.count == 10 && partial.nextCursor != nil)
            // A filtered, two-branch query (unit scope) pages the same way.
            let handledByB = try await client.listAll("unit=\(world.unitB)", limit: 3, as: world.admin).map(\.code)
            #expect(handledByB == all.filter { filed.firstIndex(of: $0)!.isMultiple(of: 3) })
            // A dossier filed while paging appears on no later page (it is newer than the cursor).
            let page1 = try await client.list("limit=5", as: world.reception)
            clock.advance(by: 60)
            _ = try await client.file(world.body(), as: world.reception)
            let page2 = try await client.list("limit=5&cursor=\(query(page1.nextCursor!))", as: world.reception)
            #expect(page2.items.map(\.code) == Array(all[5..<10]))
        }
    }

    @Test func invalidCursorIs400() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let forged = Data(#"["yesterday","X"]"#.utf8).base64EncodedString()
            let wrongCount = Data(#"["2026-03-02 02:00:00.000000+00"]"#.utf8).base64EncodedString()
            for cursor in ["abc", "!!!", forged, wrongCount, String(repeating: "A", count: 400)] {
                let response = try await client.get("/v1/dossiers?cursor=\(query(cursor))", token: world.admin.token)
                try expectProblem(response, .badRequest, code: "malformed-request")
            }
        }
    }

    /// Paging with real (microsecond) timestamps from the system clock.
    @Test func paginationWithSystemClockTimestamps() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            var filed: [String] = []
            for _ in 0..<12 { filed.append(try await client.file(world.body(), as: world.reception).code) }
            let paged = try await client.listAll("", limit: 5, as: world.reception).map(\.code)
            #expect(paged == filed.reversed())
        }
    }
}
