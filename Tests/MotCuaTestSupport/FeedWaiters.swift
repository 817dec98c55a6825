import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Waits until the server on `port` holds `count` change-feed requests waiting for a new event (its
/// `motcua_feed_waiting_requests` gauge), reading `/metrics` over a connection of its own: a test
/// then makes its change knowing the request is already waiting, instead of sleeping and hoping.
/// Returns whether it happened within `timeout`.
public func waitForFeedWaiters(port: Int, count: Int = 1, timeout: Duration = .seconds(10)) async throws -> Bool {
    let url = URL(string: "http://127.0.0.1:\(port)/metrics")!
    return try await eventually(timeout: timeout) {
        let (data, _) = try await URLSession.shared.data(from: url)
        let waiting = String(decoding: data, as: UTF8.self).split(separator: "\n")
            .first { $0.hasPrefix("motcua_feed_waiting_requests ") }
            .flatMap { Double($0.split(separator: " ").last ?? "") }
        return (waiting ?? 0) >= Double(count)
    }
}
