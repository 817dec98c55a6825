internal import CCurl
import HTTPTypes

extension CurlEasy {
    /// Sets the options every transfer has, after `reset()` cleared the previous ones.
    func apply(_ configuration: CurlTransport.Configuration) throws(MotCuaClientError) {
        // libcurl's default DNS timeout uses SIGALRM, which is unsafe with several threads.
        try set(CURLOPT_NOSIGNAL, true)
        try restrictProtocolsToHTTP()
        try set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.milliseconds)
        try set(CURLOPT_TIMEOUT_MS, configuration.timeout.milliseconds)
        try set(CURLOPT_SSL_VERIFYPEER, configuration.verifyPeer)
        // 2 = the certificate must name the host; 1 is deprecated and means the same in new libcurl.
        try set(CURLOPT_SSL_VERIFYHOST, configuration.verifyPeer ? 2 : 0)
        if let caBundlePath = configuration.caBundlePath {
            try set(CURLOPT_CAINFO, caBundlePath)
        }
        // "" advertises every encoding this libcurl can decode (gzip, deflate, ...) and decodes the
        // response before our write callback sees it.
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_USERAGENT, configuration.userAgent)
        // CURLOPT_PROXY is deliberately left unset: libcurl then reads http_proxy, https_proxy,
        // HTTPS_PROXY, ALL_PROXY and NO_PROXY from the environment (HTTP_PROXY in upper case is
        // ignored on purpose, see libcurl's CURLOPT_PROXY documentation).
    }

    /// Chooses the request method and how the body is sent.
    /// - Parameter bodyLength: the body's length, -1 for a body of unknown length (sent chunked),
    ///   nil for no body.
    func setMethod(_ method: HTTPRequest.Method, bodyLength: Int64?) throws(MotCuaClientError) {
        if let bodyLength {
            // CURLOPT_POST selects "send a body"; CUSTOMREQUEST then only replaces the method name,
            // which is how libcurl sends a body with PUT, PATCH or DELETE.
            try set(CURLOPT_POST, true)
            try set(CURLOPT_POSTFIELDSIZE_LARGE, size: bodyLength)
            if method != .post { try set(CURLOPT_CUSTOMREQUEST, method.rawValue) }
            return
        }
        switch method {
        case .get:
            try set(CURLOPT_HTTPGET, true)
        case .head:
            try set(CURLOPT_NOBODY, true)
        case .post, .put, .patch:
            // An empty body with `Content-Length: 0`, which servers expect on these methods.
            // Without POSTFIELDS libcurl would read the body from stdin.
            try set(CURLOPT_POST, true)
            try set(CURLOPT_POSTFIELDSIZE_LARGE, size: 0)
            try set(CURLOPT_COPYPOSTFIELDS, "")
            if method != .post { try set(CURLOPT_CUSTOMREQUEST, method.rawValue) }
        default:
            try set(CURLOPT_CUSTOMREQUEST, method.rawValue)
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a tiny positive timeout never becomes 0 ("no timeout").
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
        return max(millis, seconds > 0 || attoseconds > 0 ? 1 : 0)
    }
}
