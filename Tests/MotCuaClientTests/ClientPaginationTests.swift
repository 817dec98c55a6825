import Foundation
import MotCuaClient
import Testing

@Suite struct ClientPaginationTests {
    @Test func allWalksEveryPageOfAThousandDossiers() async throws {
        try await LiveServer.run { server in
            let s = try await Scenario.make(server)
            let intake = server.client(token: s.reception.token) { $0.transport.maxConnections = 8 }
            let total = 1_000
            let created = try await withThrowingTaskGroup(of: [String].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var codes: [String] = []
                        for index in stride(from: worker, to: total, by: 8) {
                            codes.append(try await intake.dossiers.submit(s.dossierInput(name: "Người nộp \(index)")).code)
                        }
                        return codes
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.formUnion($1) }
            }
            #expect(created.count == total)

            var seen: [Dossier] = []
            for try await dossier in s.reception.dossiers.all(filter: .init(unit: s.commune), pageSize: 97) {
                seen.append(dossier)
            }
            #expect(seen.count == total)
            #expect(Set(seen.map(\.code)) == created)
            // Newest first.
            let received = seen.compactMap(\.receivedAt)
            #expect(received == received.sorted(by: >))

            // Breaking out early stops fetching; a filter narrows every page.
            var firstFive: [String] = []
            for try await dossier in s.reception.dossiers.all(filter: .init(unit: s.commune), pageSize: 2) {
                firstFive.append(dossier.code)
                if firstFive.count == 5 { break }
            }
            #expect(firstFive == seen.prefix(5).map(\.code))
            let named = try await s.reception.dossiers.all(filter: .init(unit: s.commune, q: "Người nộp 99"), pageSize: 3).collect()
            // `q` matches words of the name or the code, so some codes containing 99 come too.
            #expect(Set(named.map(\.applicant.fullName)).isSuperset(of: ["Người nộp 99"] + (990...999).map { "Người nộp \($0)" }))
            #expect(named.allSatisfy { $0.applicant.fullName.contains("99") || $0.code.contains("99") })
        }
    }
}
