import MotCuaPostgres
import Synchronization

/// Published procedure versions, kept in memory: a version is never changed once published (a change
/// is a new version), so a cached definition can never be stale. Dossiers pin a version, and every
/// intake and action needs its definition; the cache saves a query and two JSON decodes each time.
final class ProcedureVersionCache: Sendable {
    private struct Key: Hashable {
        var code: String
        var version: Int
    }

    private let records = Mutex<[Key: ProcedureRecord]>([:])

    /// The published version `version` of `code`, or nil when there is none.
    func record(code: String, version: Int, on connection: PostgresConnection) async throws -> ProcedureRecord? {
        let key = Key(code: code, version: version)
        if let cached = records.withLock({ $0[key] }) { return cached }
        // On the caller's transaction connection: a second pool connection per intake could starve the pool.
        guard let row = try await connection.query(ProcedureStore.versionQuery(code: code, version: version)).first else { return nil }
        let record = try ProcedureStore.decode(row)
        records.withLock { $0[key] = record }
        return record
    }
}
