import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaStore
import NIOCore
import Testing

/// JSON coding as the API does it: RFC 3339 timestamps (with or without fractional seconds).
public enum JSON {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            let plain = ISO8601DateFormatter()
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            guard let date = plain.date(from: text) ?? fractional.date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not RFC 3339: \(text)"))
            }
            return date
        }
        return decoder
    }()
}

/// An `application/problem+json` answer.
public struct Problem: Decodable, Sendable {
    public struct InvalidParam: Decodable, Sendable {
        public var name: String
        public var reason: String
    }
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    public var code: String
    public var instance: String?
    /// For `invalid-transition`: the dossier's status.
    public var dossierStatus: String?
    public var requestId: String?
    public var invalidParams: [InvalidParam]?
}

extension TestResponse {
    /// The body as UTF-8 text.
    public var text: String { String(buffer: body) }

    public var contentType: String? { headers[.contentType] }

    /// Decodes the JSON body; a mismatch throws, naming the status and the body.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        do {
            return try JSON.decoder.decode(T.self, from: Data(body.readableBytesView))
        } catch {
            throw UndecodableBody(status: Int(status.code), body: text, error: "\(error)")
        }
    }
}

public struct UndecodableBody: Error, CustomStringConvertible {
    public var status: Int
    public var body: String
    public var error: String
    public var description: String { "could not decode the \(status) body \(body.prefix(500)): \(error)" }
}

/// Text that must never reach a client: SQL, database errors, Swift internals.
public let leakMarkers = [
    "SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "violates", "SQLSTATE", "PostgresError", "sqlState", "DecodingError",
    ".swift", "Swift.", "Optional(", "CodingKeys", "stack",
]

/// Checks that `response` is a problem with this status and code (and exactly these `invalidParams`
/// names, in any order, when given), served as `application/problem+json`, with no internals leaked.
@discardableResult
public func expectProblem(
    _ response: TestResponse, _ status: HTTPResponse.Status, code: String, invalidParams: [String]? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> Problem {
    #expect(response.status == status, "body: \(response.text)", sourceLocation: sourceLocation)
    #expect(response.contentType == "application/problem+json", sourceLocation: sourceLocation)
    let problem = try response.decode(Problem.self)
    #expect(problem.code == code, "detail: \(problem.detail ?? "-")", sourceLocation: sourceLocation)
    #expect(problem.status == Int(status.code), sourceLocation: sourceLocation)
    #expect(problem.type.hasSuffix("/" + problem.code), sourceLocation: sourceLocation)
    if let invalidParams {
        let names = (problem.invalidParams ?? []).map(\.name).sorted()
        #expect(names == invalidParams.sorted(), "invalidParams: \(problem.invalidParams ?? [])", sourceLocation: sourceLocation)
    }
    for marker in leakMarkers {
        #expect(!response.text.contains(marker), "leaks \(marker): \(response.text)", sourceLocation: sourceLocation)
    }
    return problem
}

/// Checks a 2xx (or the given) status and decodes the body.
public func expectJSON<T: Decodable>(
    _ response: TestResponse, _ status: HTTPResponse.Status = .ok, as type: T.Type = T.self,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> T {
    try #require(response.status == status, "body: \(response.text)", sourceLocation: sourceLocation)
    #expect(response.contentType?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
    return try response.decode(T.self)
}

extension HTTPField.Name {
    /// `X-Request-Id`, which the server echoes or generates.
    public static let requestID = HTTPField.Name("X-Request-Id")!
}
