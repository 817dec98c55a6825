import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

/// Calendar corrections and the deadlines they move (each test has a calendar of its own: the stores
/// are in memory).
@Suite struct CalendarTests {
    func deadline(_ client: APIClient, _ token: String, _ parameters: String) async throws -> Components.Schemas.Deadline {
        try expectJSON(try await client.get("/v1/calendar/deadline?" + parameters, token: token), as: Components.Schemas.Deadline.self)
    }

    func officer(_ env: TestEnvironment) async throws -> TestUser {
        try await env.makeUser([.reception], unit: try await env.makeProvince(communes: 1).commune)
    }

    @Test func yearListsTet2026AndTheAugustMakeUpSaturday() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let user = try await officer(env)
            let year = try expectJSON(try await client.get("/v1/calendar/2026", token: user.token), as: Components.Schemas.CalendarYear.self)
            #expect(year.year == 2026)
            let byDate = Dictionary(year.days.map { ($0.date, $0) }, uniquingKeysWith: { $1 })
            for day in 16...20 {
                #expect(byDate["2026-02-\(day)"]?._type == .holiday, "2026-02-\(day)")
                #expect(byDate["2026-02-\(day)"]?.source == .builtin)
            }
            #expect(byDate["2026-08-22"]?._type == .makeupWorkday)
            #expect(byDate["2026-08-31"]?._type == .swappedOff)
            #expect(year.days.map(\.date) == year.days.map(\.date).sorted())
        }
    }

    @Test(arguments: ["1999", "2101", "99999"])
    func yearOutsideTheSupportedRangeIsRefused(year: String) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let user = try await officer(env)
            let response = try await client.get("/v1/calendar/\(year)", token: user.token)
            try expectProblem(response, response.status == .badRequest ? .badRequest : .unprocessableContent,
                              code: response.status == .badRequest ? "malformed-request" : "validation-failed")
        }
    }

    @Test func deadlineSkipsTet() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let user = try await officer(env)
            let result = try await deadline(client, user.token, "start=2026-02-13T03:00:00Z&value=3&unit=working_days")
            #expect(result.startDate == "2026-02-13")
            #expect(result.dueDate == "2026-02-25")
            #expect(result.processingTime.value == 3 && result.processingTime.unit == .workingDays)
            #expect(result.cutoffTime == "15:00")
            // Friday afternoon before Tết: the clock starts on the first working day after it.
            let late = try await deadline(client, user.token, "start=2026-02-13T09:00:00Z&value=3")
            #expect(late.startDate == "2026-02-23")
            #expect(late.dueDate == "2026-02-26")
        }
    }

    @Test func deadlineStartsNextWorkingDayAfterTheCutOff() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let user = try await officer(env)
            let onTime = try await deadline(client, user.token, "start=2026-03-10T08:00:00Z&value=3")
            #expect(onTime.startDate == "2026-03-10" && onTime.dueDate == "2026-03-13")
            let late = try await deadline(client, user.token, "start=2026-03-10T08:01:00Z&value=3")
            #expect(late.startDate == "2026-03-11" && late.dueDate == "2026-03-16")
            let early = try await deadline(client, user.token, "start=2026-03-10T04:00:00Z&value=3&cutoff=10:30")
            #expect(early.startDate == "2026-03-11" && early.cutoffTime == "10:30")
            let hours = try await deadline(client, user.token, "start=2026-03-09T09:00:00Z&value=4&unit=working_hours")
            #expect(hours.dueDate == "2026-03-10")
        }
    }

    @Test(arguments: ["start=2026-03-10T08:00:00Z&value=-1", "start=2026-03-10T08:00:00Z&value=3&unit=fortnights",
                      "start=2026-03-10T08:00:00Z&value=3&cutoff=25:00", "start=yesterday&value=3", "value=3",
                      "start=2026-03-10T08:00:00Z&value=100000"])
    func badDeadlineQueryIsA4xxProblem(parameters: String) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let user = try await officer(env)
            let response = try await client.get("/v1/calendar/deadline?" + parameters, token: user.token)
            #expect([HTTPResponse.Status.badRequest, .unprocessableContent].contains(response.status), "\(parameters): \(response.text)")
            try expectProblem(response, response.status, code: response.status == .badRequest ? "malformed-request" : "validation-failed")
        }
    }

    @Test func holidayOverrideMovesDeadlinesAtOnceAndDeleteRestores() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            try await env.calendar.delete(LocalDate(iso: "2091-03-06")!)
            let query = "start=2091-03-05T02:00:00Z&value=2"
            #expect(try await deadline(client, admin.token, query).dueDate == "2091-03-07")

            let put = try await client.put("/v1/calendar/days/2091-03-06", json: ["type": "holiday", "name": "Nghỉ thử"], token: admin.token)
            let day = try expectJSON(put, as: Components.Schemas.CalendarDay.self)
            #expect(day.date == "2091-03-06" && day._type == .holiday && day.source == .override)
            #expect(try await deadline(client, admin.token, query).dueDate == "2091-03-08")
            let year = try expectJSON(try await client.get("/v1/calendar/2091", token: admin.token), as: Components.Schemas.CalendarYear.self)
            #expect(year.days.contains { $0.date == "2091-03-06" && $0.source == .override && $0.name == "Nghỉ thử" })

            #expect(try await client.delete("/v1/calendar/days/2091-03-06", token: admin.token).status == .noContent)
            #expect(try await deadline(client, admin.token, query).dueDate == "2091-03-07")
            #expect(try await client.delete("/v1/calendar/days/2091-03-06", token: admin.token).status == .noContent)
        }
    }

    @Test func makeUpSaturdayCountsAsAWorkingDay() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            try await env.calendar.delete(LocalDate(iso: "2092-03-08")!)
            let query = "start=2092-03-07T02:00:00Z&value=1"
            #expect(try await deadline(client, admin.token, query).dueDate == "2092-03-10")
            let put = try await client.put("/v1/calendar/days/2092-03-08", json: ["type": "makeup_workday", "name": "Làm bù"], token: admin.token)
            #expect(put.status == .ok)
            #expect(try await deadline(client, admin.token, query).dueDate == "2092-03-08")
            #expect(try await client.delete("/v1/calendar/days/2092-03-08", token: admin.token).status == .noContent)
            #expect(try await deadline(client, admin.token, query).dueDate == "2092-03-10")
        }
    }

    @Test(arguments: [
        ("2093-03-10", #"{"type":"makeup_workday","name":"Sai"}"#, "type"),
        ("2093-03-07", #"{"type":"holiday","name":"Sai"}"#, "type"),
        ("2093-03-10", #"{"type":"holiday","name":"  "}"#, "name"),
        ("2093-03-10", #"{"type":"festival","name":"Sai"}"#, "type"),
        ("2093-02-30", #"{"type":"holiday","name":"Sai"}"#, "date"),
        ("not-a-date", #"{"type":"holiday","name":"Sai"}"#, "date"),
    ])
    func invalidDayIs422AndNothingIsWritten(date: String, body: String, field: String) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let admin = try await env.makeAdmin(try await env.makeProvince(communes: 1))
            let response = try await client.send(.put, "/v1/calendar/days/\(date)", raw: body, token: admin.token)
            if field == "date" && response.status == .badRequest {
                try expectProblem(response, .badRequest, code: "malformed-request")
            } else {
                try expectProblem(response, .unprocessableContent, code: "validation-failed", invalidParams: [field])
            }
            let overrides = try await env.calendar.overrides()
            #expect(!overrides.contains { $0.date.description == date })
        }
    }

    @Test(arguments: [Role.reception, .leader, .specialist, .portal, .auditor])
    func onlyAdminCorrectsTheCalendar(role: Role) async throws {
        try await withTestApp(storage: .memory) { client, env in
            let province = try await env.makeProvince(communes: 1)
            let user = try await env.makeUser([role], unit: [.portal, .auditor].contains(role) ? province.code : province.commune)
            try expectProblem(
                try await client.put("/v1/calendar/days/2093-03-11", json: ["type": "holiday", "name": "Cấm"], token: user.token),
                .forbidden, code: "forbidden")
            try expectProblem(try await client.delete("/v1/calendar/days/2026-02-16", token: user.token), .forbidden, code: "forbidden")
            #expect(!(try await env.calendar.overrides()).contains { $0.date.description == "2093-03-11" })
        }
    }
}
