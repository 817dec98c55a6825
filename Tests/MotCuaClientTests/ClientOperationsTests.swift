import Foundation
import MotCuaDomain
import MotCuaClient
import MotCuaTestSupport
import Testing

/// Every operation of MotCuaClient against the real server over real HTTP.
@Suite struct ClientOperationsTests {
    @Test func authLoginMeLogout() async throws {
        try await LiveServer.run { server in
            let (_, adminName) = try await server.fixtures.makeProvinceAdmin()
            let client = server.client()
            let session = try await client.auth.login(username: adminName, password: Fixture.password)
            #expect(session.user.username == adminName)
            #expect(client.token == session.token)
            #expect(try await client.auth.me().roles.contains(.admin))
            try await client.auth.logout()
            #expect(client.token == nil)
            // The revoked token no longer works.
            let stale = server.client(token: session.token)
            await #expect(throws: MotCuaClientError.self) { try await stale.auth.me() }
        }
    }

    @Test func userLifecyclePasswordsAndTheLoginAudit() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let leader = s.usernames[.leader]!
            let renamed = try await s.admin.users.update(leader, fullName: "Trưởng bộ phận mới", roles: [.leader, .specialist])
            #expect(renamed.fullName == "Trưởng bộ phận mới" && Set(renamed.roles) == [.leader, .specialist])

            try await s.admin.users.resetPassword(leader, to: "reset-by-admin-1")
            await #expect(throws: MotCuaClientError.self) { try await s.leader.auth.me() }
            let fresh = server.client()
            try await fresh.auth.login(username: leader, password: "reset-by-admin-1")
            try await fresh.auth.changePassword(from: "reset-by-admin-1", to: "my-own-secret-2")
            #expect(try await fresh.auth.me().username == leader)
            do {
                try await fresh.auth.changePassword(from: "not-my-password", to: "another-secret-3")
                Issue.record("a wrong current password was accepted")
            } catch MotCuaClientError.problem(let problem) {
                #expect(problem.status == 422 && problem.invalidParams.map(\.name) == ["currentPassword"])
            }
            try await fresh.users.logOutEverywhere(leader)
            await #expect(throws: MotCuaClientError.self) { try await fresh.auth.me() }

            let audit = try await s.admin.auth.loginAudit(username: leader)
            // Newest first: the wrong current password, the password change, the login, the scenario's login.
            #expect(audit.items.map(\.outcome) == [.failed, .succeeded, .succeeded, .succeeded])
            #expect(try await s.admin.auth.loginAudit(username: leader, outcome: .failed, limit: 1).items.count == 1)

            let off = try await s.admin.users.update(leader, active: false)
            #expect(off.active == false)
            await #expect(throws: MotCuaClientError.self) { try await server.client().auth.login(username: leader, password: "my-own-secret-2") }
        }
    }

    @Test func unitsUsersAndProcedures() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            #expect(try await s.admin.units.get(s.commune).kind == .commune)
            let units = try await s.admin.units.all(province: s.province, pageSize: 1).collect()
            #expect(units.map(\.code).contains(s.commune))
            #expect(Set(units.map(\.code)).isSubset(of: [s.province, s.commune]))
            #expect(try await s.admin.units.list(province: s.province, limit: 1).items.count == 1)

            let reception = s.usernames[.reception]!
            #expect(try await s.admin.users.get(reception).unitCode == s.commune)
            let users = try await s.admin.users.all(unit: s.commune, pageSize: 2).collect()
            #expect(users.count == 3)
            #expect(try await s.admin.users.list(unit: s.commune, role: .leader).items.map(\.username) == [s.usernames[.leader]!])

            // Procedures: the scenario published version 1; publish version 2 and read both.
            let anonymous = server.client()
            #expect(try await anonymous.procedures.get(s.procedureCode).version == 1)
            let second = try await s.admin.procedures.put(s.procedureCode, Samples.procedure(name: "Đăng ký khai sinh lần hai \(s.province)"))
            #expect(second.version == 2)
            #expect(try await anonymous.procedures.get(s.procedureCode, version: 1).name == "Đăng ký khai sinh")
            #expect(try await anonymous.procedures.get(s.procedureCode).version == 2)
            // Accent-insensitive search, one page and every page.
            let query = "dang ky khai sinh lan hai \(s.province.lowercased())"
            #expect(try await anonymous.procedures.search(query).map(\.code) == [s.procedureCode])
            #expect(try await anonymous.procedures.all(q: query, pageSize: 1).collect().map(\.code) == [s.procedureCode])
            #expect(try await anonymous.procedures.list(q: s.procedureCode).items.count == 1)
        }
    }

    static let weekdays2098: [String] = (1...9).flatMap { month in
        (10...19).compactMap { day -> String? in
            let date = LocalDate(2098, month, day)
            return date.weekday.isWeekend ? nil : date.description
        }
    }

    @Test func calendarYearDaysAndDeadline() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let year = try await s.admin.calendar.year(2026)
            #expect(year.days.contains { $0.type == .holiday })
            // A far-future date so that no other test's deadlines are affected.
            // A holiday must be a weekday: pick a random Monday-Friday of 2098.
            let date = Self.weekdays2098.randomElement()!
            let day = try await s.admin.calendar.setDay(date, type: .holiday, name: "Ngày thử")
            #expect(day.source == .override)
            #expect(try await s.admin.calendar.year(2098).days.contains { $0.date == date && $0.source == .override })
            try await s.admin.calendar.deleteDay(date)
            #expect(!(try await s.admin.calendar.year(2098).days.contains { $0.date == date && $0.source == .override }))

            let start = try Date("2026-02-13T02:00:00Z", strategy: .iso8601)
            let deadline = try await s.reception.calendar.deadline(start: start, value: 3, unit: .workingDays, cutoff: "15:00")
            #expect(deadline.startDate == "2026-02-13")
            #expect(deadline.dueDate > "2026-02-18")
        }
    }

    @Test func counterDossierThroughEveryStepToRating() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let specialist = s.usernames[.specialist]!, leader = s.usernames[.leader]!
            var dossier = try await s.reception.dossiers.submit(s.dossierInput())
            #expect(dossier.status == .received)
            let code = dossier.code
            let read = try await s.reception.dossiers.get(code)
            #expect(read.code == code && read.version == dossier.version && read.lookupKey == dossier.lookupKey)

            dossier = try await s.leader.dossiers.assign(code, assignee: specialist, ifMatch: dossier.version)
            #expect(dossier.status == .inProgress && dossier.assignee == specialist)
            dossier = try await s.specialist.dossiers.requestSupplement(
                code, reason: "Thiếu bản chính", items: [.init(documentCode: "GCS", note: "Bản chính")], ifMatch: dossier.version)
            #expect(dossier.status == .supplementRequested)
            dossier = try await s.reception.dossiers.supplement(code, documents: [.init(code: "GCS", name: "Giấy chứng sinh", digitized: true)])
            #expect(dossier.status == .inProgress)
            dossier = try await s.specialist.dossiers.forward(code, step: "phe-duyet", assignee: leader, note: "Đủ điều kiện")
            #expect(dossier.currentStep?.code == "phe-duyet")
            dossier = try await s.reception.dossiers.requestPayment(code, amount: 8000, description: "Lệ phí")
            #expect(dossier.status == .awaitingPayment)
            dossier = try await s.reception.dossiers.pay(code, amount: 8000, channel: .cash)
            #expect(dossier.fees.paid == 8000)
            let due = try #require(dossier.dueDate)
            dossier = try await s.leader.dossiers.apologize(code, reason: "Chờ xác minh", newAppointmentDate: Self.weekLater(due))
            #expect(dossier.apologized)
            dossier = try await s.leader.dossiers.resolve(code, note: "Đã ký", ifMatch: dossier.version)
            #expect(dossier.status == .resolved)
            dossier = try await s.reception.dossiers.return(code)
            #expect(dossier.status == .returned)

            let history = try await s.reception.dossiers.history(code)
            #expect(history.first?.type == "intake")
            #expect(history.contains { $0.type == "assign" && $0.toStatus == .inProgress })
            #expect(history.last?.toStatus == .returned)

            let anonymous = server.client()
            let lookup = try await anonymous.public.lookup(code, lookupKey: dossier.lookupKey)
            #expect(lookup.status == .returned && !lookup.applicantName.contains("Nguyễn Thị Ánh"))
            let rating = try await anonymous.public.rate(code, lookupKey: dossier.lookupKey, Self.rating)
            #expect(rating.total == 18)
        }
    }

    @Test func onlineDossiersAcceptStopRefuseWithdrawAndPortalRating() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let online = try await s.portal.dossiers.submit(s.dossierInput(channel: .online))
            #expect(online.status == .submitted && online.acceptBy != nil)
            var dossier = try await s.reception.dossiers.accept(online.code, ifMatch: online.version)
            #expect(dossier.status == .received)
            dossier = try await s.leader.dossiers.assign(online.code, assignee: s.usernames[.specialist]!, step: "tham-dinh")
            dossier = try await s.leader.dossiers.stop(online.code, reason: "Không đủ điều kiện")
            #expect(dossier.status == .stopped)
            let rating = try await s.portal.dossiers.rate(online.code, Self.rating)
            #expect(rating.band == .excellent)

            let refused = try await s.portal.dossiers.submit(s.dossierInput(channel: .online))
            #expect(try await s.reception.dossiers.refuse(refused.code, reason: "Không thuộc thẩm quyền").status == .refused)

            let withdrawn = try await s.reception.dossiers.submit(s.dossierInput())
            #expect(try await s.reception.dossiers.withdraw(withdrawn.code, reason: "Công dân xin rút").status == .withdrawn)

            let stopped = try await s.reception.dossiers.list(filter: .init(status: .stopped, unit: s.commune))
            #expect(stopped.items.map(\.code) == [online.code])
        }
    }

    static let rating = RatingInput(
        scores: .init(i1: 2, i2: 2, i3: 2, i4: 2, i5: 2, i6: 2, i7: 2, i8: 2, i9: 2), satisfaction: .verySatisfied,
        comment: "Cán bộ hướng dẫn tận tình.")

    /// The same weekday a week after `date` (YYYY-MM-DD).
    static func weekLater(_ date: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = date.split(separator: "-").compactMap { Int($0) }
        let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        let later = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: 7, to: day)!)
        return String(format: "%04d-%02d-%02d", later.year!, later.month!, later.day!)
    }
}
