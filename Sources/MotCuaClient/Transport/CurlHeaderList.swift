internal import CCurl

/// Owns a `curl_slist` of request header lines and frees it once.
///
/// libcurl does not copy the list set with CURLOPT_HTTPHEADER, so the transfer keeps this object
/// alive until `curl_easy_perform` returns.
final class CurlHeaderList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    init() {}

    deinit {
        curl_slist_free_all(head)
    }

    /// Appends one raw header line (`Name: value`, `Name;` for an empty value, or `Name:` to stop
    /// libcurl from sending one of its own default headers).
    func append(_ line: String) throws(MotCuaClientError) {
        guard let newHead = curl_slist_append(head, line) else {
            // On failure curl_slist_append leaves the existing list untouched; `deinit` frees it.
            throw .transport(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_slist_append failed")
        }
        head = newHead
    }
}

@available(*, unavailable)
extension CurlHeaderList: Sendable {}
