import Foundation
import MotCuaDomain
import MotCuaPostgres

/// A stored citizen rating.
public struct RatingRecord: Sendable, Hashable {
    public var code: String
    public var rating: CitizenRating
    public var comment: String?
    public var createdAt: Date
}

extension DossierStore {
    /// Where a rating came from.
    public enum RatingSource: String, Sendable { case `public`, portal }

    /// Stores the citizen's rating of a finished dossier, once; the row can never change afterwards.
    /// The caller has already identified the dossier (by lookup key, or a portal account's scope).
    public func rate(dossierID: Int64, code: String, status: DossierStatus, rating: CitizenRating, comment: String?,
                     source: RatingSource, actorID: Int64?, now: Date) async throws -> RatingRecord {
        guard status.mayBeRated else {
            throw StoreError.conflict(code: "not-finished", detail: "A dossier can be rated once it is resolved, returned, stopped or refused.")
        }
        return try await pool.withTransaction { tx in
            let inserted = try await tx.query("""
                INSERT INTO dossier_ratings (dossier_id, scores, total, band, satisfaction, comment, source, created_at)
                VALUES (\(dossierID), \(rating.scores.values), \(rating.total), \(rating.band.rawValue), \(rating.satisfaction.rawValue),
                        \(comment), \(source.rawValue), \(now))
                ON CONFLICT (dossier_id) DO NOTHING RETURNING created_at
                """)
            guard !inserted.isEmpty else {
                throw StoreError.conflict(code: "already-rated", detail: "This dossier has already been rated; a rating never changes.")
            }
            try await DossierEvent(
                type: "rating", actorID: actorID,
                data: ["total": .int(Int64(rating.total)), "band": .string(rating.band.rawValue), "source": .string(source.rawValue)]
            ).write(dossierID: dossierID, at: now, on: tx)
            return RatingRecord(code: code, rating: rating, comment: comment, createdAt: now)
        }
    }

    /// Whether the dossier has a rating.
    public func isRated(dossierID: Int64) async throws -> Bool {
        try await pool.query("SELECT EXISTS (SELECT 1 FROM dossier_ratings WHERE dossier_id = \(dossierID))")
            .first?.decode(Bool.self, at: 0) ?? false
    }
}
