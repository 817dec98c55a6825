public import Logging

/// Applies versioned migrations in order, once each, safely from several instances at once.
///
/// The whole run holds a session-level `pg_advisory_lock` on one connection, so a second instance
/// starting at the same time waits, then finds everything applied. Each migration runs in its own
/// transaction together with its row in `schema_migrations`, so a failure leaves no half-applied
/// migration. The checksum (SHA-256 of the SQL, computed by PostgreSQL so no crypto dependency is
/// needed) detects an applied migration whose file was edited afterwards.
public struct PostgresMigrator: Sendable {
    /// The advisory lock key; any fixed 64-bit number unique to this application.
    public static let lockKey: Int64 = 0x4D6F_7443_7561_4D67  // "MotCuaMg"

    let pool: PostgresPool
    let logger: Logger

    /// Creates a migrator over a pool.
    public init(pool: PostgresPool, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    /// Applies the migrations not yet applied, in version order.
    /// - Returns: the versions applied by this call (empty when the schema was up to date).
    /// - Throws: `PostgresMigrationError` (checksum mismatch, duplicate version, failed migration)
    ///   or `PostgresError`.
    public func migrate(_ migrations: [PostgresMigration]) async throws -> [Int] {
        let ordered = migrations.sorted { $0.version < $1.version }
        for (previous, next) in zip(ordered, ordered.dropFirst()) where previous.version == next.version {
            throw PostgresMigrationError.duplicateVersion(next.version)
        }
        return try await pool.withConnection { connection in
            // Waiting for another instance's migrations, and a migration itself, may take long:
            // lift the session's statement_timeout for this connection (`unlock` restores it).
            try await connection.simpleQuery("SET statement_timeout = 0")
            try await connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
            do {
                let applied = try await apply(ordered, on: connection)
                try await unlock(connection)
                return applied
            } catch {
                try? await unlock(connection)
                throw error
            }
        }
    }

    nonisolated(nonsending) private func unlock(_ connection: PostgresConnection) async throws {
        do {
            _ = try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", cancellable: false)
            try await connection.simpleQuery("RESET statement_timeout", cancellable: false)
        } catch {
            // A session lock left behind would block every later migrator: drop the session.
            connection.mustDiscard = true
            throw error
        }
    }

    nonisolated(nonsending) private func apply(_ migrations: [PostgresMigration], on connection: PostgresConnection) async throws -> [Int] {
        try await connection.simpleQuery(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version int PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        var applied: [Int: String] = [:]
        for row in try await connection.query("SELECT version, checksum FROM schema_migrations") {
            let (version, checksum) = try row.decode((Int, String).self)
            applied[version] = checksum
        }
        var newlyApplied: [Int] = []
        for migration in migrations {
            let checksum = try await connection.query(
                "SELECT encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex')"
            )[0].decode(String.self, at: 0)
            if let existing = applied[migration.version] {
                guard existing == checksum else { throw PostgresMigrationError.checksumMismatch(version: migration.version) }
                continue
            }
            logger.info("applying migration", metadata: ["db.migration": "\(migration.version) \(migration.name)"])
            do {
                try await PostgresPool.transaction(on: connection, isolation: .readCommitted) { connection in
                    try await connection.simpleQuery(migration.sql)
                    try await connection.execute(
                        """
                        INSERT INTO schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(checksum))
                        """)
                }
            } catch let error as PostgresError {
                throw PostgresMigrationError.failed(version: migration.version, name: migration.name, underlying: error)
            }
            newlyApplied.append(migration.version)
        }
        return newlyApplied
    }
}
