import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaTestSupport
import Testing

/// The national calendar and the deadline the server computes, through the real router on
/// in-memory stores (no database).
@Suite struct CatalogHandlerTests {
    @Test func onlyNationalAdminsCorrectTheCalendarAndACorrectionMovesDeadlinesAtOnce() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let admin = try await env.makeAdmin(province, national: false)
            let national = try await env.makeUser([.nationalAdmin], unit: province.code)
            let holiday = ["type": "holiday", "name": "Nghỉ đột xuất"]
            try expectProblem(try await client.put("/v1/calendar/days/2026-03-12", json: holiday, token: admin.token), .forbidden, code: "forbidden")
            let weekday = try await client.put("/v1/calendar/days/2026-03-12", json: ["type": "makeup_workday", "name": "Làm bù"], token: national.token)
            try expectProblem(weekday, .unprocessableContent, code: "validation-failed", invalidParams: ["type"])

            let path = "/v1/calendar/deadline?start=2026-03-11T02:00:00Z&value=1&unit=working_days"
            func dueDate() async throws -> String {
                try expectJSON(try await client.get(path, token: admin.token), as: Components.Schemas.Deadline.self).dueDate
            }
            #expect(try await dueDate() == "2026-03-12")
            #expect(try await client.put("/v1/calendar/days/2026-03-12", json: holiday, token: national.token).status == .ok)
            // Thursday 12 March is now a day off: the deadline moves to Friday at once.
            #expect(try await dueDate() == "2026-03-13")
            let blank = try await client.put("/v1/calendar/days/2026-03-13", json: ["type": "holiday", "name": " "], token: national.token)
            try expectProblem(blank, .unprocessableContent, code: "validation-failed", invalidParams: ["name"])
        }
    }
}
