internal import CCurl

extension MotCuaClientError {
    /// Maps a failed libcurl call to the client's error type.
    ///
    /// `CURLE_ABORTED_BY_CALLBACK` is not mapped here: the transfer turns it into
    /// `CancellationError` (our progress callback aborts only when the task was cancelled), and
    /// `CURLE_WRITE_ERROR` into `.responseTooLarge` when the write callback refused more bytes.
    init(_ code: CURLcode, message: String) {
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            self = .connectFailed(message: message)
        case CURLE_OPERATION_TIMEDOUT:
            self = .timedOut
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE,
            CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED, CURLE_SSL_CLIENTCERT:
            self = .tls(message: message)
        default:
            self = .transport(code: Int(code.rawValue), message: message)
        }
    }
}
