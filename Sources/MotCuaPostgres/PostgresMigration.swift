/// One versioned schema change: the SQL of a migration file.
public struct PostgresMigration: Sendable, Hashable {
    /// Applied in increasing order; unique.
    public var version: Int
    /// A short name, for example the file name without extension.
    public var name: String
    /// One or more SQL statements separated by semicolons. Runs inside a transaction, so it must
    /// not contain BEGIN/COMMIT or statements that cannot run in one (CREATE INDEX CONCURRENTLY).
    public var sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Why migrating failed.
public enum PostgresMigrationError: Error, Sendable, CustomStringConvertible {
    /// An applied migration's SQL changed since it was applied; fix the file or add a new migration.
    case checksumMismatch(version: Int)
    /// Two migrations share a version.
    case duplicateVersion(Int)
    /// A migration's SQL failed; nothing of it was applied.
    case failed(version: Int, name: String, underlying: PostgresError)

    public var description: String {
        switch self {
        case .checksumMismatch(let version):
            "migration \(version) was changed after it was applied (checksum mismatch)"
        case .duplicateVersion(let version):
            "two migrations have version \(version)"
        case .failed(let version, let name, let underlying):
            "migration \(version) \(name) failed: \(underlying)"
        }
    }
}
