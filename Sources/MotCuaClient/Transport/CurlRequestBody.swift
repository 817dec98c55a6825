import OpenAPIRuntime

/// How a request body reaches libcurl.
enum CurlRequestBody: Sendable {
    /// No body.
    case none
    /// The whole body in one buffer, handed to libcurl with CURLOPT_POSTFIELDS (no copy) and kept
    /// alive by the transfer until `curl_easy_perform` returns.
    case buffered(HTTPBody.ByteChunk)
    /// Chunks passed one by one to libcurl's read callback; `length` nil means chunked encoding.
    case streamed(CurlRequestBodyStream, length: Int64?)

    /// Buffers a body of known, small length (one round trip to the transport thread and one write
    /// for headers and body); streams anything larger or of unknown length.
    static func make(from body: HTTPBody?, bufferLimit: Int) async throws -> CurlRequestBody {
        guard let body else { return .none }
        switch body.length {
        case .known(let length) where length <= Int64(bufferLimit):
            return .buffered(try await collect(body, upTo: bufferLimit))
        case .known(let length):
            return .streamed(CurlRequestBodyStream(), length: length)
        case .unknown:
            return .streamed(CurlRequestBodyStream(), length: nil)
        }
    }

    /// Collects a body without copying when it is a single chunk (the usual case for a body the
    /// generated client encoded), and with one copy otherwise.
    private static func collect(_ body: HTTPBody, upTo limit: Int) async throws -> HTTPBody.ByteChunk {
        var collected: HTTPBody.ByteChunk?
        for try await chunk in body {
            if collected == nil {
                collected = chunk
            } else {
                collected!.append(contentsOf: chunk)
            }
            if collected!.count > limit {
                throw MotCuaClientError.transport(
                    code: -1, message: "request body longer than its declared length")
            }
        }
        return collected ?? HTTPBody.ByteChunk()
    }
}
