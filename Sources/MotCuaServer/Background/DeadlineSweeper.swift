import Logging
import MotCuaStore
import ServiceLifecycle

/// Runs the deadline sweep (`DossierStore.sweep`) every `interval` until graceful shutdown. Safe to
/// run on every instance at once: the sweep locks rows with `SKIP LOCKED`.
struct DeadlineSweeper: Service {
    let dossiers: DossierStore
    let calendars: CalendarProvider
    let clock: ServerClock
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Graceful shutdown cancels the loop; that is the normal way out, not a failure.
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: interval)
                do {
                    let result = try await dossiers.sweep(now: clock.now, calendar: try await calendars.calendar())
                    if result != .init() {
                        logger.info("deadline sweep", metadata: [
                            "acceptBreaches": "\(result.acceptBreaches)", "closedIncomplete": "\(result.closedIncomplete)",
                            "dueSoon": "\(result.dueSoon)",
                        ])
                    }
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    logger.error("deadline sweep failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
