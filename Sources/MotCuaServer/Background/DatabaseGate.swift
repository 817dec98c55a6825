import MotCuaFoundation
import ServiceLifecycle

/// Opens once the database is migrated (`prepareDatabase`, before the server accepts connections).
/// Background services start with the application, at the same time: they wait here, or on a first
/// start they would query tables that do not exist yet.
final class DatabaseGate: Sendable {
    private struct State {
        var open = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextID = 0
    }

    private let state = LockedValue(State())

    /// How many tasks wait for the gate now.
    var waiting: Int { state.withLock { $0.waiters.count } }

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// True once open; false when the task was cancelled first.
    func wait() async -> Bool {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state in
                    if state.open || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
        return state.withLock { $0.open }
    }
}

/// Runs `service` once `gate` opens; returns without running it when the application shuts down first.
struct AfterDatabasePrepared: Service {
    let gate: DatabaseGate
    let service: any Service

    func run() async throws {
        let opened = (try? await cancelWhenGracefulShutdown { await gate.wait() }) ?? false
        guard opened else { return }
        try await service.run()
    }
}
