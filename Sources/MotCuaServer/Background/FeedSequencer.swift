import Logging
import MotCuaStore
import ServiceLifecycle

/// Numbers committed events into the feed every `interval` (`EventFeed.sequence`), and publishes the
/// feed's end to this instance's long-poll requests. Every instance runs one; the database lets one
/// number at a time, and the others still learn the new end within an interval.
struct FeedSequencer: Service {
    let feed: EventFeed
    let signal: FeedSignal
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                do {
                    // A full batch means more are waiting: go on without sleeping.
                    let batch = 5000
                    while try await feed.sequence(batch: batch) == batch {}
                    signal.publish(try await feed.lastPosition())
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    logger.error("feed sequencing failed", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
