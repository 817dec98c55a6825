internal import CCurl

/// `curl_global_init` must run once before any other libcurl call, and it is not thread-safe on
/// older libcurl. Swift initialises globals lazily and exactly once, under a lock, so reading this
/// value from `CurlEasy.init` is the whole "init once" mechanism.
private let curlGlobalInitCode: UInt32 = curl_global_init(Int(CURL_GLOBAL_DEFAULT)).rawValue

/// One libcurl easy handle and the error buffer libcurl writes into.
///
/// The handle keeps its connection cache across transfers and across `reset()`, which is what
/// makes keep-alive work: reuse the same `CurlEasy` for the next request to the same host and
/// libcurl reuses the open connection. Only one thread may use a handle at a time; the executor
/// guarantees that by lending each handle to one transfer at a time, so the type is not `Sendable`.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    /// libcurl writes a detailed message here on failure; it must outlive every transfer.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Created on the first transfer; see `perform(cancellation:)`.
    private var multi: UnsafeMutableRawPointer?

    init() throws(MotCuaClientError) {
        guard curlGlobalInitCode == CURLE_OK.rawValue else {
            throw .transport(code: Int(curlGlobalInitCode), message: "curl_global_init failed")
        }
        guard let handle = curl_easy_init() else {
            throw .transport(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed")
        }
        self.handle = handle
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try self.installErrorBuffer()
    }

    deinit {
        if let multi { curl_multi_cleanup(multi) }
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Forgets every option of the previous transfer but keeps open connections, the DNS cache and
    /// TLS session cache.
    func reset() throws(MotCuaClientError) {
        curl_easy_reset(handle)
        try installErrorBuffer()
    }

    private func installErrorBuffer() throws(MotCuaClientError) {
        errorBuffer[0] = 0
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
    }

    // MARK: - Options

    func set(_ option: CURLoption, _ value: Int) throws(MotCuaClientError) {
        try check(ccurl_easy_setopt_long(handle, option, value))
    }

    func set(_ option: CURLoption, _ value: Bool) throws(MotCuaClientError) {
        try check(ccurl_easy_setopt_long(handle, option, value ? 1 : 0))
    }

    func set(_ option: CURLoption, size value: Int64) throws(MotCuaClientError) {
        try check(ccurl_easy_setopt_off_t(handle, option, curl_off_t(value)))
    }

    /// libcurl copies string options (all but CURLOPT_POSTFIELDS, which is never passed here).
    func set(_ option: CURLoption, _ value: String) throws(MotCuaClientError) {
        try check(ccurl_easy_setopt_string(handle, option, value))
    }

    /// The pointee must stay valid until the transfer ends.
    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(MotCuaClientError) {
        try check(ccurl_easy_setopt_pointer(handle, option, value))
    }

    /// The list must stay alive until the transfer ends.
    func set(_ option: CURLoption, list: CurlHeaderList) throws(MotCuaClientError) {
        try check(ccurl_easy_setopt_slist(handle, option, list.head))
    }

    func setWriteFunction(_ callback: curl_write_callback) throws(MotCuaClientError) {
        try check(ccurl_easy_setopt_write_function(handle, callback))
    }

    func setHeaderFunction(_ callback: curl_write_callback) throws(MotCuaClientError) {
        try check(ccurl_easy_setopt_header_function(handle, callback))
    }

    func setReadFunction(_ callback: curl_read_callback) throws(MotCuaClientError) {
        try check(ccurl_easy_setopt_read_function(handle, callback))
    }

    func setXferInfoFunction(_ callback: curl_xferinfo_callback) throws(MotCuaClientError) {
        try check(ccurl_easy_setopt_xferinfo_function(handle, callback))
    }

    func restrictProtocolsToHTTP() throws(MotCuaClientError) {
        try check(ccurl_easy_restrict_protocols_to_http(handle))
    }

    // MARK: - Transfer and results

    /// Runs the transfer to completion. Blocks the calling thread: never call it on the cooperative
    /// pool or an event loop.
    /// Runs the configured transfer to its end, in this handle's own multi handle rather than with
    /// `curl_easy_perform`: the multi's wait can be woken from another thread (`curl_multi_wakeup`),
    /// so cancelling stops the transfer at once instead of at libcurl's next progress callback, which
    /// comes only about once a second while the server is silent. Connections stay in the multi's
    /// cache between transfers, so sequential requests still share one.
    func perform(cancellation: CurlCancellation) -> CURLcode {
        errorBuffer[0] = 0
        if multi == nil { multi = curl_multi_init() }
        guard let multi, curl_multi_add_handle(multi, handle) == CURLM_OK else { return CURLE_FAILED_INIT }
        defer { curl_multi_remove_handle(multi, handle) }
        cancellation.attach(multi)
        defer { cancellation.detach() }
        var running: Int32 = 1
        while true {
            guard curl_multi_perform(multi, &running) == CURLM_OK else { return CURLE_FAILED_INIT }
            if running == 0 { break }
            if cancellation.isCancelled { return CURLE_ABORTED_BY_CALLBACK }
            guard curl_multi_poll(multi, nil, 0, 1000, nil) == CURLM_OK else { return CURLE_FAILED_INIT }
        }
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            if message.pointee.msg == CURLMSG_DONE { return message.pointee.data.result }
        }
        return CURLE_FAILED_INIT
    }

    func info(long info: CURLINFO) -> Int {
        var value = 0
        return ccurl_easy_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }

    func info(string info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>? = nil
        guard ccurl_easy_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    func info(double info: CURLINFO) -> Double {
        var value = 0.0
        return ccurl_easy_getinfo_double(handle, info, &value) == CURLE_OK ? value : 0
    }

    /// The message for a failed call: libcurl's detailed error buffer when it wrote one (it names
    /// the host and port), else the generic text for the code.
    func message(for code: CURLcode) -> String {
        if errorBuffer[0] != 0 { return String(cString: errorBuffer) }
        return String(cString: curl_easy_strerror(code))
    }

    private func check(_ code: CURLcode) throws(MotCuaClientError) {
        guard code == CURLE_OK else { throw MotCuaClientError(code, message: message(for: code)) }
    }
}

@available(*, unavailable)
extension CurlEasy: Sendable {}
