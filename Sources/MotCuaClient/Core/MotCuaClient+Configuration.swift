import Foundation

extension MotCuaClient {
    /// Settings for a `MotCuaClient`.
    ///
    /// ```swift
    /// var configuration = MotCuaClient.Configuration()
    /// configuration.transport.timeout = .seconds(10)
    /// configuration.retry = .none
    /// let client = MotCuaClient(serverURL: url, configuration: configuration)
    /// ```
    public struct Configuration: Sendable {
        /// Timeouts, TLS, connection count and body limits of the libcurl transport.
        public var transport: CurlTransport.Configuration
        /// When and how often requests are sent again after a connection error.
        public var retry: RetryPolicy
        /// The `User-Agent` sent with every request.
        public var userAgent: String

        /// Creates a configuration; the defaults suit an interactive tool or a service.
        public init(
            transport: CurlTransport.Configuration = .init(),
            retry: RetryPolicy = .default,
            userAgent: String = "motcua-client/1.0"
        ) {
            self.transport = transport
            self.retry = retry
            self.userAgent = userAgent
        }
    }

    /// Bounded exponential backoff for requests that failed on the connection.
    ///
    /// A request is sent again only when that cannot do harm:
    /// - any request whose connection could not be opened (`MotCuaClientError.connectFailed`:
    ///   nothing was sent);
    /// - idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS, and any request with an
    ///   `Idempotency-Key` such as intake) whose connection was reset or closed before a response.
    ///
    /// Timeouts and answers from the server (`MotCuaClientError.problem`) are never retried. Attempt
    /// `n` (from 1) waits `baseDelay · 2^(n-1)`, capped at `maxDelay`, with up to 50% random jitter
    /// taken off so that many clients do not retry in step.
    public struct RetryPolicy: Sendable, Equatable {
        /// How many times a request is sent at most, the first included. 1 disables retries.
        public var maxAttempts: Int
        /// The wait before the first retry.
        public var baseDelay: Duration
        /// The longest wait between two attempts.
        public var maxDelay: Duration

        /// Creates a policy.
        public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(2)) {
            self.maxAttempts = max(1, maxAttempts)
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
        }

        /// Three attempts, 100 ms then 200 ms apart (with jitter).
        public static let `default` = RetryPolicy()
        /// Every request is sent once.
        public static let none = RetryPolicy(maxAttempts: 1)

        /// The wait before retry number `retry` (1 for the first retry).
        func delay(beforeRetry retry: Int) -> Duration {
            let exponential = baseDelay * (1 << min(max(retry - 1, 0), 20))
            let capped = min(exponential, maxDelay)
            return capped * Double.random(in: 0.5...1.0)
        }
    }
}
