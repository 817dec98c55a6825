import Foundation
import MotCuaFoundation

/// The highest feed position this instance has seen, and the long-poll requests waiting for a higher
/// one. The sequencer publishes after every run; a waiting request wakes at once instead of polling.
final class FeedSignal: Sendable {
    private struct State {
        var last: Int64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }
    private let state = LockedValue(State())

    /// The highest position published so far.
    var last: Int64 { state.withLock { $0.last } }

    /// How many long-poll requests are waiting for a new position now.
    var waiting: Int { state.withLock { $0.waiters.count } }

    /// Records `position` as reached and wakes every waiter when it is new.
    func publish(_ position: Int64) {
        let woken: [CheckedContinuation<Void, Never>] = state.withLock { state in
            guard position > state.last else { return [] }
            state.last = position
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in woken { waiter.resume() }
    }

    /// Returns when a position above `position` is published, after `timeout`, or when the task is
    /// cancelled, whichever comes first.
    func wait(beyond position: Int64, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForPublish(beyond: position) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForPublish(beyond position: Int64) async {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.last > position || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
