import Foundation
import HTTPTypes
import MotCuaAPI
import Testing

/// One operation of `openapi.yaml`, for tests driven by the contract itself: new operations are
/// covered as they are added.
public struct ContractOperation: Sendable, CustomTestStringConvertible {
    public var method: HTTPRequest.Method
    public var template: String
    /// Whether it declares bearer security.
    public var isProtected: Bool
    public var testDescription: String { "\(method) \(template)" }

    /// The template with each `{parameter}` replaced by a plausible value.
    public var path: String {
        let samples = [
            "code": "9.000000", "unitCode": "T00000000", "username": "nobody.here", "year": "2026", "date": "2026-01-01",
            "version": "1",
        ]
        var path = template
        while let open = path.firstIndex(of: "{"), let close = path[open...].firstIndex(of: "}") {
            let name = String(path[path.index(after: open)..<close])
            path.replaceSubrange(open...close, with: samples[name] ?? "X1")
        }
        return path
    }

    /// The operations of `openapi.yaml`, read line by line (paths at two spaces, methods at four).
    public static let all: [ContractOperation] = {
        let text = String(decoding: (try? MotCuaContract.document()) ?? Data(), as: UTF8.self)
        var operations: [ContractOperation] = []
        var inPaths = false
        var path = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("paths:") { inPaths = true; continue }
            if inPaths, let first = line.first, first != " " { break }
            guard inPaths else { continue }
            if line.hasPrefix("  /") { path = String(line.dropFirst(2).dropLast()) }
            else if line.hasPrefix("    "), !line.hasPrefix("     "), let method = HTTPRequest.Method(String(line.dropFirst(4).dropLast()).uppercased()) {
                operations.append(ContractOperation(method: method, template: path, isProtected: false))
            } else if line.hasPrefix("      security:"), !operations.isEmpty {
                operations[operations.count - 1].isProtected = !line.contains("[]") || line.contains("bearer")
            }
        }
        return operations
    }()
}
