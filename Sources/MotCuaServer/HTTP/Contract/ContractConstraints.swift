import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaFoundation
import Yams

/// The constraints of `openapi.yaml` that the generated code does not check. Decoding into the
/// generated types already refuses wrong types, missing required properties and unknown enum values;
/// patterns, string lengths, number ranges and array sizes it leaves alone. This checks them for JSON
/// request bodies and query parameters, read from the bundled contract once at start-up, so each
/// constraint is written in one place: the contract.
struct ContractConstraints: Sendable {
    /// One operation's checks.
    struct Operation: Sendable {
        var query: [String: Schema] = [:]
        var path: [String: Schema] = [:]
        var body: Schema?
        /// Header parameters, by their name in the contract.
        var headers: [String: Schema] = [:]
        /// Query parameters the operation requires.
        var requiredQuery: Set<String> = []
        /// The media types the operation accepts a body in; empty when it takes none.
        var bodyMediaTypes: Set<String> = []
        /// True when the contract asks no credentials for the operation (no `security`, or an empty
        /// requirement): the authentication middleware lets it through without a token.
        var isPublic = false
    }

    /// The checks of one schema. Built once and never changed afterwards, hence `@unchecked Sendable`.
    final class Schema: @unchecked Sendable {
        fileprivate(set) var type: String?
        fileprivate(set) var format: String?
        /// The pattern and what a refused value is told: the schema's `x-pattern-reason` (every pattern
        /// of the contract has one, tested), else "must match" and the pattern.
        fileprivate(set) var pattern: (source: String, regex: NSRegularExpression, reason: String)?
        fileprivate(set) var minLength: Int?
        fileprivate(set) var maxLength: Int?
        fileprivate(set) var minimum: Double?
        fileprivate(set) var maximum: Double?
        fileprivate(set) var minItems: Int?
        fileprivate(set) var maxItems: Int?
        fileprivate(set) var minProperties: Int?
        /// The allowed values of a string enum.
        fileprivate(set) var allowedValues: [String]?
        fileprivate(set) var properties: [String: Schema] = [:]
        fileprivate(set) var items: Schema?
    }

    struct InvalidContract: Error, CustomStringConvertible {
        var description: String
    }

    /// By route, in both the contract's form (`/v1/dossiers/{code}`) and the router's
    /// (`/v1/dossiers/:code`), then by method: looked up on every request without building a key.
    let operations: [String: [String: Operation]]

    /// The constraints of `openapi.yaml`, parsed once per process (every app built in it, such as one
    /// per test, shares them).
    static let motCua = Result { try ContractConstraints(yaml: String(decoding: try MotCuaContract.bytes.get(), as: UTF8.self)) }

    /// Reads the constraints of every operation of an OpenAPI 3 document.
    init(yaml: String) throws {
        guard let document = try Yams.load(yaml: yaml) as? [String: Any], let paths = document["paths"] as? [String: Any] else {
            throw InvalidContract(description: "the contract has no paths")
        }
        let components = document["components"] as? [String: Any] ?? [:]
        let builder = try SchemaBuilder(schemas: components["schemas"] as? [String: Any] ?? [:])
        let sharedParameters = components["parameters"] as? [String: Any] ?? [:]
        let defaultSecurity = document["security"] as? [[String: Any]]
        var operations: [String: [String: Operation]] = [:]
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            let pathParameters = item["parameters"] as? [Any] ?? []
            for method in ["get", "put", "post", "delete", "patch"] {
                guard let definition = item[method] as? [String: Any] else { continue }
                var operation = Operation()
                let security = definition["security"] as? [[String: Any]] ?? defaultSecurity ?? []
                operation.isPublic = security.isEmpty || security.contains { $0.isEmpty }
                for parameter in pathParameters + (definition["parameters"] as? [Any] ?? []) {
                    guard var parameter = parameter as? [String: Any] else { continue }
                    if let reference = parameter["$ref"] as? String {
                        guard let shared = sharedParameters[String(reference.split(separator: "/").last ?? "")] as? [String: Any] else {
                            throw InvalidContract(description: "unknown parameter \(reference)")
                        }
                        parameter = shared
                    }
                    guard let name = parameter["name"] as? String, let schema = parameter["schema"] else { continue }
                    switch parameter["in"] as? String {
                    case "query":
                        operation.query[name] = try builder.schema(schema)
                        if parameter["required"] as? Bool == true { operation.requiredQuery.insert(name) }
                    case "path": operation.path[name] = try builder.schema(schema)
                    case "header": operation.headers[name] = try builder.schema(schema)
                    default: break
                    }
                }
                let content = (definition["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                operation.bodyMediaTypes = Set((content ?? [:]).keys.map { $0.lowercased() })
                if let json = content?["application/json"] as? [String: Any], let schema = json["schema"] {
                    operation.body = try builder.schema(schema)
                }
                let routerForm = path.split(separator: "/").map { $0.hasPrefix("{") ? ":" + $0.dropFirst().dropLast() : $0 }
                for route in [path, "/" + routerForm.joined(separator: "/")] {
                    operations[route, default: [:]][method.uppercased()] = operation
                }
            }
        }
        self.operations = operations
    }

    /// The operation of a matched route (`/v1/dossiers/{code}`, or the router's `/v1/dossiers/:code`).
    func operation(method: String, route: String) -> Operation? {
        operations[route]?[method]
    }
}

extension ContractConstraints.Schema {
    /// What is wrong with `value` (named `name`, e.g. `applicant.idNumber` or `documents[2].code`).
    /// Values of another type than the schema's are left to the generated decoder.
    func violations(of value: JSONValue, at name: String, into problems: inout [APIError.InvalidParam]) {
        switch value {
        case .string(let text):
            if let reason = violation(ofString: text) { problems.append(.init(name: name, reason: reason)) }
        case .integer(let number):
            if let reason = violation(ofNumber: Double(number)) { problems.append(.init(name: name, reason: reason)) }
        case .number(let number):
            if let reason = violation(ofNumber: number) { problems.append(.init(name: name, reason: reason)) }
        case .array(let elements):
            if let minItems, elements.count < minItems { problems.append(.init(name: name, reason: "must have at least \(minItems) items")) }
            if let maxItems, elements.count > maxItems { problems.append(.init(name: name, reason: "must have at most \(maxItems) items")) }
            if let items {
                for (index, element) in elements.enumerated() { items.violations(of: element, at: "\(name)[\(index)]", into: &problems) }
            }
        case .object(let members):
            if let minProperties, members.count < minProperties {
                problems.append(.init(name: name.isEmpty ? "body" : name, reason: "must have at least \(minProperties) field" + (minProperties == 1 ? "" : "s")))
            }
            for (key, schema) in properties.sorted(by: { $0.key < $1.key }) {
                if let member = members[key] { schema.violations(of: member, at: name.isEmpty ? key : "\(name).\(key)", into: &problems) }
            }
        case .null, .bool:
            break
        }
    }

    /// What is wrong with a query or path parameter's text, read as this schema's type.
    func violation(ofParameter text: String) -> String? {
        if let allowedValues, !allowedValues.contains(text) { return "must be one of \(allowedValues.joined(separator: ", "))" }
        return switch type {
        case "integer": Int64(text).map { violation(ofNumber: Double($0)) } ?? "must be an integer"
        case "number": Double(text).map(violation(ofNumber:)) ?? "must be a number"
        case "boolean": ["true", "false"].contains(text) ? nil : "must be true or false"
        case "string" where format == "date-time" && (try? RFC3339DateTranscoder().decode(text)) == nil:
            "must be an RFC 3339 date-time such as 2026-10-08T02:30:00Z"
        case "string" where format == "date" && LocalDate(iso: text) == nil: "must be a date YYYY-MM-DD"
        case "string": violation(ofString: text)
        default: nil
        }
    }

    /// True for a value of a path parameter that names a resource by number (an id) but is not one.
    func isNotAnIdentifier(_ text: String, name: String) -> Bool { type == "integer" && name.hasSuffix("Id") && Int64(text) == nil }

    private func violation(ofString text: String) -> String? {
        // PostgreSQL text cannot hold U+0000 (and libpq would cut the value there).
        if text.utf8.contains(0) { return Self.nulReason }
        // JSON Schema counts characters as code points.
        let length = text.unicodeScalars.count
        if let minLength, length < minLength { return minLength == 1 ? "must not be empty" : "must have at least \(minLength) characters" }
        if let maxLength, length > maxLength { return "must have at most \(maxLength) characters" }
        if let pattern, pattern.regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
            return pattern.reason
        }
        return nil
    }

    static let nulReason = "must not contain the NUL character (U+0000)"

    private func violation(ofNumber number: Double) -> String? {
        if let minimum, number < minimum { return "must be at least \(Self.format(minimum))" }
        if let maximum, number > maximum { return "must be at most \(Self.format(maximum))" }
        return nil
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number ? String(Int64(number)) : String(number)
    }
}

/// Turns the contract's schema dictionaries into `Schema` objects; named schemas are created first,
/// so `$ref`s (also recursive ones) resolve to the same object.
private struct SchemaBuilder {
    let named: [String: ContractConstraints.Schema]

    init(schemas: [String: Any]) throws {
        var named: [String: ContractConstraints.Schema] = [:]
        for name in schemas.keys { named[name] = ContractConstraints.Schema() }
        self.named = named
        for (name, definition) in schemas {
            try fill(named[name]!, from: definition)
        }
    }

    func schema(_ definition: Any) throws -> ContractConstraints.Schema {
        if let reference = (definition as? [String: Any])?["$ref"] as? String { return try resolve(reference) }
        let schema = ContractConstraints.Schema()
        try fill(schema, from: definition)
        return schema
    }

    private func resolve(_ reference: String) throws -> ContractConstraints.Schema {
        let prefix = "#/components/schemas/"
        guard reference.hasPrefix(prefix), let schema = named[String(reference.dropFirst(prefix.count))] else {
            throw ContractConstraints.InvalidContract(description: "unknown schema \(reference)")
        }
        return schema
    }

    private func fill(_ schema: ContractConstraints.Schema, from definition: Any) throws {
        guard let definition = definition as? [String: Any] else { return }
        if let reference = definition["$ref"] as? String {
            throw ContractConstraints.InvalidContract(description: "a named schema that is only a $ref (\(reference)) is not supported")
        }
        schema.type = definition["type"] as? String
        schema.format = definition["format"] as? String
        if let source = definition["pattern"] as? String {
            do {
                let reason = definition["x-pattern-reason"] as? String ?? "must match \(source)"
                schema.pattern = (source, try NSRegularExpression(pattern: source), reason)
            } catch {
                throw ContractConstraints.InvalidContract(description: "pattern \(source) does not compile: \(error)")
            }
        }
        schema.minLength = definition["minLength"] as? Int
        schema.maxLength = definition["maxLength"] as? Int
        schema.minimum = Self.number(definition["minimum"])
        schema.maximum = Self.number(definition["maximum"])
        schema.minItems = definition["minItems"] as? Int
        schema.maxItems = definition["maxItems"] as? Int
        schema.minProperties = definition["minProperties"] as? Int
        schema.allowedValues = (definition["enum"] as? [Any])?.compactMap { $0 as? String }
        if let items = definition["items"] { schema.items = try self.schema(items) }
        for (name, property) in definition["properties"] as? [String: Any] ?? [:] {
            schema.properties[name] = try self.schema(property)
        }
    }

    private static func number(_ value: Any?) -> Double? {
        switch value {
        case let value as Int: Double(value)
        case let value as Double: value
        default: nil
        }
    }
}

extension MotCuaContract {
    /// `openapi.yaml` as served at `/openapi.yaml` and read by `ContractConstraints`, read from the
    /// bundle once per process.
    static let bytes = Result { Array(try document()) }
}
