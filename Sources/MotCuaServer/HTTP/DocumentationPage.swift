import Foundation
import MotCuaFoundation
import Yams

/// `GET /docs`: the contract as one HTML page, generated on the first request from the bundled
/// `openapi.yaml` and kept: every operation (method, path, parameters, body, answers, examples) and
/// every schema with its properties. Plain HTML and CSS, no script.
public enum DocumentationPage {
    /// The page, rendered once per process (parsing the contract is not free, and most servers
    /// never serve it).
    static func cached(yaml: [UInt8]) throws -> [UInt8] {
        try rendered.withLock { page in
            if let page { return page }
            let html = Array(try html(yaml: String(decoding: yaml, as: UTF8.self)).utf8)
            page = html
            return html
        }
    }

    private static let rendered = LockedValue<[UInt8]?>(nil)

    public static func html(yaml: String) throws -> String {
        guard let document = try Yams.load(yaml: yaml) as? [String: Any] else { return "" }
        let info = document["info"] as? [String: Any] ?? [:]
        let components = document["components"] as? [String: Any] ?? [:]
        let sharedParameters = components["parameters"] as? [String: Any] ?? [:]
        let sharedResponses = components["responses"] as? [String: Any] ?? [:]
        let title = info["title"] as? String ?? "API"
        var html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>\(escape(title))</title>
            <style>
            body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:62rem;padding:1rem 1.5rem;color:#1d2329}
            h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #c8102e}h3{margin-bottom:.2rem}
            code,pre{font:13px ui-monospace,monospace;background:#f3f4f6;border-radius:4px}code{padding:0 .25rem}
            pre{padding:.6rem;overflow:auto}table{border-collapse:collapse;width:100%;margin:.4rem 0}
            td,th{border:1px solid #d9dde3;padding:.25rem .5rem;text-align:left;vertical-align:top}
            .op{border:1px solid #d9dde3;border-radius:6px;padding:.2rem 1rem 1rem;margin:1rem 0}
            .m{display:inline-block;min-width:4.2rem;font-weight:700;color:#fff;border-radius:4px;text-align:center;margin-right:.4rem}
            .get{background:#2563eb}.post{background:#16a34a}.put{background:#d97706}.delete{background:#dc2626}
            </style></head><body>
            <h1>\(escape(title)) <small>\(escape(info["version"] as? String ?? ""))</small></h1>
            \(markdown(info["description"] as? String ?? ""))
            <p>The machine-readable contract: <a href="/openapi.yaml"><code>/openapi.yaml</code></a>.</p>
            """
        let paths = document["paths"] as? [String: Any] ?? [:]
        var byTag: [String: [(path: String, method: String, operation: [String: Any])]] = [:]
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            for method in ["get", "post", "put", "patch", "delete"] {
                guard let operation = item[method] as? [String: Any] else { continue }
                let tag = (operation["tags"] as? [String])?.first ?? "other"
                byTag[tag, default: []].append((path, method, operation))
            }
        }
        let tags = (document["tags"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        html += "<h2>Contents</h2><ul>"
        for tag in tags where byTag[tag] != nil { html += "<li><a href=\"#tag-\(anchor(tag))\">\(escape(tag))</a></li>" }
        html += "<li><a href=\"#schemas\">schemas</a></li></ul>"
        for tag in tags + byTag.keys.filter({ !tags.contains($0) }).sorted() {
            guard let operations = byTag[tag] else { continue }
            let about = (document["tags"] as? [[String: Any]])?.first { $0["name"] as? String == tag }?["description"] as? String ?? ""
            html += "<h2 id=\"tag-\(anchor(tag))\">\(escape(tag))</h2>\(markdown(about))"
            for (path, method, operation) in operations.sorted(by: { ($0.path, $0.method) < ($1.path, $1.method) }) {
                html += operationHTML(path: path, method: method, operation, sharedParameters: sharedParameters, sharedResponses: sharedResponses)
            }
        }
        html += "<h2 id=\"schemas\">Schemas</h2>"
        let schemas = components["schemas"] as? [String: Any] ?? [:]
        for name in schemas.keys.sorted() {
            html += "<h3 id=\"schema-\(anchor(name))\">\(escape(name))</h3>" + schemaHTML(schemas[name] as? [String: Any] ?? [:])
        }
        return html + "</body></html>\n"
    }

    private static func operationHTML(
        path: String, method: String, _ operation: [String: Any], sharedParameters: [String: Any], sharedResponses: [String: Any]
    ) -> String {
        let id = operation["operationId"] as? String ?? ""
        var html = """
            <div class="op" id="op-\(anchor(id))"><h3><span class="m \(method)">\(method.uppercased())</span><code>\(escape(path))</code></h3>
            <p><strong>\(escape(operation["summary"] as? String ?? ""))</strong> <small>(<code>\(escape(id))</code>\
            \(operation["security"] == nil ? ", no token" : ""))</small></p>\(markdown(operation["description"] as? String ?? ""))
            """
        let parameters = (operation["parameters"] as? [Any] ?? []).compactMap { entry -> [String: Any]? in
            guard let entry = entry as? [String: Any] else { return nil }
            if let reference = entry["$ref"] as? String { return sharedParameters[lastComponent(reference)] as? [String: Any] }
            return entry
        }
        if !parameters.isEmpty {
            html += "<table><tr><th>parameter</th><th>in</th><th>type</th><th>description</th></tr>"
            for parameter in parameters {
                let required = parameter["required"] as? Bool == true ? " <small>required</small>" : ""
                html += "<tr><td><code>\(escape(parameter["name"] as? String ?? ""))</code>\(required)</td>"
                    + "<td>\(escape(parameter["in"] as? String ?? ""))</td><td>\(typeHTML(parameter["schema"]))</td>"
                    + "<td>\(markdown(parameter["description"] as? String ?? "", inline: true))</td></tr>"
            }
            html += "</table>"
        }
        if let body = operation["requestBody"] as? [String: Any], let content = body["content"] as? [String: Any] {
            for (type, media) in content {
                let media = media as? [String: Any] ?? [:]
                html += "<p>Body (<code>\(escape(type))</code>): \(typeHTML(media["schema"]))</p>" + exampleHTML(media["example"])
            }
        }
        html += "<table><tr><th>answer</th><th>description</th><th>body</th></tr>"
        let responses = operation["responses"] as? [String: Any] ?? [:]
        for status in responses.keys.sorted() {
            var response = responses[status] as? [String: Any] ?? [:]
            if let reference = response["$ref"] as? String { response = sharedResponses[lastComponent(reference)] as? [String: Any] ?? [:] }
            let content = (response["content"] as? [String: Any] ?? [:]).map { type, media in
                "<code>\(escape(type))</code> \(typeHTML((media as? [String: Any])?["schema"]))"
            }.sorted().joined(separator: "<br>")
            html += "<tr><td>\(escape(status))</td><td>\(markdown(response["description"] as? String ?? "", inline: true))</td><td>\(content)</td></tr>"
        }
        html += "</table>"
        for (_, media) in (responses["200"] as? [String: Any])?["content"] as? [String: Any] ?? [:] {
            html += exampleHTML((media as? [String: Any])?["example"])
        }
        return html + "</div>"
    }

    private static func schemaHTML(_ schema: [String: Any]) -> String {
        var html = markdown(schema["description"] as? String ?? "")
        if let values = schema["enum"] as? [Any] {
            html += "<p>One of: " + values.map { "<code>\(escape("\($0)"))</code>" }.joined(separator: ", ") + "</p>"
        }
        for part in schema["allOf"] as? [Any] ?? [] { html += "<p>Includes " + typeHTML(part) + "</p>" + schemaHTML(part as? [String: Any] ?? [:]) }
        let properties = schema["properties"] as? [String: Any] ?? [:]
        guard !properties.isEmpty else { return html + (schema["type"] != nil ? "<p>Type: \(typeHTML(schema))</p>" : "") }
        let required = Set(schema["required"] as? [String] ?? [])
        html += "<table><tr><th>property</th><th>type</th><th>description</th></tr>"
        for name in properties.keys.sorted() {
            let property = properties[name] as? [String: Any] ?? [:]
            html += "<tr><td><code>\(escape(name))</code>\(required.contains(name) ? " <small>required</small>" : "")</td>"
                + "<td>\(typeHTML(property))</td><td>\(markdown(property["description"] as? String ?? "", inline: true))</td></tr>"
        }
        return html + "</table>"
    }

    /// A schema's type in a few words: a link for a named schema, the type, format, enum and limits otherwise.
    private static func typeHTML(_ schema: Any?) -> String {
        guard let schema = schema as? [String: Any] else { return "" }
        if let reference = schema["$ref"] as? String {
            let name = lastComponent(reference)
            return "<a href=\"#schema-\(anchor(name))\">\(escape(name))</a>"
        }
        if let all = schema["allOf"] as? [Any], all.count == 1 { return typeHTML(all[0]) }
        var words: [String] = []
        if let type = schema["type"] as? String { words.append(escape(type)) }
        if let types = schema["type"] as? [String] { words.append(escape(types.joined(separator: " or "))) }
        if let format = schema["format"] as? String { words.append("(\(escape(format)))") }
        if let items = schema["items"] { words.append("of " + typeHTML(items)) }
        if let values = schema["enum"] as? [Any] { words.append(": " + values.map { "<code>\(escape("\($0)"))</code>" }.joined(separator: ", ")) }
        for (key, label) in [("minimum", "min"), ("maximum", "max"), ("minLength", "min length"), ("maxLength", "max length"),
                             ("pattern", "pattern"), ("default", "default")] {
            if let value = schema[key] { words.append("<small>\(label) <code>\(escape("\(value)"))</code></small>") }
        }
        return words.joined(separator: " ")
    }

    private static func exampleHTML(_ example: Any?) -> String {
        guard let example, JSONSerialization.isValidJSONObject(example),
            let data = try? JSONSerialization.data(withJSONObject: example, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "" }
        return "<details><summary>Example</summary><pre>\(escape(String(decoding: data, as: UTF8.self)))</pre></details>"
    }

    /// The little Markdown the contract uses: paragraphs, `- ` lists, `code` and **bold**.
    public static func markdown(_ text: String, inline: Bool = false) -> String {
        func spans(_ line: String) -> String {
            var out = "", code = false, bold = false
            var characters = Array(line)[...]
            while let character = characters.popFirst() {
                if character == "`" { out += code ? "</code>" : "<code>"; code.toggle() }
                else if !code, character == "*", characters.first == "*" { characters.removeFirst(); out += bold ? "</strong>" : "<strong>"; bold.toggle() }
                else { out += escape(String(character)) }
            }
            return out + (code ? "</code>" : "") + (bold ? "</strong>" : "")
        }
        if inline { return spans(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")) }
        var html = "", paragraph: [String] = [], list: [String] = []
        func flush() {
            if !paragraph.isEmpty { html += "<p>" + spans(paragraph.joined(separator: " ")) + "</p>"; paragraph = [] }
            if !list.isEmpty { html += "<ul>" + list.map { "<li>" + spans($0) + "</li>" }.joined() + "</ul>"; list = [] }
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush() }
            else if line.hasPrefix("- ") { if !paragraph.isEmpty { flush() }; list.append(String(line.dropFirst(2))) }
            else if !list.isEmpty, raw.hasPrefix("  ") { list[list.count - 1] += " " + line }
            else { if !list.isEmpty { flush() }; paragraph.append(line) }
        }
        flush()
        return html
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }

    private static func anchor(_ text: String) -> String { text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined() }
    private static func lastComponent(_ reference: String) -> String { String(reference.split(separator: "/").last ?? "") }
}
