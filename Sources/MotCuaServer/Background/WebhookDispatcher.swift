import Foundation
import HTTPTypes
import Logging
import MotCuaClient
import MotCuaStore
import OpenAPIRuntime
import ServiceLifecycle

/// The webhook delivery service: turns feed events into deliveries, claims the due ones and POSTs
/// each, signed, through the project's libcurl transport, then records the outcome (delivered, retry
/// with backoff, or dead). Runs on every instance: claims skip rows another instance locked, and a
/// claim's lease hands it to another instance if this one dies mid-attempt. Never runs in a request.
struct WebhookDispatcher: Service {
    let store: WebhookStore
    let settings: WebhookSettings
    let logger: Logger
    let transport: CurlTransport
    /// The server's clock, which dates each signature.
    let clock: ServerClock

    init(store: WebhookStore, settings: WebhookSettings, clock: ServerClock, logger: Logger) {
        self.store = store
        self.settings = settings
        self.clock = clock
        self.logger = logger
        self.transport = CurlTransport(configuration: .init(
            connectTimeout: min(settings.timeout, .seconds(5)), timeout: settings.timeout, maxConnections: settings.concurrency,
            userAgent: "motcua-webhooks/1.0", maxResponseBodySize: 1 << 20))
    }

    /// How often the safety net of `WebhookStore.releaseWaiting` runs.
    static let releaseInterval: Duration = .seconds(5)
    /// How long delivered deliveries are kept (checked hourly); dead letters are kept.
    static let deliveredRetention: Duration = .seconds(30 * 86_400)

    /// Keeps up to `settings.concurrency` attempts in flight: claims more as soon as one ends (a
    /// dossier's next event is due right after the previous one was delivered), and otherwise looks
    /// again every `settings.interval`, turning new feed events into deliveries at that pace. A slow
    /// receiver holds one slot, never the others.
    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Bool.self) { group in  // true: an attempt ended; false: the interval passed
                var inFlight = 0
                var ticking = false
                var nextFanOut = ContinuousClock.now
                var nextRelease = ContinuousClock.now
                var nextPurge = ContinuousClock.now
                while !Task.isCancelled {
                    var claims: [WebhookStore.Claim] = []
                    // Claim when a quarter of the slots are free (or none is busy): fewer, larger claims.
                    if inFlight == 0 || settings.concurrency - inFlight >= max(1, settings.concurrency / 4) {
                        do {
                            if ContinuousClock.now >= nextFanOut {
                                _ = try await store.fanOut()
                                nextFanOut = ContinuousClock.now + settings.interval
                            }
                            if ContinuousClock.now >= nextRelease {
                                let released = try await store.releaseWaiting()
                                if released > 0 { logger.info("released waiting webhook deliveries", metadata: ["count": "\(released)"]) }
                                nextRelease = ContinuousClock.now + Self.releaseInterval
                            }
                            if ContinuousClock.now >= nextPurge {
                                let purged = try await store.purgeDelivered(olderThan: Self.deliveredRetention)
                                if purged > 0 { logger.info("purged old webhook deliveries", metadata: ["count": "\(purged)"]) }
                                nextPurge = ContinuousClock.now + .seconds(3600)
                            }
                            // The lease outlasts the attempt: the transfer's timeout, then time to record the outcome.
                            claims = try await store.claim(
                                limit: settings.concurrency - inFlight, lease: settings.timeout * 2 + .seconds(5))
                        } catch {
                            // The database is unreachable or failing: say so, and do not hammer it.
                            logger.error("webhook delivery failed", metadata: ["error": "\(error)"])
                            try? await Task.sleep(for: .seconds(1))
                        }
                    }
                    for claim in claims {
                        group.addTask {
                            await deliver(claim)
                            return true
                        }
                    }
                    inFlight += claims.count
                    if claims.count > 1 && inFlight < settings.concurrency { continue }
                    if !ticking {
                        ticking = true
                        group.addTask {
                            try? await Task.sleep(for: settings.interval)
                            return false
                        }
                    }
                    if await group.next() == true { inFlight -= 1 } else { ticking = false }
                }
            }
        }
    }

    /// One attempt of one delivery, and its outcome recorded.
    private func deliver(_ claim: WebhookStore.Claim) async {
        do {
            let outcome = await attempt(claim)
            switch outcome {
            case .success(let status):
                try await store.delivered(claim, status: status)
            case .failure(let failure):
                let dead = claim.attempt >= settings.maxAttempts
                try await store.failed(
                    claim, status: failure.status, error: failure.message, retryAfter: settings.backoff(afterAttempt: claim.attempt),
                    maxAttempts: settings.maxAttempts)
                logger.log(level: dead ? .warning : .info, "webhook attempt failed", metadata: [
                    "delivery": "\(claim.deliveryID)", "attempt": "\(claim.attempt)", "error": "\(failure.message)", "dead": "\(dead)",
                ])
            }
        } catch {
            // The claim's lease expires and the delivery is tried again.
            logger.error("recording a webhook outcome failed", metadata: ["delivery": "\(claim.deliveryID)", "error": "\(error)"])
        }
    }

    struct Failure: Error {
        var status: Int?
        var message: String
    }

    private func attempt(_ claim: WebhookStore.Claim) async -> Result<Int, Failure> {
        guard let target = WebhookTarget(claim.url) else { return .failure(Failure(message: "the URL cannot be used")) }
        let body: [UInt8]
        do {
            body = try Array(WebhookPayload.encode(claim.event))
        } catch {
            return .failure(Failure(message: "the event could not be encoded: \(error)"))
        }
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: target.path)
        request.headerFields[.contentType] = "application/json"
        request.headerFields[HTTPField.Name(WebhookSignature.headerName)!] = WebhookSignature.sign(
            body: body, secret: claim.secret, timestamp: Int64(clock.now.timeIntervalSince1970))
        request.headerFields[HTTPField.Name("X-MotCua-Event-Id")!] = String(claim.event.id)
        request.headerFields[HTTPField.Name("X-MotCua-Event-Type")!] = claim.event.type
        request.headerFields[HTTPField.Name("X-MotCua-Delivery-Id")!] = String(claim.deliveryID)
        request.headerFields[HTTPField.Name("X-MotCua-Delivery-Attempt")!] = String(claim.attempt)
        do {
            let (response, _) = try await transport.send(request, body: HTTPBody(body), baseURL: target.origin, operationID: "webhook")
            let status = response.status.code
            return (200..<300).contains(status) ? .success(status) : .failure(Failure(status: status, message: "the receiver answered \(status)"))
        } catch {
            return .failure(Failure(message: "\(error)"))
        }
    }
}

/// A webhook URL split as the transport joins it: the origin, and the path with the query.
struct WebhookTarget {
    var origin: URL
    var path: String

    init?(_ url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = components.percentEncodedHost, !host.isEmpty,
            let origin = URL(string: "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? ""))
        else { return nil }
        self.origin = origin
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        self.path = path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }
}
