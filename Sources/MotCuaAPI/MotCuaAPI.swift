import Foundation

/// Types, server protocol (`APIProtocol`) and `Client` are generated from `openapi.yaml` by
/// swift-openapi-generator's build plugin; the document itself ships as this module's resource.
public enum MotCuaContract {
    /// The contract's version, as in `info.version`.
    public static let version = "1.0.0"

    /// The OpenAPI document the code was generated from.
    public static func document() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}

/// A string that encodes as JSON `null` when absent instead of being left out, so list pages always
/// carry `"nextCursor": null` on the last page as the contract promises.
public struct NullableString: Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var value: String?

    public init(_ value: String?) { self.value = value }
    public init(stringLiteral value: String) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? nil : try container.decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
