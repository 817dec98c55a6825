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

/// Readiness with the database answering (without it: `MotCuaHandlerTests.HealthTests`).
@Suite struct ReadinessTests {
    @Test func readinessAnswersOKWhenTheDatabaseAnswers() async throws {
        try await withTestApp { client, _ in
            let health = try expectJSON(try await client.get("/health/ready"), as: Components.Schemas.HealthStatus.self)
            #expect(health.status == .ok)
            #expect(health.database == .ok)
        }
    }
}
