import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaDomain
import MotCuaStore
import MotCuaTestSupport
import Testing

/// The national calendar and the deadline the server computes, through the real router on
/// in-memory stores (no database).
@Suite struct CatalogHandlerTests {
    @Test func onlyNationalAdminsCorrectTheCalendarAndWeekdaysCannotBeMadeUp() async throws {
        try await OfflineApp.run { app in
            let (province, _) = try await app.province()
            let admin = try await app.user([.admin], unit: province)
            let national = try await app.user([.nationalAdmin], unit: province)
            let holiday: [String: Any] = ["type": "holiday", "name": "Nghỉ đột xuất"]
            #expect(try await app.send(.put, "/v1/calendar/days/2026-03-12", token: admin.token, json: holiday).status == .forbidden)
            let weekday = try await app.send(.put, "/v1/calendar/days/2026-03-12", token: national.token, json: ["type": "makeup_workday", "name": "Làm bù"])
            #expect(weekday.status == .unprocessableContent)
            #expect(weekday.invalidParams.keys.contains("type"))
            let path = "/v1/calendar/deadline?start=2026-03-11T02:00:00Z&value=1&unit=working_days"
            #expect(try await app.send(.get, path, token: admin.token).json["dueDate"] as? String == "2026-03-12")
            #expect(try await app.send(.put, "/v1/calendar/days/2026-03-12", token: national.token, json: holiday).status == .ok)
            // Thursday 12 March is now a day off: the deadline moves to Friday at once.
            #expect(try await app.send(.get, path, token: admin.token).json["dueDate"] as? String == "2026-03-13")
            let blank = try await app.send(.put, "/v1/calendar/days/2026-03-13", token: national.token, json: ["type": "holiday", "name": " "])
            #expect(blank.invalidParams == ["name": "must not be blank"])
        }
    }
}
