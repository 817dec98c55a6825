internal import CCurl
import HTTPTypes
import OpenAPIRuntime

/// The state of one transfer that libcurl's callbacks write into, and the code that runs it.
///
/// Created and used on one transport thread; the callbacks find it through the user-data pointer
/// (`Unmanaged.passUnretained`), so it must outlive `curl_easy_perform`, which `run` guarantees by
/// holding it (and the header list and body buffer) in local variables until the call returns.
final class CurlTransfer {
    var head = CurlResponseHeadParser()
    var responseBody: [UInt8] = []
    let maxResponseBodySize: Int
    private(set) var exceededResponseLimit = false
    let cancellation: CurlCancellation
    let bodyStream: CurlRequestBodyStream?

    init(maxResponseBodySize: Int, cancellation: CurlCancellation, bodyStream: CurlRequestBodyStream?) {
        self.maxResponseBodySize = maxResponseBodySize
        self.cancellation = cancellation
        self.bodyStream = bodyStream
    }

    /// Appends response bytes, refusing them once the limit is passed (libcurl then fails the
    /// transfer with CURLE_WRITE_ERROR).
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard responseBody.count + bytes.count <= maxResponseBodySize else {
            exceededResponseLimit = true
            return false
        }
        if responseBody.isEmpty, !head.fields.contains(where: { $0.name == .contentEncoding }),
            let declared = head.fields[.contentLength].flatMap(Int.init), declared <= maxResponseBodySize
        {
            // One allocation for the whole body when the server declared its size.
            responseBody.reserveCapacity(declared)
        }
        responseBody.append(contentsOf: bytes)
        return true
    }

    /// Runs one request on `easy` and returns the response head and body bytes.
    static func run(
        on easy: CurlEasy,
        request: CurlPreparedRequest,
        body: CurlRequestBody,
        configuration: CurlTransport.Configuration,
        cancellation: CurlCancellation
    ) throws -> (HTTPResponse, [UInt8], openedConnections: Int) {
        if cancellation.isCancelled { throw CancellationError() }
        var stream: CurlRequestBodyStream?
        if case .streamed(let bodyStream, _) = body { stream = bodyStream }
        let transfer = CurlTransfer(
            maxResponseBodySize: configuration.maxResponseBodySize,
            cancellation: cancellation,
            bodyStream: stream
        )

        try easy.reset()
        try easy.apply(configuration)
        try transfer.installCallbacks(on: easy)
        try easy.set(CURLOPT_URL, request.url)
        let headers = try request.headerList()

        let code: CURLcode
        switch body {
        case .buffered(let bytes):
            code = try bytes.withUnsafeBytes { buffer throws(MotCuaClientError) -> CURLcode in
                try easy.setMethod(request.method, bodyLength: Int64(buffer.count))
                if let base = buffer.baseAddress, buffer.count > 0 {
                    try easy.set(CURLOPT_POSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: base))
                } else {
                    try easy.set(CURLOPT_COPYPOSTFIELDS, "")
                }
                try easy.set(CURLOPT_HTTPHEADER, list: headers)
                return easy.perform(cancellation: cancellation)
            }
        case .streamed(_, let length):
            try easy.setMethod(request.method, bodyLength: length ?? -1)
            try transfer.installReadCallback(on: easy)
            try easy.set(CURLOPT_HTTPHEADER, list: headers)
            code = easy.perform(cancellation: cancellation)
        case .none:
            try easy.setMethod(request.method, bodyLength: nil)
            try easy.set(CURLOPT_HTTPHEADER, list: headers)
            code = easy.perform(cancellation: cancellation)
        }
        withExtendedLifetime((transfer, headers)) {}
        let opened = easy.info(long: CURLINFO_NUM_CONNECTS)

        switch code {
        case CURLE_OK:
            return (transfer.response(status: easy.info(long: CURLINFO_RESPONSE_CODE)), transfer.responseBody, opened)
        case CURLE_ABORTED_BY_CALLBACK where stream?.failure != nil:
            throw stream!.failure!
        case CURLE_ABORTED_BY_CALLBACK where cancellation.isCancelled,
            CURLE_READ_ERROR where cancellation.isCancelled:
            throw CancellationError()
        case CURLE_WRITE_ERROR where transfer.exceededResponseLimit:
            throw MotCuaClientError.responseTooLarge(limit: configuration.maxResponseBodySize)
        default:
            throw MotCuaClientError(code, message: easy.message(for: code))
        }
    }

    /// The final response head. libcurl already decoded a compressed body (CURLOPT_ACCEPT_ENCODING),
    /// so the encoding and the compressed length no longer describe the bytes returned.
    private func response(status: Int) -> HTTPResponse {
        var fields = head.fields
        if fields[.contentEncoding] != nil {
            fields[.contentEncoding] = nil
            fields[.contentLength] = nil
        }
        let reason = head.status == status ? head.reasonPhrase : ""
        return HTTPResponse(status: .init(code: status, reasonPhrase: reason), headerFields: fields)
    }
}

@available(*, unavailable)
extension CurlTransfer: Sendable {}
