import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

extension APIHandler {
    func getCalendarYear(_ input: Operations.GetCalendarYear.Input) async throws -> Operations.GetCalendarYear.Output {
        _ = try principal
        // The contract's range; far years are also beyond the lunar tables' accuracy.
        guard (2000...2100).contains(input.path.year) else { throw APIError.badParameter("year", "must be 2000-2100") }
        let calendar = try await calendars.calendar()
        let days = calendar.days(inYear: input.path.year).map { day in
            Components.Schemas.CalendarDay(
                date: day.date.description, _type: .init(day.type), name: day.name,
                source: calendar.overrides[day.date] == nil ? .builtin : .override)
        }
        return .ok(.init(body: .json(.init(year: input.path.year, days: days))))
    }

    func putCalendarDay(_ input: Operations.PutCalendarDay.Input) async throws -> Operations.PutCalendarDay.Output {
        let admin = try require([.nationalAdmin], to: "correct the national calendar")
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let date = try Self.parseDate(input.path.date, name: "date")
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)  // not blank: the contract's
        let type = DayType(body._type)
        if let violation = CalendarDay.typeViolation(type, on: date) { throw APIError.validation("type", violation) }
        let day = CalendarDay(date: date, type: type, name: name)
        try await calendarStore.put(day, by: admin.userID)
        try await calendars.reload()
        return .ok(.init(body: .json(.init(date: date.description, _type: body._type, name: name, source: .override))))
    }

    func deleteCalendarDay(_ input: Operations.DeleteCalendarDay.Input) async throws -> Operations.DeleteCalendarDay.Output {
        _ = try require([.nationalAdmin], to: "correct the national calendar")
        try await calendarStore.delete(try Self.parseDate(input.path.date, name: "date"))
        try await calendars.reload()
        return .noContent(.init())
    }

    func getDeadline(_ input: Operations.GetDeadline.Input) async throws -> Operations.GetDeadline.Output {
        _ = try principal
        let unit = input.query.unit.map(ProcessingTime.Unit.init) ?? .workingDays
        guard (0...3650).contains(input.query.value), let time = ProcessingTime(value: input.query.value, unit: unit) else {
            throw APIError.badParameter("value", "must be 0-3650")
        }
        let cutoff = try input.query.cutoff.map { text in
            guard let time = LocalTime(iso: text) else { throw APIError.badParameter("cutoff", "must be HH:MM") }
            return time
        } ?? .defaultCutoff
        let clock = try await calendars.clock()
        let start = input.query.start
        let startDate = clock.startDate(acceptedAt: start, cutoff: cutoff)
        let deadline = clock.deadline(acceptedAt: start, cutoff: cutoff, processingTime: time)
        return .ok(.init(body: .json(.init(
            start: start, startDate: startDate.description, dueDate: deadline.dueDate.description, dueAt: deadline.dueAt,
            processingTime: .init(value: time.value, unit: input.query.unit ?? .workingDays), cutoffTime: cutoff.description))))
    }

    static func parseDate(_ text: String, name: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else { throw APIError.validation(name, "must be a date YYYY-MM-DD") }
        return date
    }
}
