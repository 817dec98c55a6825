import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaFoundation
@testable import MotCuaServer
import MotCuaTestSupport
import NIOCore
import Testing
import Yams

/// Patterns, lengths, ranges and sizes of the contract are enforced (the generated code checks only
/// types, required properties and enums): a body outside them is a 422 naming every field, a query
/// parameter a 400, and nothing changes.
@Suite struct ContractValidationTests {
    @Test func parametersOfTheWrongTypeOrMissingAre400AndUnknownIdsAre404() async throws {
        try await withTestApp(storage: .memory) { client, env in
            let world = try await env.makeDossierWorld()
            let token = world.admin.token
            for (path, name) in [
                ("/v1/dossiers?limit=null&limit=null", "limit"), ("/v1/dossiers?receivedTo=", "receivedTo"),
                ("/v1/dossiers?overdue=maybe", "overdue"), ("/v1/calendar/deadline?start=2026-02-13T09%3A00%3A00Z", "value"),
                ("/v1/calendar/null%2Cnull", "year"), ("/v1/procedures/1.001193/versions/first", "version"),
            ] {
                try expectProblem(try await client.get(path, token: token), .badRequest, code: "malformed-request", invalidParams: [name])
            }
            try expectProblem(try await client.delete("/v1/calendar/days/null%2Cnull", token: token), .badRequest, code: "malformed-request")
            try expectProblem(try await client.get("/v1/webhooks/9223372036854775808", token: token), .notFound, code: "not-found")
            try expectProblem(
                try await client.delete("/v1/users/\(world.portal.username)/api-keys/x1", token: token), .notFound, code: "not-found")
        }
    }

    @Test func theWholeContractLoads() throws {
        let yaml = String(decoding: try MotCuaContract.document(), as: UTF8.self)
        let constraints = try ContractConstraints(yaml: yaml)
        // Every operation, under the contract's route and (when it has parameters) the router's too.
        let operationCount = yaml.components(separatedBy: "operationId:").count - 1
        #expect(operationCount > 40 && constraints.operations.values.reduce(0) { $0 + $1.count } > operationCount)
        let intake = try #require(constraints.operation(method: "POST", route: "/v1/dossiers")?.body)
        #expect(intake.properties["applicant"]?.properties["idNumber"]?.pattern?.source == "^[0-9A-Za-z]{6,20}$")
        #expect(intake.properties["documents"]?.maxItems == 100)
        // The router names path parameters `:code`; the contract `{code}`.
        let supplement = try #require(constraints.operation(method: "POST", route: "/v1/dossiers/:code/request-supplement")?.body)
        var problems: [APIError.InvalidParam] = []
        supplement.violations(of: .object(["reason": .string(""), "items": .array([])]), at: "", into: &problems)
        #expect(problems.map(\.name).sorted() == ["items", "reason"])
        #expect(constraints.operation(method: "GET", route: "/v1/dossiers")?.query["limit"]?.violation(ofParameter: "0") == "must be at least 1")
    }

    /// A refused value is told why in words (`x-pattern-reason`), in English and Vietnamese, never
    /// shown a regular expression.
    @Test func everyPatternOfTheContractSaysWhatItMeans() throws {
        let contract = try Yams.load(yaml: String(decoding: try MotCuaContract.document(), as: UTF8.self))
        var patterns: [(pattern: String, reason: String?)] = []
        func walk(_ node: Any?) {
            if let map = node as? [String: Any] {
                if let pattern = map["pattern"] as? String { patterns.append((pattern, map["x-pattern-reason"] as? String)) }
                map.values.forEach(walk)
            } else if let list = node as? [Any] {
                list.forEach(walk)
            }
        }
        walk(contract)
        #expect(patterns.count >= 20)
        for (pattern, reason) in patterns {
            #expect(reason?.hasPrefix("must ") == true, "\(pattern) has no x-pattern-reason")
            if let reason { #expect(VietnameseProblems.reason(reason) != reason, "\(reason) has no Vietnamese") }
        }
        let constraints = try ContractConstraints(yaml: String(decoding: try MotCuaContract.document(), as: UTF8.self))
        let unit = try #require(constraints.operation(method: "POST", route: "/v1/units")?.body)
        // Blank as the handlers trim it: the vertical tab and NEL too (NSRegularExpression's \\s leaves them out).
        for blank in ["   ", "\u{0B}", "\u{85}", "\u{3000}\t"] {
            #expect(unit.properties["name"]?.violation(ofParameter: blank) == "must not be blank")
            #expect(blank.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        }
        #expect(unit.properties["name"]?.violation(ofParameter: " Xã ") == nil)
        #expect(unit.properties["code"]?.violation(ofParameter: "h15") == "must be an agency code of 1-35 upper-case letters, digits and dots, such as H15.50.05.13")
    }

    /// In a flow mapping (`{ type: string, description: ... }`) an unquoted comma ends the text: what
    /// follows becomes a key of its own without a value, and the description reaches readers cut short.
    @Test func noTextOfTheContractIsCutShortByAComma() throws {
        let contract = try Yams.load(yaml: String(decoding: try MotCuaContract.document(), as: UTF8.self))
        var cut: [String] = []
        func walk(_ node: Any?, _ path: String) {
            if let map = node as? [String: Any?] {
                for (key, value) in map {
                    if value == nil || value is NSNull { cut.append("\(path)/\(key)") }
                    walk(value ?? nil, "\(path)/\(key)")
                }
            } else if let list = node as? [Any?] {
                for (index, item) in list.enumerated() { walk(item ?? nil, "\(path)[\(index)]") }
            }
        }
        walk(contract, "")
        #expect(cut.isEmpty, "keys without a value (quote the text before them): \(cut.sorted())")
    }
}
