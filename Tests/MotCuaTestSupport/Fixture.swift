import HummingbirdBcrypt

/// Random names so that every test makes its own units, users and procedures on the shared database.
public enum Fixture {
    public static let upperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    public static let lowerDigits = "abcdefghijklmnopqrstuvwxyz0123456789"

    public static func random(_ count: Int, from alphabet: String) -> String {
        let characters = Array(alphabet)
        return String((0..<count).compactMap { _ in characters.randomElement() })
    }

    /// A province code no other test uses: "T" + 8 random upper-case letters or digits.
    public static func provinceCode() -> String { "T" + random(8, from: upperDigits) }

    /// A username no other test uses, e.g. `leader.k3j9x0a2mq`.
    public static func username(_ prefix: String = "user") -> String { prefix + "." + random(10, from: lowerDigits) }

    /// "9." + 6 random digits (the real catalog uses 1.* and 2.*).
    public static func randomProcedureCode() -> String { "9." + random(6, from: "0123456789") }

    /// The password of every fixture user, and its bcrypt hash at cost 4 (computed once).
    public static let password = "test-password-2026"
    public static let passwordHash = Bcrypt.hash(password, cost: 4)
}
