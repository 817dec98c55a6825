import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
@testable import MotCuaServer
import MotCuaTestSupport
import Testing

/// Which operations need no token is the contract's `security` (an operation without it is public).
/// The list below is the security review of that: making an operation public means changing it here too.
@Suite struct PublicRoutesTests {
    static let expectedPublic: Set<String> = [
        "GET /health/live", "GET /health/ready", "GET /metrics", "GET /docs", "GET /openapi.yaml", "POST /v1/auth/tokens",
        "GET /v1/procedures", "GET /v1/procedures/{code}", "GET /v1/procedures/{code}/versions/{version}",
        "GET /v1/public/dossiers/{code}", "POST /v1/public/dossiers/{code}/rating", "GET /tra-cuu", "POST /tra-cuu",
    ]

    static func contractOperations() throws -> [(method: String, path: String, isPublic: Bool)] {
        let constraints = try ContractConstraints(yaml: String(decoding: try MotCuaContract.document(), as: UTF8.self))
        return constraints.operations.filter { !$0.key.contains(":") }.flatMap { path, methods in
            methods.map { (method: $0.key, path: path, isPublic: $0.value.isPublic) }
        }
    }

    @Test func theContractsPublicOperationsAreTheReviewedOnes() throws {
        let operations = try Self.contractOperations()
        #expect(operations.count > 60)
        #expect(Set(operations.filter(\.isPublic).map { "\($0.method) \($0.path)" }) == Self.expectedPublic)
    }

    /// Every other operation answers 401 without a token, before its handler or input checks run.
    @Test func everyOtherOperationNeedsAToken() async throws {
        try await withTestApp(storage: .memory) { client, _ in
            for operation in try Self.contractOperations() {
                let path = operation.path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "X1", options: .regularExpression)
                let response = try await client.request(.init(rawValue: operation.method)!, path)
                if operation.isPublic {
                    #expect(response.status != .unauthorized, "\(operation.method) \(operation.path)")
                } else {
                    #expect(response.status == .unauthorized, "\(operation.method) \(operation.path): \(response.status)")
                }
            }
        }
    }
}
