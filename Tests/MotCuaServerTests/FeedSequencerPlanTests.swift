import MotCuaPostgres
import MotCuaServer
@testable import MotCuaStore
import MotCuaTestSupport
import Testing

/// The feed sequencer's numbering stays linear in the batch, whatever the statistics say.
@Suite struct FeedSequencerPlanTests {
    @Test func theHighestPositionIsComputedOnceEvenWhenTheOutboxLookedEmpty() async throws {
        try await TestDatabase.withFreshDatabase { url in
            var configuration = ServerConfiguration()
            configuration.databaseURL = url
            _ = try await Maintenance.migrate(configuration: configuration, logger: TestDatabase.logger)
            try await TestDatabase.withPool(url: url) { pool in
                // As after a bulk load: statistics taken while the outbox was empty.
                try await pool.execute("ANALYZE outbox")
                let plan = try await pool.query("EXPLAIN " + EventFeed.sequenceQuery(batch: 5000))
                    .map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
                // An InitPlan runs once per statement; the former joined aggregate ran once per row.
                #expect(plan.contains("InitPlan"), "\(plan)")
            }
        }
    }
}
