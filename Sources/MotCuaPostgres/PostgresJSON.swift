import Foundation

/// A `json`/`jsonb` value bound or decoded through `Codable`.
///
/// `"INSERT INTO t (data) VALUES (\(PostgresJSON(payload))::jsonb)"` and
/// `row.decode(PostgresJSON<Payload>.self, "data").value`. To bind JSON text you already have,
/// interpolate the `String` and cast it: `\(text)::jsonb`.
public struct PostgresJSON<Value> {
    /// The wrapped value.
    public var value: Value

    /// Wraps a value.
    public init(_ value: Value) { self.value = value }
}

extension PostgresJSON: Sendable where Value: Sendable {}

extension PostgresJSON: PostgresEncodable where Value: Encodable {
    /// The JSON text of the value.
    public func postgresText() throws -> String? {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}

extension PostgresJSON: PostgresDecodable where Value: Decodable {
    /// Decodes JSON text with a default `JSONDecoder`.
    public init(postgresText text: String) throws {
        self.value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }
}
