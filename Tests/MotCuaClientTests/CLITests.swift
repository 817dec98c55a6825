import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MotCuaClient
import MotCuaTestSupport
import Testing

/// The `motcua` executable against the live server.
@Suite struct CLITests {
    /// Splits RFC 4180 CSV with CRLF line ends into rows (no quoted line breaks in these tests).
    static func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\r\n").map { line in
            var fields: [String] = [], field = "", quoted = false
            var iterator = Array(line).makeIterator()
            while let c = iterator.next() {
                if c == "\"" { quoted.toggle(); if !quoted { continue } else { continue } }
                if c == "," && !quoted { fields.append(field); field = "" } else { field.append(c) }
            }
            fields.append(field)
            return fields
        }
    }

    /// Each evaluation report printed with `--output csv` is the server's own `text/csv` answer (without
    /// its byte-order mark): the same headers and cells (they had drifted: camelCase against snake_case).
    @Test func evaluationCSVIsTheServersCSV() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            _ = try await s.reception.dossiers.submit(s.dossierInput())
            let cli = try CLIRunner(server: server.url)
            let reports: [(arguments: [String], path: String, as: MotCuaClient)] = [
                (["unit", s.commune], "/v1/evaluations/units/\(s.commune)", s.leader),
                (["ranking"], "/v1/evaluations/units", s.admin),
                (["officers", "--unit", s.commune], "/v1/evaluations/officers?unit=\(s.commune)", s.leader),
                (["weekly", "--unit", s.commune], "/v1/evaluations/weekly?unit=\(s.commune)", s.leader),
                (["procedures", "--unit", s.commune], "/v1/evaluations/procedures?unit=\(s.commune)", s.leader),
            ]
            for report in reports {
                let printed = try await cli.run(
                    ["evaluations"] + report.arguments + ["--output", "csv"], environment: ["MOTCUA_TOKEN": report.as.token!])
                #expect(printed.status == 0, "\(printed.stderr)")
                var request = URLRequest(url: URL(string: server.url.absoluteString + report.path)!)
                request.setValue("Bearer \(report.as.token!)", forHTTPHeaderField: "Authorization")
                request.setValue("text/csv", forHTTPHeaderField: "Accept")
                let (data, _) = try await URLSession.shared.data(for: request)
                let downloaded = String(decoding: data, as: UTF8.self)
                #expect(downloaded.hasPrefix("\u{FEFF}"))
                #expect(Self.csvRows(printed.stdout) == Self.csvRows(String(downloaded.dropFirst())), "\(report.arguments)")
                #expect(Self.csvRows(printed.stdout).first?.contains("on_time_rate") == !report.arguments.contains("officers"))
            }
        }
    }

    @Test func loginStoresCredentialsWith0600AndCommandsUseThem() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let cli = try CLIRunner(server: server.url)
            let reception = s.usernames[.reception]!

            // Without a token: authentication exit code.
            let anonymous = try await cli.run(["dossiers", "list"])
            #expect(anonymous.status == 4, "\(anonymous.stderr)")
            #expect(anonymous.stderr.contains("unauthenticated:"))

            let wrong = try await cli.run(["login", reception, "--password-stdin"], stdin: "wrong-password\n")
            #expect(wrong.status == 4)
            #expect(!FileManager.default.fileExists(atPath: cli.credentialsFile.path))

            let login = try await cli.run(["login", reception, "--password-stdin", "--output", "json"], stdin: Fixture.password + "\n")
            #expect(login.status == 0, "\(login.stderr)")
            let attributes = try FileManager.default.attributesOfItem(atPath: cli.credentialsFile.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: cli.credentialsFile)) as? [String: Any]
            #expect(stored?["server"] as? String == server.url.absoluteString)
            #expect((stored?["token"] as? String)?.isEmpty == false)
            #expect(!login.stdout.contains(stored?["token"] as? String ?? "-"))

            // MOTCUA_PASSWORD works too.
            let again = try await cli.run(["login", reception], environment: ["MOTCUA_PASSWORD": Fixture.password])
            #expect(again.status == 0, "\(again.stderr)")

            let dossier = try await s.reception.dossiers.submit(s.dossierInput(name: "Trần Văn, \"Bình\""))
            let show = try await cli.run(["dossiers", "show", dossier.code, "--output", "json"])
            #expect(show.status == 0, "\(show.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
            #expect(json?["code"] as? String == dossier.code)
            #expect(json?["status"] as? String == "received")

            let logout = try await cli.run(["logout"])
            #expect(logout.status == 0)
            #expect(!FileManager.default.fileExists(atPath: cli.credentialsFile.path))
            #expect(try await cli.run(["dossiers", "show", dossier.code]).status == 4)
        }
    }

    @Test func csvNeutralisesFormulasAndTablesDropControlCharacters() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let formula = "=HYPERLINK(\"http://evil.example\",\"Bình\")"
            _ = try await s.reception.dossiers.submit(s.dossierInput(name: formula))
            _ = try await s.reception.dossiers.submit(s.dossierInput(name: "\u{1B}]0;pwned\u{07}\u{1B}[2JLê Thị Hoa"))
            let cli = try CLIRunner(server: server.url)
            let token = ["MOTCUA_TOKEN": s.reception.token!]
            let filter = ["dossiers", "list", "--unit", s.commune]
            let csv = try await cli.run(filter + ["--output", "csv"], environment: token)
            #expect(csv.stdout.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Bình\"\")\","), "\(csv.stdout)")
            let table = try await cli.run(filter + ["--output", "table"], environment: token)
            #expect(table.status == 0)
            #expect(!table.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(table.stdout)")
            #expect(table.stdout.contains("]0;pwned[2JLê Thị Hoa"))
        }
    }

    @Test func adminsManageAccountsAndUsersChangeTheirPasswords() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let cli = try CLIRunner(server: server.url)
            let admin = ["MOTCUA_TOKEN": s.admin.token!]
            let leader = s.usernames[.leader]!

            let updated = try await cli.run(["users", "update", leader, "--name", "Trưởng mới", "--roles", "leader,specialist", "-o", "json"], environment: admin)
            #expect(updated.status == 0, "\(updated.stderr)")
            #expect(updated.stdout.contains("\"fullName\" : \"Trưởng mới\"") && updated.stdout.contains("specialist"))
            #expect(try await cli.run(["users", "update", leader, "--roles", "boss"], environment: admin).status != 0)

            let reset = try await cli.run(["users", "reset-password", leader, "--password-stdin"], stdin: "reset-by-admin-1\n", environment: admin)
            #expect(reset.status == 0, "\(reset.stderr)")
            let login = try await server.client()
            let session = try await login.auth.login(username: leader, password: "reset-by-admin-1")
            let own = ["MOTCUA_TOKEN": session.token]
            let changed = try await cli.run(["password", "--password-stdin"], stdin: "reset-by-admin-1\nmy-own-secret-2\n", environment: own)
            #expect(changed.status == 0, "\(changed.stderr)")
            let wrong = try await cli.run(["password", "--password-stdin"], stdin: "not-it-at-all\nanother-secret-3\n", environment: own)
            #expect(wrong.status != 0 && wrong.stderr.contains("currentPassword"))

            let audit = try await cli.run(["users", "login-audit", "--username", leader, "--output", "csv"], environment: admin)
            let rows = Self.csvRows(audit.stdout)
            #expect(rows.first == ["at", "username", "outcome", "clientAddress", "userAgent"])
            #expect(rows.dropFirst().map { $0[2] }.prefix(3) == ["failed", "succeeded", "succeeded"])

            #expect(try await cli.run(["users", "logout-everywhere", leader], environment: own).status == 0)
            #expect(try await cli.run(["users", "update", leader, "--deactivate"], environment: admin).status == 0)
            await #expect(throws: MotCuaClientError.self) { try await server.client().auth.login(username: leader, password: "my-own-secret-2") }
        }
    }

    @Test func listPrintsTableJSONAndCSV() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let first = try await s.reception.dossiers.submit(s.dossierInput(name: "Trần Văn, \"Bình\""))
            let second = try await s.reception.dossiers.submit(s.dossierInput(name: "Lê Thị Hoa"))
            let cli = try CLIRunner(server: server.url)
            let token = ["MOTCUA_TOKEN": s.reception.token!]
            let filter = ["dossiers", "list", "--unit", s.commune]

            let table = try await cli.run(filter + ["--output", "table"], environment: token)
            #expect(table.status == 0, "\(table.stderr)")
            let lines = table.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            #expect(lines[0].hasPrefix("CODE"))
            #expect(lines[0].contains("STATUS") && lines[0].contains("APPLICANT") && lines[0].contains("DUEDATE"))
            #expect(lines[1].hasPrefix(second.code) && lines[2].hasPrefix(first.code))
            // Columns line up.
            #expect(lines[0].range(of: "STATUS")?.lowerBound.utf16Offset(in: lines[0]) == lines[1].range(of: "received")?.lowerBound.utf16Offset(in: lines[1]))

            let json = try await cli.run(filter + ["--output", "json"], environment: token)
            let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
            #expect(items?.compactMap { $0["code"] as? String } == [second.code, first.code])
            #expect((items?.last?["applicant"] as? [String: Any])?["fullName"] as? String == "Trần Văn, \"Bình\"")

            let csv = try await cli.run(filter + ["--output", "csv"], environment: token)
            #expect(csv.status == 0)
            #expect(csv.stdout.hasSuffix("\r\n"))
            #expect(csv.stdout.contains("\"Trần Văn, \"\"Bình\"\"\""))
            let rows = Self.csvRows(csv.stdout)
            #expect(rows.first == ["code", "status", "procedure", "applicant", "receivingUnit", "dueDate", "assignee", "timeliness"])
            #expect(rows.dropFirst().map { $0[0] } == [second.code, first.code])

            // History, procedures and calendar print too.
            #expect(try await cli.run(["dossiers", "history", first.code, "--output", "csv"], environment: token).stdout.contains("intake"))
            let procedures = try await cli.run(["procedures", "list", "--q", s.procedureCode, "--output", "table"])
            #expect(procedures.stdout.contains(s.procedureCode))
            let calendar = try await cli.run(["calendar", "show", "2026", "--output", "csv"], environment: token)
            #expect(calendar.stdout.hasPrefix("date,type,name,source\r\n"))
        }
    }

    @Test func actionsAndExitCodes() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let cli = try CLIRunner(server: server.url)
            let dossier = try await s.reception.dossiers.submit(s.dossierInput())
            let leader = ["MOTCUA_TOKEN": s.leader.token!]
            let stale = try await cli.run(
                ["dossiers", "assign", dossier.code, "--assignee", s.usernames[.specialist]!, "--if-match", "99"], environment: leader)
            #expect(stale.status == 2)
            #expect(stale.stderr.hasPrefix("version-mismatch: "))
            let assign = try await cli.run(
                ["dossiers", "assign", dossier.code, "--assignee", s.usernames[.specialist]!, "--if-match", String(dossier.version), "-o", "json"],
                environment: leader)
            #expect(assign.status == 0, "\(assign.stderr)")
            #expect(assign.stdout.contains("\"in_progress\""))
            let refusal = try await cli.run(["dossiers", "accept", dossier.code], environment: ["MOTCUA_TOKEN": s.reception.token!])
            #expect(refusal.status == 2)
            #expect(refusal.stderr.hasPrefix("invalid-transition: "))
            #expect(try await cli.run(["dossiers", "show", s.commune + "-260101-9999"], environment: leader).status == 3)
            #expect(try await cli.run(["dossiers", "frobnicate"]).status == 1)
            #expect(try await cli.run(["dossiers", "refuse", dossier.code]).status == 1)  // --reason missing
            let unreachable = try await cli.run(["procedures", "list", "--server", "http://127.0.0.1:1"])
            #expect(unreachable.status == 5)

            let help = try await cli.run(["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("EXIT CODES") && help.stdout.contains("7  an import"))
            let importHelp = try await cli.run(["dossiers", "import", "--help"])
            #expect(importHelp.stdout.contains("EXAMPLE"))
        }
    }

    @Test func formsPrintThroughTheClientAndTheCommandLine() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let dossier = try await s.reception.dossiers.submit(s.dossierInput())
            let receipt = try await s.reception.dossiers.form(dossier.code, .receipt)
            #expect(receipt.hasPrefix("<!doctype html>") && receipt.contains(dossier.lookupKey) && receipt.contains("<svg"))
            // The receipt is the receiving desk's; a refusal form before any refusal is a conflict.
            for (client, form, code) in [(s.specialist, DossierForm.receipt, "forbidden"), (s.reception, .refusal, "form-not-issued")] {
                do {
                    _ = try await client.dossiers.form(dossier.code, form)
                    Issue.record("printed \(form)")
                } catch MotCuaClientError.problem(let problem) {
                    #expect(problem.code == code)
                }
            }

            let cli = try CLIRunner(server: server.url)
            let token = ["MOTCUA_TOKEN": s.reception.token!]
            let file = cli.configHome.appendingPathComponent("slip.html").path
            let written = try await cli.run(["dossiers", "print", dossier.code, "control-slip", "--file", file], environment: token)
            #expect(written.status == 0, "\(written.stderr)")
            #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Phiếu kiểm soát quá trình giải quyết hồ sơ"))
            let printed = try await cli.run(["dossiers", "print", dossier.code, "receipt"], environment: token)
            #expect(printed.status == 0 && printed.stdout.contains(dossier.code))
            #expect(try await cli.run(["dossiers", "print", dossier.code, "invoice"], environment: token).status == 1)
            #expect(try await cli.run(["dossiers", "print", dossier.code, "apology"], environment: token).status == 2)
        }
    }

    @Test func dossierImportIsResumable() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let cli = try CLIRunner(server: server.url)
            let token = ["MOTCUA_TOKEN": s.reception.token!]
            let tag = Fixture.random(6, from: Fixture.lowerDigits)
            var csv = "procedureCode,receivingUnit,fullName,idNumber,phone,documents,note\r\n"
            for index in 1...5 {
                csv += "\(s.procedureCode),\(s.commune),\"Nguyễn Văn \(tag) \(index)\",00119001234\(index),0912345678,\"TK01:Tờ khai:yes;GCS\",\"ghi chú, \(index)\"\r\n"
            }
            csv += "\(s.procedureCode),\(s.commune),Lỗi \(tag),x,,,\r\n"  // row 7: invalid id number
            let path = try cli.file("intake-\(tag).csv", csv)

            let first = try await cli.run(["dossiers", "import", path, "--output", "csv"], environment: token)
            #expect(first.status == 7, "\(first.stderr)")
            #expect(first.stderr.contains("5 of 6 rows imported, 1 failed"))
            #expect(first.stderr.contains("row 7: validation-failed"))
            let imported = try await s.reception.dossiers.all(filter: .init(unit: s.commune, q: tag)).collect()
            #expect(imported.count == 5)
            #expect(imported.allSatisfy { $0.documents.map(\.code) == ["TK01", "GCS"] && $0.note?.hasPrefix("ghi chú, ") == true })

            let second = try await cli.run(["dossiers", "import", path, "--output", "json"], environment: token)
            #expect(second.status == 7)
            let results = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [[String: Any]]
            #expect(Set(results?.compactMap { $0["code"] as? String }.filter { !$0.isEmpty } ?? []) == Set(imported.map(\.code)))
            #expect(try await s.reception.dossiers.all(filter: .init(unit: s.commune, q: tag)).collect().count == 5)
        }
    }

    @Test func procedureImportPublishesEachAndReportsFailures() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let cli = try CLIRunner(server: server.url)
            let encoder = JSONEncoder()
            let valid = try String(decoding: encoder.encode(Samples.procedure()), as: UTF8.self)
            let code = Fixture.randomProcedureCode()
            let file = try cli.file(
                "catalog.json",
                "[{\"code\":\"\(code)\"," + valid.dropFirst() + ",{\"code\":\"bad\"," + valid.dropFirst() + "]")
            let result = try await cli.run(["procedures", "import", file, "--output", "json"], environment: ["MOTCUA_TOKEN": s.admin.token!])
            #expect(result.status == 7, "\(result.stderr)")
            #expect(result.stderr.contains("1 of 2 procedures imported"))
            #expect(try await server.client().procedures.get(code).version == 1)
            let put = try await cli.run(["procedures", "put", file.replacingOccurrences(of: "catalog", with: "x"), "--code", code])
            #expect(put.status == 1)
        }
    }
}
