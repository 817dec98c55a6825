extension RawRepresentable where Self: Hashable, RawValue == String {
    /// A JSON object keyed by this enum's values (`byStatus`, `bands`): keys this version of the
    /// client does not know, from a newer server, are left out.
    static func keyed<Value>(_ object: [String: Value]) -> [Self: Value] {
        var keyed: [Self: Value] = [:]
        for (name, value) in object {
            if let key = Self(rawValue: name) { keyed[key] = value }
        }
        return keyed
    }
}
