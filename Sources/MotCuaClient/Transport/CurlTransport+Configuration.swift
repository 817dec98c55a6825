extension CurlTransport {
    /// Settings for a `CurlTransport`. The defaults suit a client of the MotCua API over HTTPS.
    public struct Configuration: Sendable {
        /// How long to wait for a TCP (and TLS) connection. Default 10 seconds.
        public var connectTimeout: Duration
        /// The longest a whole request may take, connecting included. Default 60 seconds.
        public var timeout: Duration
        /// A PEM file of CA certificates to trust instead of the system's, for a server with a
        /// private CA. Default nil (the system bundle).
        public var caBundlePath: String?
        /// Whether to verify the server's certificate and host name. Default true; turn it off only
        /// for a local test server.
        public var verifyPeer: Bool
        /// How many transfers may run at once, which is also how many connections (and transport
        /// threads) the transport keeps. Default 4.
        public var maxConnections: Int
        /// The `User-Agent` sent when a request does not set its own.
        public var userAgent: String
        /// The largest response body accepted, in bytes; a larger one fails with
        /// `MotCuaClientError.responseTooLarge`. Default 64 MiB.
        public var maxResponseBodySize: Int
        /// Request bodies of known length up to this size are handed to libcurl in one buffer;
        /// larger ones, and bodies of unknown length, are streamed. Default 1 MiB.
        public var maxBufferedRequestBodySize: Int

        /// Creates a configuration; every parameter has the default documented on its property.
        public init(
            connectTimeout: Duration = .seconds(10),
            timeout: Duration = .seconds(60),
            caBundlePath: String? = nil,
            verifyPeer: Bool = true,
            maxConnections: Int = 4,
            userAgent: String = "motcua-client/1.0",
            maxResponseBodySize: Int = 64 << 20,
            maxBufferedRequestBodySize: Int = 1 << 20
        ) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.caBundlePath = caBundlePath
            self.verifyPeer = verifyPeer
            self.maxConnections = maxConnections
            self.userAgent = userAgent
            self.maxResponseBodySize = maxResponseBodySize
            self.maxBufferedRequestBodySize = maxBufferedRequestBodySize
        }
    }
}
