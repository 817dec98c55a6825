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
