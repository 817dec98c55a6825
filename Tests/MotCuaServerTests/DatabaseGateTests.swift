@testable import MotCuaServer
import MotCuaTestSupport
import Testing

/// Background services wait for the migrated database, and shutting down first does not hang them.
@Suite struct DatabaseGateTests {
    @Test func waitersResumeWhenTheGateOpensAndLaterOnesPassAtOnce() async {
        let gate = DatabaseGate()
        async let first = gate.wait()
        async let second = gate.wait()
        while gate.waiting < 2 { await Task.yield() }
        gate.open()
        let opened = await [first, second]
        #expect(opened == [true, true])
        #expect(await gate.wait())
    }

    @Test func aCancelledWaitReturnsFalseWithoutTheGateOpening() async {
        let gate = DatabaseGate()
        let waiting = Task { await gate.wait() }
        while gate.waiting < 1 { await Task.yield() }
        waiting.cancel()
        #expect(await waiting.value == false)
    }
}
