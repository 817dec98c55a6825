// The one JSON value type, shared with the server; callers of the client name it as theirs.
@_exported import enum MotCuaFoundation.JSONValue

extension JSONValue {
    /// The value the generated code decoded (`nil`, `Bool`, integers, `Double`, `String`, arrays and
    /// string-keyed dictionaries of those).
    init(_ value: (any Sendable)?) {
        switch value {
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .integer(Int64(value))
        case let value as Int64: self = .integer(value)
        case let value as Double: self = .number(value)
        case let value as String: self = .string(value)
        case let value as [(any Sendable)?]: self = .array(value.map(JSONValue.init))
        case let value as [String: (any Sendable)?]: self = .object(value.mapValues(JSONValue.init))
        default: self = .null
        }
    }
}
