import Foundation
import HTTPTypes

/// What a transfer needs from an `HTTPRequest`, in libcurl's terms: a URL string, a method and
/// raw header lines. Built on the caller's task so the transport thread only does libcurl work.
struct CurlPreparedRequest: Sendable {
    var url: String
    var method: HTTPRequest.Method
    var headerLines: [String]

    /// Joins the request's path (which carries the query) onto the base URL, as the other
    /// swift-openapi transports do: `https://host/api` + `/v1/x?y=1` → `https://host/api/v1/x?y=1`.
    init(_ request: HTTPRequest, baseURL: URL) {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let path = request.path ?? "/"
        self.url = base + (path.hasPrefix("/") ? path : "/" + path)
        self.method = request.method
        self.headerLines = request.headerFields.compactMap { field in
            // libcurl writes the framing headers itself from the body it is given.
            if field.name == .contentLength || field.name == .transferEncoding { return nil }
            // `Name:` would tell libcurl to remove the header; `Name;` sends it with no value.
            return field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)"
        }
        let names = Set(request.headerFields.map(\.name))
        // libcurl adds `Expect: 100-continue` to uploads over 1 MiB and then waits up to a second
        // for a `100` that many servers never send; our servers read the body anyway.
        if !names.contains(.expect) { headerLines.append("Expect:") }
        // libcurl labels a POST body `application/x-www-form-urlencoded` unless told otherwise;
        // `Content-Type:` removes that default (and is a no-op on requests without a body).
        if !names.contains(.contentType) { headerLines.append("Content-Type:") }
    }

    /// The header list for the transfer; the transfer keeps it alive until `perform` returns.
    func headerList() throws(MotCuaClientError) -> CurlHeaderList {
        let list = CurlHeaderList()
        for line in headerLines { try list.append(line) }
        return list
    }
}
