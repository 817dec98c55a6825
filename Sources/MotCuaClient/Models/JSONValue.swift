/// A JSON value of a free-form object, such as a history event's `data`.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value the generated code decoded (`nil`, `Bool`, `Int`, `Double`, `String`, arrays and
    /// string-keyed dictionaries of those).
    init(_ value: (any Sendable)?) {
        switch value {
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .number(Double(value))
        case let value as Double: self = .number(value)
        case let value as String: self = .string(value)
        case let value as [(any Sendable)?]: self = .array(value.map(JSONValue.init))
        case let value as [String: (any Sendable)?]: self = .object(value.mapValues(JSONValue.init))
        default: self = .null
        }
    }

    /// The members of a decoded object.
    static func object(_ members: [String: (any Sendable)?]) -> [String: JSONValue] {
        members.mapValues(JSONValue.init)
    }

    /// The text, if this is a string.
    public var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The number, if this is a number.
    public var number: Double? {
        if case .number(let value) = self { value } else { nil }
    }
}
