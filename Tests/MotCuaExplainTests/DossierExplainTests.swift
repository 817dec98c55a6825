import Foundation
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
@testable import MotCuaStore
import MotCuaTestSupport
import Testing

/// The list query on a few hundred thousand dossiers: no filter combination the API offers may
/// scan the dossiers table (or its search text) sequentially.
///
/// The rows go into a database of their own (created, migrated and dropped by the test), in one
/// province. For speed the migrations' secondary indexes on `dossiers` are dropped before the bulk
/// load (foreign-key triggers off) and re-created from their own definitions afterwards, so the
/// plans are checked against exactly the indexes the migrations define.
@Suite struct DossierExplainTests {
    static let province = "TXPLAIN01"
    static let rowCount = 250_000
    static let communes = (1...20).map { province + "." + String(format: "%02d", $0) }
    static let procedureCodes = ["9.990001", "9.990002", "9.990003"]
    static let specialists = (1...5).map { "explain.spec\($0)" }

    /// Units, procedures, officers and the dossiers, then the indexes and fresh statistics.
    func load(_ pool: PostgresPool) async throws {
        try await pool.execute("INSERT INTO units (code, name, kind, province) VALUES (\(Self.province), 'Tỉnh EXPLAIN', 'province', \(Self.province))")
        try await pool.execute("""
            INSERT INTO units (code, name, kind, province) SELECT c, 'Xã ' || c, 'commune', \(Self.province) FROM unnest(\(Self.communes)::text[]) c
            """)
        try await pool.execute("""
            INSERT INTO procedure_versions (code, version, name, field, processing_value, processing_unit, online_level)
            SELECT c, 1, 'Thủ tục ' || c, 'Hộ tịch', 3, 'working_days', 'full' FROM unnest(\(Self.procedureCodes)::text[]) c
            """)
        try await pool.execute("""
            INSERT INTO procedures (code, current_version, name, field) SELECT code, 1, name, field FROM procedure_versions
            """)
        try await pool.execute("""
            INSERT INTO users (username, full_name, unit_code, roles, password_hash)
            SELECT u, 'Chuyên viên ' || u, \(Self.communes[0]), ARRAY['specialist'], 'x' FROM unnest(\(Self.specialists)::text[]) u
            """)
        let indexes = try await pool.query("""
            SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('dossiers', 'dossier_search')
              AND indexname NOT IN ('dossiers_pkey', 'dossiers_code_key', 'dossier_search_pkey')
            """).map { (try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1)) }
        #expect(indexes.count >= 10)
        for (name, _) in indexes { try await pool.execute("DROP INDEX \(unescaped: name)") }
        try await pool.withTransaction { tx in
            _ = try await tx.execute("SET LOCAL session_replication_role = replica")
            // A realistic spread: 20 communes, 10% handled by another commune, mostly returned, 12 months.
            _ = try await tx.execute("""
                INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel, status,
                    applicant, applicant_name, documents, submitted_at, received_at, listed_at, start_date, due_date, due_at,
                    appointment_date, assignee_id, supplement_pending_at, lookup_key, created_at, updated_at)
                SELECT code, \(Self.province), procs[1 + g % 3], 1, units[1 + g % 20],
                       CASE WHEN g % 10 = 0 THEN units[1 + (g + 7) % 20] ELSE units[1 + g % 20] END,
                       CASE WHEN status = 1 OR g % 3 = 0 THEN 'online' ELSE 'counter' END, status,
                       jsonb_build_object('fullName', name, 'idNumber', '001190' || lpad((g % 1000000)::text, 6, '0')), name, '[]',
                       listed, CASE WHEN status = 1 THEN NULL ELSE listed END, listed, listed::date,
                       CASE WHEN status = 1 THEN NULL ELSE listed::date + 5 END,
                       CASE WHEN status = 1 THEN NULL ELSE listed + interval '5 days' END,
                       CASE WHEN status = 1 THEN NULL ELSE listed::date + 5 END,
                       CASE WHEN status IN (4, 5, 6, 9, 10) THEN specs[1 + g % 5] END,
                       CASE WHEN status = 5 THEN listed + interval '2 days' END, 'EXPLAINKEY23', listed, listed
                FROM (
                    SELECT g, \(Self.province) || '.' || lpad((1 + g % 20)::text, 2, '0') || '-X-' || lpad(g::text, 7, '0') AS code,
                           CASE WHEN g % 100 < 3 THEN 1 WHEN g % 100 < 8 THEN 2 WHEN g % 100 < 10 THEN 3 WHEN g % 100 < 25 THEN 4
                                WHEN g % 100 < 28 THEN 5 WHEN g % 100 < 30 THEN 6 WHEN g % 100 < 32 THEN 7 WHEN g % 100 < 33 THEN 8
                                WHEN g % 100 < 40 THEN 9 ELSE 10 END AS status,
                           (ARRAY['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Phương',
                                  'Đặng Quốc Giang', 'Bùi Thị Hạnh'])[1 + g % 8] || CASE WHEN g % 9973 = 0 THEN ' Khổng Tử' ELSE '' END AS name,
                           timestamptz '2026-11-20 03:00:00+00' - (g % 365) * interval '1 day' - (g % 997) * interval '1 minute' AS listed,
                           \(Self.communes)::text[] AS units, \(Self.procedureCodes)::text[] AS procs,
                           (SELECT array_agg(id ORDER BY username) FROM users WHERE username = ANY(\(Self.specialists))) AS specs
                    FROM generate_series(1, \(Self.rowCount)) g
                ) rows
                """)
            // (the trigger that writes it does not fire in replica mode)
            _ = try await tx.execute("""
                INSERT INTO dossier_search (dossier_id, search_text) SELECT id, motcua_dossier_search_text(code, applicant_name) FROM dossiers
                """)
        }
        for (_, definition) in indexes { try await pool.execute(PostgresQuery(unsafeSQL: definition)) }
        try await pool.execute("ANALYZE")
    }

    struct Combination: CustomStringConvertible {
        var filter: DossierFilter
        var principal: String
        var cursor: Bool
        var description: String { "\(principal)\(cursor ? "+cursor" : ""): \(filter)" }
    }

    @Test func noFilterCombinationScansDossiersSequentially() async throws {
        try await TestDatabase.withFreshDatabase { url in
            var configuration = ServerConfiguration()
            configuration.databaseURL = url
            _ = try await Maintenance.migrate(configuration: configuration, logger: TestDatabase.logger)
            try await TestDatabase.withPool(url: url) { pool in try await self.check(pool) }
        }
    }

    func check(_ pool: PostgresPool) async throws {
        let started = Date()
        try await load(pool)
        let prepared = Date().timeIntervalSince(started)
        let count = try await pool.query("SELECT count(*) FROM dossiers").first!.decode(Int.self, at: 0)
        #expect(count == Self.rowCount)

        let specialistID = try await pool.query("SELECT id FROM users WHERE username = \(Self.specialists[1])").first!.decode(Int64.self, at: 0)
        let principals: [String: Principal] = [
            "admin": Principal(userID: 1, username: "x", fullName: "x", unitCode: Self.province, province: Self.province, roles: [.admin]),
            "officer": Principal(
                userID: specialistID, username: Self.specialists[1], fullName: "x", unitCode: Self.communes[0], province: Self.province,
                roles: [.reception, .leader]),
        ]
        // One value per filter; q both a common name and a rare one, and a code fragment.
        let setters: [(String, (inout DossierFilter) -> Void)] = [
            ("status", { $0.status = .inProgress }),
            ("procedure", { $0.procedure = Self.procedureCodes[1] }),
            ("unit", { $0.unit = Self.communes[3] }),
            ("assignee", { $0.assignee = Self.specialists[2] }),
            ("overdue", { $0.overdue = true }),
            ("notOverdue", { $0.overdue = false }),
            ("dueBefore", { $0.dueBefore = LocalDate(2026, 6, 1) }),
            ("receivedFrom", { $0.receivedFrom = LocalDate(2026, 9, 1) }),
            ("receivedTo", { $0.receivedTo = LocalDate(2026, 3, 31) }),
            ("q", { $0.search = "nguyen van" }),
            ("qRare", { $0.search = "khong tu" }),
            ("qCode", { $0.search = "-X-0012" }),
            ("statusRare", { $0.status = .stopped }),
            ("submitted", { $0.status = .submitted }),
        ]
        var subsets: [[Int]] = [[]]
        for i in setters.indices {
            subsets.append([i])
            for j in setters.indices where j > i { subsets.append([i, j]) }
        }
        var generator = SeededGenerator(seed: 766)
        for _ in 0..<60 {
            let size = Int.random(in: 3...6, using: &generator)
            subsets.append(Array(setters.indices.shuffled(using: &generator).prefix(size)).sorted())
        }
        subsets.append(Array(setters.indices))
        let cursor = PageCursor(["2026-08-01 00:00:00.000000+00", Self.province + ".05-X-0100000"]).encoded
        let store = DossierStore(pool: pool)
        var failures: [String] = []
        var planned = 0
        for subset in subsets {
            var filter = DossierFilter()
            for index in subset { setters[index].1(&filter) }
            for (name, principal) in principals.sorted(by: { $0.key < $1.key }) {
                for withCursor in [false, true] {
                    let query = try store.listQuery(
                        filter, for: principal, today: LocalDate(2026, 11, 20), limit: 50, cursor: withCursor ? cursor : nil)
                    let plan = try await pool.query("EXPLAIN (FORMAT JSON) " + query).first!.decode(String.self, at: 0)
                    planned += 1
                    let scans = Self.seqScans(in: plan)
                    if !scans.isEmpty {
                        let combination = Combination(filter: filter, principal: name, cursor: withCursor)
                        failures.append("\(subset.map { setters[$0].0 }) as \(combination.principal)\(withCursor ? " +cursor" : ""): \(scans)")
                    }
                }
            }
        }
        // The dashboard counts of one commune (an officer's own, or one an admin picks). (A province's
        // counts read the whole province: a sequential scan is their best plan.)
        for (name, principal, unit) in [("officer", principals["officer"]!, nil), ("officer", principals["officer"]!, Self.communes[3]),
                                        ("admin", principals["admin"]!, Self.communes[3])] {
            let query = store.countsQuery(unit: unit, for: principal, today: LocalDate(2026, 11, 20), dueSoonBy: LocalDate(2026, 11, 23))
            let plan = try await pool.query("EXPLAIN (FORMAT JSON) " + query).first!.decode(String.self, at: 0)
            planned += 1
            let scans = Self.seqScans(in: plan)
            if !scans.isEmpty { failures.append("counts of \(unit ?? "own unit") as \(name): \(scans)") }
        }
        let elapsed = Date().timeIntervalSince(started)
        print("EXPLAIN: \(planned) plans checked in \(String(format: "%.1f", elapsed)) s (data ready in \(String(format: "%.1f", prepared)) s)")
        #expect(failures.isEmpty, "Seq Scan on dossiers or dossier_search:\n\(failures.prefix(40).joined(separator: "\n"))\n(\(failures.count) in all)")
    }

    /// The `Seq Scan` nodes on `dossiers` and `dossier_search` in a JSON plan.
    static func seqScans(in json: String) -> [String] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else { return ["unparsable plan"] }
        var found: [String] = []
        func walk(_ node: [String: Any]) {
            if node["Node Type"] as? String == "Seq Scan", ["dossiers", "dossier_search"].contains(node["Relation Name"] as? String) {
                found.append("Seq Scan \(node["Relation Name"] ?? "") \(node["Alias"] ?? "")" + ((node["Filter"] as? String).map { " filter \($0)" } ?? ""))
            }
            for child in node["Plans"] as? [[String: Any]] ?? [] { walk(child) }
        }
        for entry in root { if let plan = entry["Plan"] as? [String: Any] { walk(plan) } }
        return found
    }
}
