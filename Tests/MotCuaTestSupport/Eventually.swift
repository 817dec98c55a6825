/// Polls `condition` every `interval` until it holds or `timeout` passes; returns whether it held.
/// For what a test cannot be told directly (a background service's work, a request reaching its
/// handler), instead of sleeping a fixed time and hoping.
public func eventually(
    timeout: Duration = .seconds(30), every interval: Duration = .milliseconds(20), _ condition: () async throws -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: interval)
    }
    return try await condition()
}
