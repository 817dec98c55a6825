import Foundation
import HTTPTypes

/// Undoes the percent-encoding swift-openapi-runtime applies to every response header it serialises
/// (it writes header values in URI "simple" style: `/v1/units/H15` became `%2Fv1%2Funits%2FH15`,
/// `"3"` became `%223%22`; apple/swift-openapi-generator#827, #857). Location and ETag are not URI
/// components, so the raw value is what HTTP clients must see.
enum GeneratedHeaders {
    static let repaired: [HTTPField.Name] = [.location, .eTag]

    static func repair(_ fields: inout HTTPFields) {
        for name in repaired {
            guard let value = fields[name], value.contains("%"), let decoded = value.removingPercentEncoding else { continue }
            fields[name] = decoded
        }
    }
}
