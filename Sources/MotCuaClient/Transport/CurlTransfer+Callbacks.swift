internal import CCurl

// libcurl calls these C function pointers on the transfer's thread, during `curl_easy_perform`.
// A `@convention(c)` closure cannot capture, so each finds its `CurlTransfer` (or body stream)
// through the user-data pointer; `CurlTransfer.run` keeps those objects alive for the whole call.

extension CurlTransfer {
    func installCallbacks(on easy: CurlEasy) throws(MotCuaClientError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try easy.setWriteFunction(curlWriteCallback)
        try easy.set(CURLOPT_WRITEDATA, pointer: context)
        try easy.setHeaderFunction(curlHeaderCallback)
        try easy.set(CURLOPT_HEADERDATA, pointer: context)
        // The progress callback is what lets cancellation abort a blocked transfer.
        try easy.setXferInfoFunction(curlProgressCallback)
        try easy.set(CURLOPT_XFERINFODATA, pointer: context)
        try easy.set(CURLOPT_NOPROGRESS, false)
    }

    func installReadCallback(on easy: CurlEasy) throws(MotCuaClientError) {
        try easy.setReadFunction(curlReadCallback)
        try easy.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(self).toOpaque())
    }
}

private func transfer(_ context: UnsafeMutableRawPointer?) -> CurlTransfer {
    Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
}

private let curlWriteCallback: curl_write_callback = { data, size, count, context in
    let length = size * count
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    // Returning fewer bytes than given makes libcurl fail the transfer with CURLE_WRITE_ERROR.
    return transfer(context).appendBody(bytes) ? length : 0
}

private let curlHeaderCallback: curl_write_callback = { data, size, count, context in
    let length = size * count
    transfer(context).head.consume(UnsafeRawBufferPointer(start: data, count: length))
    return length
}

private let curlReadCallback: curl_read_callback = { data, size, count, context in
    guard let data, let stream = transfer(context).bodyStream else { return Int(CURL_READFUNC_ABORT) }
    let destination = UnsafeMutableRawBufferPointer(start: data, count: size * count)
    return stream.read(into: destination) ?? Int(CURL_READFUNC_ABORT)
}

private let curlProgressCallback: curl_xferinfo_callback = { context, _, _, _, _ in
    transfer(context).cancellation.isCancelled ? 1 : 0
}
