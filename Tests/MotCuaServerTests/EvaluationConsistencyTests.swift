import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing

/// The SQL aggregates against MotCuaDomain's definitions applied to the same rows one by one, on a
/// generated data set in a throwaway province (rows written directly, with the columns the store writes).
@Suite struct EvaluationConsistencyTests {
    /// One dossier as read back from the database.
    struct Row {
        var unit: String
        var status: DossierStatus
        var channel: String
        var receivedAt: Date
        var finishedAt: Date?
        var dueDate: LocalDate
        var supplements: Int
        var apologized: Bool
        var digitized: Bool
        var paidOnline: Bool
        var feeBearing: Bool
        var elapsed: Double?
        var elapsedRatio: Double?
        var hours: Bool
        var synced: Bool
        /// When a dossier waiting for a supplement (status 5) began to wait.
        var pendingAt: Date?
        var rating: (total: Int, satisfaction: Satisfaction)?
    }

    /// Local midnight or a whole second: instants the generator picks, with a bias for midnight ± 1 s.
    static func instant(around day: LocalDate, _ rng: inout SeededGenerator) -> Date {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: day.startInstant
        case 1: day.startInstant.addingTimeInterval(-1)
        case 2: day.startInstant.addingTimeInterval(-0.25)  // 23:59:59.75 the day before
        default: day.startInstant.addingTimeInterval(TimeInterval(Int.random(in: 0..<86_400, using: &rng)))
        }
    }

    @Test func unitFiguresMatchTheDomain() async throws {
        try await withTestApp { client, env in
            let province = try await env.makeProvince(communes: 3)
            let admin = try await env.makeAdmin(province)
            let (a, b) = (province.communes[0], province.communes[1])
            let feeProcedure = try await env.publishProcedure(TestEnvironment.evaluationProcedureBody(), as: admin)
            var hoursBody = TestEnvironment.evaluationProcedureBody()
            hoursBody.processingTime = .init(value: 24, unit: "working_hours")
            hoursBody.fee = nil
            let hoursProcedure = try await env.publishProcedure(hoursBody, as: admin)
            let reception = try await env.makeUser([.reception], unit: a)

            var rng = SeededGenerator(seed: 20_260_766)
            let first = LocalDate(2026, 1, 20)
            let statuses: [DossierStatus] = [
                .received, .inProgress, .supplementRequested, .awaitingPayment, .resolved, .returned, .stopped, .withdrawn,
            ]
            let satisfactions = Satisfaction.allCases
            for index in 0..<360 {
                let unit = index % 6 == 5 ? b : a
                let hours = Bool.random(using: &rng)
                let procedure = hours ? hoursProcedure.code : feeProcedure.code
                let status = index % 40 == 0 ? DossierStatus.submitted : statuses.randomElement(using: &rng)!
                let receivedDay = first.adding(days: Int.random(in: 0..<110, using: &rng))
                let receivedAt = status == .submitted ? nil : Self.instant(around: receivedDay, &rng)
                let submittedAt = receivedAt ?? receivedDay.startInstant
                let dueDate = receivedDay.adding(days: Int.random(in: 0..<14, using: &rng))
                let finishedAt: Date? = status.isFinished
                    ? Self.instant(around: receivedDay.adding(days: Int.random(in: 0..<30, using: &rng)), &rng) : nil
                let finishedAfterReceipt = finishedAt.map { max($0, submittedAt) }
                let supplements = [0, 0, 0, 0, 0, 1, 1, 2, 3].randomElement(using: &rng)!
                let elapsed: Double? = finishedAt == nil ? nil : Double(Int.random(in: 0..<80, using: &rng)) / 4
                let ratio: Double? = elapsed.map { $0 / (hours ? 24 : 3) }
                let pendingAt: Date? = status == .supplementRequested
                    ? receivedAt.map { $0.addingTimeInterval(TimeInterval(Int.random(in: 0..<(20 * 86_400), using: &rng))) } : nil
                let code = "\(province.code)-EV-\(index)"
                _ = try await env.pool.execute("""
                    INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel,
                        status, applicant, applicant_name, digitized, submitted_at, received_at, listed_at, start_date, due_date,
                        appointment_date, supplement_requests, apologized, finished_at, fee_requested, fee_paid, paid_online,
                        elapsed, elapsed_ratio, lookup_key, created_by, supplement_pending_at)
                    VALUES (\(code), \(province.code), \(procedure), 1, \(unit), \(unit),
                        \(["counter", "online", "post"].randomElement(using: &rng)!), \(status.code), '{}'::jsonb, 'Người thử',
                        \(Bool.random(using: &rng)), \(submittedAt), \(receivedAt), \(submittedAt),
                        \(receivedAt == nil ? nil : receivedDay.description)::date, \(receivedAt == nil ? nil : dueDate.description)::date,
                        \(receivedAt == nil ? nil : dueDate.description)::date, \(supplements), \(Int.random(in: 0..<8, using: &rng) == 0),
                        \(finishedAfterReceipt), \(hours && Int.random(in: 0..<4, using: &rng) == 0 ? 20_000 : 0), 0,
                        \(Int.random(in: 0..<3, using: &rng) == 0), \(elapsed), \(ratio), 'k', \(reception.record.id), \(pendingAt))
                    """)
                if status.isFinished, receivedAt != nil, Int.random(in: 0..<5, using: &rng) < 2 {
                    let scores = (0..<9).map { _ in Int.random(in: 0...2, using: &rng) }
                    let total = scores.reduce(0, +)
                    _ = try await env.pool.execute("""
                        INSERT INTO dossier_ratings (dossier_id, scores, total, band, satisfaction, source, created_at)
                        SELECT id, \(scores)::smallint[], \(total), \(RatingBand(total: total).rawValue),
                               \(satisfactions.randomElement(using: &rng)!.rawValue), 'public', now()
                        FROM dossiers WHERE code = \(code)
                        """)
                }
            }
            #expect(try await env.pool.query("SELECT count(*) FROM dossiers WHERE province = \(province.code)").first!.decode(Int.self, at: 0) == 360)

            // Read every dossier back, as stored.
            let rows = try await env.pool.query("""
                SELECT d.handling_unit, d.status, d.channel, d.received_at, d.finished_at, d.due_date::text, d.supplement_requests,
                       d.apologized, d.digitized, d.paid_online, pv.fee_amount, d.elapsed::float8,
                       d.elapsed_ratio::float8, pv.processing_unit = 'working_hours', r.total, r.satisfaction, d.fee_requested, d.supplement_pending_at
                FROM dossiers d JOIN procedure_versions pv ON pv.code = d.procedure_code AND pv.version = d.procedure_version
                LEFT JOIN dossier_ratings r ON r.dossier_id = d.id
                WHERE d.province = \(province.code) AND d.received_at IS NOT NULL
                """).map { row in
                let total = try row.decode(Int?.self, at: 14)
                let satisfaction = try row.decode(String?.self, at: 15)
                // Fee-bearing: the procedure charges a fee, or one was requested for this dossier.
                let (fee, requested) = (try row.decode(Int.self, at: 10), try row.decode(Int.self, at: 16))
                let feeBearing = fee > 0 || requested > 0
                return Row(
                    unit: try row.decode(String.self, at: 0), status: DossierStatus(code: try row.decode(Int.self, at: 1))!,
                    channel: try row.decode(String.self, at: 2), receivedAt: try row.decode(Date.self, at: 3),
                    finishedAt: try row.decode(Date?.self, at: 4), dueDate: LocalDate(iso: try row.decode(String.self, at: 5))!,
                    supplements: try row.decode(Int.self, at: 6), apologized: try row.decode(Bool.self, at: 7),
                    digitized: try row.decode(Bool.self, at: 8), paidOnline: try row.decode(Bool.self, at: 9),
                    feeBearing: feeBearing, elapsed: try row.decode(Double?.self, at: 11),
                    elapsedRatio: try row.decode(Double?.self, at: 12), hours: try row.decode(Bool.self, at: 13), synced: false,
                    pendingAt: try row.decode(Date?.self, at: 17),
                    rating: total.map { ($0, Satisfaction(rawValue: satisfaction!)!) })
            }
            #expect(rows.count == 351)  // every 40th is still only submitted
            #expect(rows.contains { $0.supplements > 1 } && rows.contains { $0.rating != nil } && rows.contains { $0.hours })

            let store = EvaluationStore(pool: env.pool)
            let names = [a: "Xã thử 1 \(province.code)", b: "Xã thử 2 \(province.code)", province.communes[2]: "Xã thử 3 \(province.code)"]
            // Periods [from, to] with the instant they are judged at: month ends, mid-period, a week, a day.
            let periods: [(LocalDate, LocalDate, Date)] = [
                (LocalDate(2026, 2, 1), LocalDate(2026, 2, 28), LocalDate(2026, 3, 1).startInstant),
                (LocalDate(2026, 3, 1), LocalDate(2026, 3, 31), Instant.vn("2026-03-17", "16:59")),
                (LocalDate(2026, 3, 1), LocalDate(2026, 3, 31), LocalDate(2026, 3, 18).startInstant),
                (LocalDate(2026, 4, 1), LocalDate(2026, 4, 30), LocalDate(2026, 5, 1).startInstant),
                (LocalDate(2026, 3, 9), LocalDate(2026, 3, 15), LocalDate(2026, 3, 16).startInstant),
                (LocalDate(2026, 4, 14), LocalDate(2026, 4, 14), Instant.vn("2026-04-14", "12:00")),
                (LocalDate(2026, 1, 1), LocalDate(2026, 6, 30), LocalDate(2026, 7, 1).startInstant),
            ]
            var compared = 0
            for (from, to, asOf) in periods {
                let start = from.startInstant, end = to.adding(days: 1).startInstant
                let one = try await store.unitFigures(.one(a), start: start, end: end, asOf: asOf)
                let all = try await store.unitFigures(.province(province.code), start: start, end: end, asOf: asOf)
                #expect(one.count == 1 && all.map(\.unit) == province.communes)
                #expect(one.first == all.first, "the single report and the province's agree")
                for actual in all {
                    var expected = Self.expected(rows.filter { $0.unit == actual.unit }, unit: actual.unit, name: names[actual.unit]!,
                                                 start: start, end: end, asOf: asOf)
                    // Means may differ in the last bits (numeric vs Double): compare them apart.
                    for (domain, sql) in [(expected.averageRatio, actual.averageRatio), (expected.averageDays, actual.averageDays),
                                          (expected.p90Days, actual.p90Days), (expected.ratingAverage, actual.ratingAverage)] {
                        #expect(nearly(domain, sql, tolerance: 1e-9), "\(actual.unit) \(from)...\(to): \(domain ?? -1) vs \(sql ?? -1)")
                    }
                    (expected.averageRatio, expected.averageDays, expected.p90Days, expected.ratingAverage) =
                        (actual.averageRatio, actual.averageDays, actual.p90Days, actual.ratingAverage)
                    #expect(actual == expected, "\(actual.unit) \(from)...\(to) as of \(asOf):\nSQL    \(actual)\ndomain \(expected)")
                    compared += actual.dossiers
                }
            }
            #expect(compared > 500)

            // The HTTP report shows those figures, with the domain's index.
            let http = try expectJSON(
                try await client.get("/v1/evaluations/units/\(a)?from=2026-03-01&to=2026-03-31", token: admin.token), as: UnitReport.self)
            let march = Self.expected(rows.filter { $0.unit == a }, unit: a, name: names[a]!, start: LocalDate(2026, 3, 1).startInstant,
                                      end: LocalDate(2026, 4, 1).startInstant, asOf: LocalDate(2026, 4, 1).startInstant)
            #expect(http.dossiers == march.dossiers && http.timeliness.overdue == march.timeliness[.overdue])
            #expect(nearly(http.onTimeRate, Index766.rate(march.onTime, march.dossiers)))
            #expect(nearly(http.index766.points, Index766(input: march.index766Input).points))
        }
    }

    /// The figures by MotCuaDomain's definitions, one dossier at a time.
    static func expected(_ rows: [Row], unit: String, name: String, start: Date, end: Date, asOf: Date) -> UnitFigures {
        var figures = UnitFigures(unit: unit, unitName: name)
        let population = rows.filter { $0.receivedAt < end && ($0.finishedAt.map { $0 >= start } ?? true) }
        guard !population.isEmpty else { return figures }
        for kind in Timeliness.allCases { figures.timeliness[kind] = 0 }
        for status in DossierStatus.allCases { figures.byStatus[status] = 0 }
        for band in RatingBand.allCases { figures.bands[band] = 0 }
        for level in Satisfaction.allCases { figures.satisfaction[level] = 0 }
        var ratios: [Double] = [], days: [Double] = [], totals: [Int] = []
        for row in population {
            let finished = row.finishedAt.flatMap { $0 <= asOf ? $0 : nil }
            // A dossier waiting for a supplement is judged as of the start of the wait (DossierRecord.timeliness).
            let judgedAt = finished == nil && row.status == .supplementRequested ? min(row.pendingAt ?? asOf, asOf) : asOf
            let timeliness = Timeliness.of(dueDate: row.dueDate, finishedAt: finished, now: judgedAt, supplementRequests: row.supplements)
            figures.dossiers += 1
            if row.receivedAt >= start { figures.received += 1 }
            if finished != nil {
                figures.finished += 1
                if let ratio = row.elapsedRatio { ratios.append(ratio) }
                if let elapsed = row.elapsed { days.append(row.hours ? elapsed / 8 : elapsed) }
            } else {
                figures.open += 1
            }
            figures.byStatus[row.status, default: 0] += 1
            figures.timeliness[timeliness, default: 0] += 1
            figures.supplementRequests += row.supplements
            if row.supplements > 1 { figures.severalSupplements += 1 }
            if row.apologized { figures.apologies += 1 }
            if row.channel == "online" { figures.onlineSubmitted += 1 }
            if row.feeBearing { figures.feeBearing += 1 }
            if row.feeBearing && row.paidOnline { figures.paidOnline += 1 }
            if row.digitized { figures.digitized += 1 }
            if row.synced { figures.synced += 1 }
            if let rating = row.rating {
                figures.ratings += 1
                totals.append(rating.total)
                figures.bands[RatingBand(total: rating.total), default: 0] += 1
                figures.satisfaction[rating.satisfaction, default: 0] += 1
            }
        }
        figures.averageRatio = ratios.isEmpty ? nil : ratios.reduce(0, +) / Double(ratios.count)
        figures.averageDays = days.isEmpty ? nil : days.reduce(0, +) / Double(days.count)
        figures.p90Days = percentileCont(0.9, days)
        figures.ratingAverage = totals.isEmpty ? nil : Double(totals.reduce(0, +)) / Double(totals.count)
        return figures
    }

    @Test func officerFiguresMatchWeeklyCompletion() async throws {
        try await withTestApp { _, env in
            let province = try await env.makeProvince(communes: 2)
            let admin = try await env.makeAdmin(province)
            let (a, b) = (province.communes[0], province.communes[1])
            let procedure = try await env.publishProcedure(TestEnvironment.evaluationProcedureBody(), as: admin)
            var officers: [TestUser] = []
            for roles in [[Role.specialist], [.specialist], [.leader], [.reception], [.specialist]] {
                officers.append(try await env.makeUser(roles, unit: a))
            }
            let outsider = try await env.makeUser([.specialist], unit: b)
            let dossierID = try await env.pool.query("""
                INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel, status,
                    applicant, applicant_name, received_at, listed_at, start_date, due_date, lookup_key)
                VALUES (\(province.code + "-ST"), \(province.code), \(procedure.code), 1, \(a), \(a), 'counter', 4, '{}'::jsonb, 'Người thử',
                    \(Instant.vn("2026-02-02")), \(Instant.vn("2026-02-02")), '2026-02-02', '2026-02-05', 'k')
                RETURNING id
                """).first!.decode(Int64.self, at: 0)

            var rng = SeededGenerator(seed: 6_2026)
            struct Step { var assignee: Int64; var unit: String; var record: StepRecord }
            var steps: [Step] = []
            let base = Instant.vn("2026-02-02", "00:00")
            for _ in 0..<400 {
                let who = Int.random(in: 0..<10, using: &rng)
                let assignee = who < 9 ? officers[who % 4].record.id : outsider.record.id  // officers[4] has no steps
                // The outsider works in commune B only; A's officers sometimes in B too (not counted for A).
                let unit = who == 9 || Int.random(in: 0..<8, using: &rng) == 0 ? b : a
                var deadline = base.addingTimeInterval(TimeInterval(Int.random(in: 0..<(70 * 86_400), using: &rng)))
                if Int.random(in: 0..<6, using: &rng) == 0 {  // exactly at a week boundary
                    deadline = IsoWeek(containing: LocalDate(vietnam: deadline)).monday.startInstant
                }
                var completed: Date? = switch Int.random(in: 0..<5, using: &rng) {
                case 0: nil
                case 1: deadline  // exactly on the deadline
                case 2: deadline.addingTimeInterval(TimeInterval(Int.random(in: 1...(10 * 86_400), using: &rng)))
                default: deadline.addingTimeInterval(-TimeInterval(Int.random(in: 0...(3 * 86_400), using: &rng)))
                }
                // A third of the steps paused for a supplement wait: some still waiting, the others
                // resumed with the deadline moved by the office time waited and completed after it.
                var pause: StepPause?
                var current = deadline
                if Int.random(in: 0..<3, using: &rng) == 0 {
                    let pausedAt = deadline.addingTimeInterval(TimeInterval(Int.random(in: (-5 * 86_400)...(2 * 86_400), using: &rng)))
                    let resumedAt: Date? = Int.random(in: 0..<4, using: &rng) == 0
                        ? nil : pausedAt.addingTimeInterval(TimeInterval(Int.random(in: 3600...(12 * 86_400), using: &rng)))
                    pause = StepPause(pausedAt: pausedAt, resumedAt: resumedAt, deadlineBefore: deadline)
                    if let resumedAt {
                        current = DeadlineClock().resumedStepDeadline(deadline, after: SupplementWait(from: pausedAt, until: resumedAt))
                        completed = completed.map { max($0, resumedAt).addingTimeInterval(TimeInterval(Int.random(in: 0...86_400, using: &rng))) }
                    } else {
                        completed = nil
                    }
                }
                let record = StepRecord(deadline: current, completedAt: completed, pause: pause)
                steps.append(Step(assignee: assignee, unit: unit, record: record))
                _ = try await env.pool.execute("""
                    INSERT INTO dossier_steps (dossier_id, step_code, step_name, handling_unit, assignee_id, opened_at, deadline, closed_at,
                                               timeliness, paused_at, resumed_at, deadline_before_pause)
                    VALUES (\(dossierID), 'tham-dinh', 'Thẩm định', \(unit), \(assignee), \(deadline.addingTimeInterval(-86_400 * 3)), \(current),
                            \(completed), \(completed.map { StepTimeliness.of(deadline: current, completedAt: $0).rawValue }),
                            \(pause?.pausedAt), \(pause?.resumedAt), \(pause?.deadlineBefore))
                    """)
            }

            let store = EvaluationStore(pool: env.pool)
            var counted = 0
            for weekNumber in 5...16 {
                let week = IsoWeek(year: 2026, week: weekNumber)!
                for now in [week.next.monday.startInstant.addingTimeInterval(86_400 * 30), week.monday.startInstant.addingTimeInterval(3 * 86_400 + 3600),
                            week.monday.startInstant, week.next.monday.startInstant.addingTimeInterval(-1)] {
                    let figures = try await store.officerFigures(unit: a, week: week, now: now)
                    let cutoff = min(week.next.monday.startInstant, now)
                    // Every active officer of the unit, and no one else with no step in it.
                    #expect(Set(figures.map(\.username)) == Set(officers.map(\.username)), "\(week)")
                    for officer in officers {
                        let own = steps.filter { $0.assignee == officer.record.id && $0.unit == a }.map(\.record)
                        let expected = WeeklyCompletion(week: week, steps: own, now: now)
                        let openOverdue = own.filter { $0.isOverdue(at: cutoff) }.count
                        let actual = try #require(figures.first { $0.username == officer.username })
                        #expect(actual.completion == expected, "\(officer.username) \(week) at \(now)")
                        #expect(actual.openOverdue == openOverdue, "\(officer.username) \(week) at \(now)")
                        counted += expected.denominator
                    }
                }
            }
            #expect(counted > 300)
        }
    }

    /// `motcua_local_date` and `motcua_timeliness` against `LocalDate(vietnam:)` and `Timeliness.of`
    /// around local midnight (17:00 UTC).
    @Test func sqlFunctionsMatchTheDomainAroundMidnight() async throws {
        try await withTestApp { _, env in
            let days = [LocalDate(2026, 2, 15), LocalDate(2026, 3, 1), LocalDate(2026, 12, 31), LocalDate(2027, 1, 1)]
            let offsets: [TimeInterval] = [-3600, -1, -0.5, -0.000_001, 0, 0.000_001, 0.5, 1, 3600, 7 * 3600, 17 * 3600 - 1]
            var instants: [Date] = []
            for day in days { for offset in offsets { instants.append(day.startInstant.addingTimeInterval(offset)) } }
            for instant in instants {
                let sql = try await env.pool.query("SELECT motcua_local_date(\(instant))::text").first!.decode(String.self, at: 0)
                #expect(sql == LocalDate(vietnam: instant).description, "\(instant.timeIntervalSince1970)")
            }
            // A UTC date and a local date differ between 17:00 and 24:00 UTC.
            #expect(LocalDate(vietnam: ISO8601DateFormatter().date(from: "2026-03-01T17:00:00Z")!) == LocalDate(2026, 3, 2))

            var checked = 0
            for due in [LocalDate(2026, 3, 1), LocalDate(2026, 3, 2)] {
                let near = [due.adding(days: -1), due, due.adding(days: 1)].flatMap { day in
                    [day.startInstant, day.startInstant.addingTimeInterval(-1), day.startInstant.addingTimeInterval(-0.5),
                     day.startInstant.addingTimeInterval(43_200)]
                }
                for supplements in 0...3 {
                    for asOf in near {
                        for finished in [nil] + near {
                            let sql = try await env.pool.query("""
                                SELECT motcua_timeliness(\(due.description)::date, \(finished), \(asOf), \(supplements))
                                """).first!.decode(String.self, at: 0)
                            let domain = Timeliness.of(dueDate: due, finishedAt: finished, now: asOf, supplementRequests: supplements)
                            #expect(sql == domain.rawValue, "due \(due) finished \(finished.map { "\($0)" } ?? "-") as of \(asOf) \(supplements)")
                            checked += 1
                        }
                    }
                }
            }
            #expect(checked == 2 * 4 * 12 * 13)
        }
    }
}
