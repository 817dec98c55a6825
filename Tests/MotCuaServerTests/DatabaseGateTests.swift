@testable import MotCuaServer
import MotCuaTestSupport
import Testing

/// Background services wait for the migrated database, and shutting down first does not hang them.
@Suite struct DatabaseGateTests {
    @Test func waitersResumeWhenTheGateOpensAndLaterOnesPassAtOnce() async throws {
        let gate = DatabaseGate()
        async let first = gate.wait()
        async let second = gate.wait()
        #expect(try await eventually(timeout: .seconds(10)) { gate.waiting == 2 })
        gate.open()
        let opened = await [first, second]
        #expect(opened == [true, true])
        #expect(await gate.wait())
    }

    @Test func aCancelledWaitReturnsFalseWithoutTheGateOpening() async throws {
        let gate = DatabaseGate()
        let waiting = Task { await gate.wait() }
        #expect(try await eventually(timeout: .seconds(10)) { gate.waiting == 1 })
        waiting.cancel()
        #expect(await waiting.value == false)
    }
}
