// motcua-bench SERVER_URL TOKEN DOSSIER_CODE [REQUESTS]
//
// Sends REQUESTS (default 10,000) sequential `GET /v1/dossiers/{code}` through MotCuaClient on one
// keep-alive connection, after 200 warm-up requests, and prints the rate. The last line is
// machine-readable: `client_rps=<requests per second>`. Used by scripts/bench-client.sh, which
// compares it with wrk on the same URL.
import Foundation
import MotCuaClient

let arguments = CommandLine.arguments
guard arguments.count >= 4, let url = URL(string: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: motcua-bench SERVER_URL TOKEN DOSSIER_CODE [REQUESTS]\n".utf8))
    exit(1)
}
let token = arguments[2]
let code = arguments[3]
let requests = arguments.count > 4 ? Int(arguments[4]) ?? 10_000 : 10_000

var configuration = MotCuaClient.Configuration(userAgent: "motcua-bench/1.0")
configuration.transport.maxConnections = 1
let client = MotCuaClient(serverURL: url, token: token, configuration: configuration)

/// Sends `count` sequential requests and returns how long they took. The loop runs on the client's
/// own threads (`taskExecutor`), as the README recommends for batches: a caller on the main actor
/// or Swift's pool pays two thread hand-offs per request, which measures the caller, not the client.
nonisolated func timeSequentialGets(_ count: Int) async throws -> Duration {
    try await withTaskExecutorPreference(client.taskExecutor) {
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<count { _ = try await client.dossiers.get(code) }
        return clock.now - started
    }
}

do {
    _ = try await timeSequentialGets(200)  // warm-up: connection, caches
    let elapsed = try await timeSequentialGets(requests)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Double(requests) / seconds
    print(String(format: "client: %d sequential GET /v1/dossiers/%@ in %.2f s on %d connection(s): %.0f req/s",
                 requests, code, seconds, client.openedConnections, rate))
    print(String(format: "client_rps=%.1f", rate))
} catch {
    FileHandle.standardError.write(Data("motcua-bench: \(error)\n".utf8))
    exit(2)
}
