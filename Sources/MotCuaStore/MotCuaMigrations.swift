import Foundation
import MotCuaPostgres

/// The schema, as versioned `.sql` files named `NNNN_name.sql` in `Migrations/` (bundled as resources).
/// A migration that has been applied anywhere is never edited: add a new file instead (the migrator
/// refuses to start when an applied file's checksum changed).
public enum MotCuaMigrations {
    /// Every migration, ordered by version.
    public static func all() throws -> [PostgresMigration] {
        guard let folder = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw MigrationsMissing()
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
        return try files.map { file in
            let stem = file.deletingPathExtension().lastPathComponent
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]) else {
                throw MigrationsMissing(file: file.lastPathComponent)
            }
            let sql = try String(contentsOf: file, encoding: .utf8)
            return PostgresMigration(version: version, name: String(stem[stem.index(after: underscore)...]), sql: sql)
        }.sorted { $0.version < $1.version }
    }

    struct MigrationsMissing: Error, CustomStringConvertible {
        var file: String?
        var description: String {
            file.map { "migration file \($0) is not named NNNN_name.sql" } ?? "the Migrations resource folder is missing"
        }
    }
}
