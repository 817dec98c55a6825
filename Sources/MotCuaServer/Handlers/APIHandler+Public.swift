import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

/// What citizens reach without an account: tracking a dossier and rating the service.
extension APIHandler {
    func lookupDossier(_ input: Operations.LookupDossier.Input) async throws -> Operations.LookupDossier.Output {
        let record = try await publicDossier(code: input.path.code, lookupKey: input.query.lookupKey)
        let now = clock.now
        return .ok(.init(body: .json(.init(
            code: record.code, status: .init(record.status), statusCode: record.status.code,
            procedureName: record.procedureName, applicantName: Self.mask(record.applicant.fullName), receivedAt: record.receivedAt,
            dueDate: record.dueDate?.description, appointmentDate: record.appointmentDate?.description, finishedAt: record.finishedAt,
            timeliness: record.timeliness(now: now).map { .init($0) }))))
    }

    func rateDossier(_ input: Operations.RateDossier.Input) async throws -> Operations.RateDossier.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let record = try await publicDossier(code: input.path.code, lookupKey: input.query.lookupKey)
        return .created(.init(body: .json(try await rate(record, body, source: .public, actorID: nil))))
    }

    func rateDossierAsPortal(_ input: Operations.RateDossierAsPortal.Input) async throws -> Operations.RateDossierAsPortal.Output {
        let principal = try require([.portal], to: "forward citizens' ratings")
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        guard let record = try await dossiers.get(code: input.path.code, for: principal) else {
            throw APIError.notFound("No dossier \(input.path.code).")
        }
        return .created(.init(body: .json(try await rate(record, body, source: .portal, actorID: principal.userID))))
    }

    func rate(_ record: DossierRecord, _ body: Components.Schemas.RatingInput, source: DossierStore.RatingSource, actorID: Int64?)
        async throws -> Components.Schemas.Rating
    {
        let s = body.scores
        let rating: CitizenRating
        do {
            rating = try CitizenRating(
                scores: RatingScores(i1: s.i1, i2: s.i2, i3: s.i3, i4: s.i4, i5: s.i5, i6: s.i6, i7: s.i7, i8: s.i8, i9: s.i9),
                satisfaction: Satisfaction(body.satisfaction))
        } catch {
            throw APIError.validation(error.invalidIndicators.map { .init(name: "scores.\($0)", reason: "must be 0, 1 or 2") })
        }
        let stored = try await dossiers.rate(
            dossierID: record.id, code: record.code, status: record.status, rating: rating, comment: body.comment, source: source,
            actorID: actorID, now: clock.now)
        return .init(
            code: stored.code, scores: s, total: stored.rating.total, band: .init(stored.rating.band),
            satisfaction: body.satisfaction, comment: stored.comment, createdAt: stored.createdAt)
    }

    /// The dossier whose receipt key matches, compared in constant time; a wrong key looks exactly
    /// like an unknown code. Rate-limited per client address against key guessing.
    func publicDossier(code: String, lookupKey: String) async throws -> DossierRecord {
        if let wait = publicLimiter.acquire(try context.clientLimitKey, now: clock.now) {
            throw APIError.rateLimited(retryAfterSeconds: wait)
        }
        let notFound = APIError.notFound("No dossier with this code and lookup key.")
        guard let record = try await dossiers.getPublic(code: code) else { throw notFound }
        guard Self.constantTimeEquals(record.lookupKey, lookupKey.uppercased()) else { throw notFound }
        return record
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }

    /// "Nguyễn Thị Ánh" → "N***** T** Á**": enough for the citizen to recognise, nothing for anyone else.
    static func mask(_ name: String) -> String {
        name.split(separator: " ").map { word in
            guard let first = word.first else { return "" }
            return String(first) + String(repeating: "*", count: max(word.count - 1, 2))
        }.joined(separator: " ")
    }
}
