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

/// A value that encodes as JSON `null` when absent instead of being left out, so a field the contract
/// marks required and nullable is always there: `"nextCursor": null` on a list's last page, a rate of
/// `null` for "not applicable" in the evaluations (the generated code leaves out absent optionals).
public struct Nullable<Wrapped: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var value: Wrapped?

    public init(_ value: Wrapped?) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? nil : try container.decode(Wrapped.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

extension Nullable: ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral, ExpressibleByStringLiteral
where Wrapped == String {
    public init(stringLiteral value: String) { self.value = value }
}

/// A list page's cursor (`NextCursor`).
public typealias NullableString = Nullable<String>
/// A rate or figure that may not apply (`Rate`, `NullableNumber`).
public typealias NullableDouble = Nullable<Double>
