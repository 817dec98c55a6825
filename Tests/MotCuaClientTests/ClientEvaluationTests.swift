import Foundation
import MotCuaClient
import Testing

/// The evaluation reports through the client and the CLI.
@Suite struct ClientEvaluationTests {
    @Test func reportsThroughTheClientAndTheCLI() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let dossier = try await s.reception.dossiers.submit(s.dossierInput())
            _ = try await s.leader.dossiers.assign(dossier.code, assignee: s.usernames[.specialist]!)

            let unit = try await s.admin.evaluations.unit(s.commune)
            #expect(unit.unit == s.commune)
            #expect(unit.received == 1)
            #expect(!unit.index766.groups.isEmpty)
            let csv = try await s.admin.evaluations.unitCSV(s.commune, lang: .vi)
            #expect(csv.contains(s.commune))

            let ranking = try await s.admin.evaluations.ranking()
            #expect(ranking.province == s.province)
            #expect(ranking.items.map(\.evaluation.unit).contains(s.commune))

            let officers = try await s.leader.evaluations.officers(unit: s.commune)
            #expect(officers.unit == s.commune)
            let weekly = try await s.admin.evaluations.weekly(unit: s.commune)
            #expect(!weekly.items.isEmpty)
            let procedures = try await s.admin.evaluations.procedures(unit: s.commune)
            #expect(procedures.items.map(\.code) == [s.procedureCode])

            let cli = try CLIRunner(server: server.url)
            let token = ["MOTCUA_TOKEN": s.admin.token!]
            let table = try await cli.run(["evaluations", "unit", s.commune, "--output", "table"], environment: token)
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.contains("on_time_rate") && table.stdout.contains("GROUP"))
            let csvOut = try await cli.run(["evaluations", "procedures", "--unit", s.commune, "--output", "csv"], environment: token)
            #expect(csvOut.stdout.hasPrefix("code,name,dossiers,finished,statutory,unit,average_time,p90_time,supplement_rate,on_time_rate\r\n"))
            #expect(csvOut.stdout.contains(s.procedureCode))
            for arguments in [["officers", "--unit", s.commune], ["weekly", "--unit", s.commune], ["ranking"]] {
                let result = try await cli.run(["evaluations"] + arguments + ["--output", "json"], environment: token)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) is [String: Any])
            }
        }
    }
}
