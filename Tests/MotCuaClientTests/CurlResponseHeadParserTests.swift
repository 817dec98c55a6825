import HTTPTypes
import Testing

@testable import MotCuaClient

/// The header-callback parser on the raw lines libcurl passes it.
@Suite struct CurlResponseHeadParserTests {
    private func parse(_ lines: [String]) -> CurlResponseHeadParser {
        var parser = CurlResponseHeadParser()
        for line in lines {
            Array(line.utf8).withUnsafeBytes { parser.consume($0) }
        }
        return parser
    }

    @Test func keepsOnlyTheFinalHeadAfterInterimResponses() {
        let parser = parse([
            "HTTP/1.1 100 Continue\r\n", "\r\n",
            "HTTP/1.1 201 Created\r\n", "Location: /v1/dossiers/1\r\n", "Set-Cookie: a=1\r\n",
            "Set-Cookie: b=2\r\n", "\r\n",
        ])
        #expect(parser.status == 201)
        #expect(parser.reasonPhrase == "Created")
        #expect(parser.isComplete)
        #expect(parser.fields[.location] == "/v1/dossiers/1")
        #expect(parser.fields[values: .setCookie] == ["a=1", "b=2"])
    }

    @Test func parsesHTTP2StatusLinesWithoutReason() {
        let parser = parse(["HTTP/2 404 \r\n", "content-type: application/problem+json\r\n", "\r\n"])
        #expect(parser.status == 404)
        #expect(parser.reasonPhrase.isEmpty)
        #expect(parser.fields[.contentType] == "application/problem+json")
    }

    @Test func joinsFoldedLinesAndIgnoresTrailers() {
        let parser = parse([
            "HTTP/1.1 200 OK\r\n", "X-Long: first\r\n", "\t second\r\n", "\r\n",
            "X-Trailer: ignored\r\n", "\r\n",
        ])
        #expect(parser.fields[HTTPField.Name("X-Long")!] == "first second")
        #expect(parser.fields[HTTPField.Name("X-Trailer")!] == nil)
    }

    @Test func replacesAProxyConnectHeadWithTheServersHead() {
        let parser = parse([
            "HTTP/1.1 200 Connection established\r\n", "\r\n",
            "HTTP/2 503\r\n", "retry-after: 5\r\n", "\r\n",
        ])
        #expect(parser.status == 503)
        #expect(parser.fields[.retryAfter] == "5")
    }
}
