import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaServer
import MotCuaTestSupport
import Testing
import Yams

/// `GET /docs`: the contract as a page a front-end developer reads.
@Suite struct DocumentationPageTests {
    @Test func everyOperationAndSchemaOfTheContractIsOnThePage() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            let response = try await client.get("/docs")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            let page = response.text
            let contract = try #require(try Yams.load(yaml: String(decoding: try MotCuaContract.document(), as: UTF8.self)) as? [String: Any])
            var operations = 0
            for (path, item) in contract["paths"] as? [String: Any] ?? [:] {
                for (method, operation) in item as? [String: Any] ?? [:] {
                    guard let id = (operation as? [String: Any])?["operationId"] as? String else { continue }
                    operations += 1
                    #expect(page.contains("id=\"op-\(id.lowercased())\""), "\(method) \(path)")
                    #expect(page.contains("<code>\(path)</code>"), "\(path)")
                }
            }
            #expect(operations > 50)
            for name in ((contract["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]).keys {
                #expect(page.contains("id=\"schema-\(name.lowercased())\""), "\(name)")
            }
            // The contract's Markdown is rendered and its text escaped; nothing runs in the page.
            #expect(page.contains("<code>Idempotency-Key</code>"))
            #expect(page.contains("X-MotCua-Signature: t=&lt;unix seconds&gt;"))
            #expect(!page.contains("<script"))
        }
    }

    @Test func theLittleMarkdownOfTheContract() {
        #expect(DocumentationPage.markdown("A `code` and **bold** <tag>.\n\n- one\n- two `x`") ==
                "<p>A <code>code</code> and <strong>bold</strong> &lt;tag&gt;.</p><ul><li>one</li><li>two <code>x</code></li></ul>")
        #expect(DocumentationPage.markdown("line\none", inline: true) == "line one")
    }
}
