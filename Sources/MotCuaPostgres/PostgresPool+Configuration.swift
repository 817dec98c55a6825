extension PostgresPool {
    /// Sizing and timing of a `PostgresPool`.
    public struct Configuration: Sendable {
        /// Most connections open at once; also the number of threads that connect.
        public var maxConnections: Int = 10
        /// Connections `run()` keeps open while idle, so a burst after a quiet spell needs no connects.
        public var minIdleConnections: Int = 0
        /// How long a caller waits for a free connection before `PostgresError(.poolTimeout)`.
        public var acquireTimeout: Duration = .seconds(10)
        /// An idle connection unused for longer is checked with `SELECT 1` before it is lent out.
        public var healthCheckAfterIdle: Duration = .seconds(30)
        /// Idle connections above `minIdleConnections` unused for longer are closed by `run()`.
        public var maxIdleTime: Duration = .seconds(300)
        /// How often `run()` closes surplus idle connections and tops up `minIdleConnections`.
        public var housekeepingInterval: Duration = .seconds(5)
        /// Prepared statements kept per connection (least recently used evicted); 0 disables preparing.
        public var statementCacheCapacity: Int = 256

        /// The defaults: 10 connections, 10 s acquire timeout, 256 cached statements per connection.
        public init() {}

        /// Defaults with a different maximum size.
        public init(maxConnections: Int) {
            self.maxConnections = maxConnections
        }
    }

    /// A snapshot of the pool for metrics.
    public struct Statistics: Sendable, Equatable {
        /// Connections open or being opened.
        public var open: Int
        /// Open connections waiting in the pool.
        public var idle: Int
        /// Connections lent out (or being opened).
        public var inUse: Int
        /// Callers waiting for a connection.
        public var waiters: Int
    }
}
