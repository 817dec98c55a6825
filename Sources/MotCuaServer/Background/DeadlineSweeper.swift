import Logging
import MotCuaStore
import ServiceLifecycle

/// Runs the deadline sweep (`DossierStore.sweep`) every `interval` until graceful shutdown, and
/// deletes tokens that expired more than a day ago and login audit records past their retention. Safe to run on every instance at once: the sweep
/// locks rows with `SKIP LOCKED`, and deleting expired tokens twice deletes nothing the second time.
struct DeadlineSweeper: Service {
    let dossiers: any DossierStoring
    let tokens: any TokenStoring
    let loginAudit: any LoginAuditStoring
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
                    let purged = try await tokens.purgeExpired(now: clock.now)
                    if purged > 0 { logger.info("purged expired tokens", metadata: ["tokens": "\(purged)"]) }
                    let forgotten = try await loginAudit.purgeExpired(now: clock.now)
                    if forgotten > 0 { logger.info("purged old login audit records", metadata: ["records": "\(forgotten)"]) }
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    logger.error("deadline sweep failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
