import Foundation
import MotCuaDomain
import MotCuaFoundation
@testable import MotCuaStore
import Testing

/// A dossier store that answers what a test scripts, for testing what the handlers make of the
/// store's answers (the JSON, headers, status codes and problems) without a database. Unscripted, it
/// is an empty store: no dossier to read, list or act on; an intake fails the test. The rules
/// themselves run in `DossierStore`'s transactions and are tested against PostgreSQL.
public struct ScriptedDossiers: DossierStoring {
    public var intake: @Sendable (IntakeRequest, Principal, IdempotencyKey?, _ render: (DossierRecord) throws -> String) async throws
        -> IntakeOutcome = { _, _, _, _ in
            Issue.record("an intake the test did not script")
            throw StoreError.conflict(code: "unscripted", detail: "The test scripted no intake.")
        }
    public var perform: @Sendable (DossierCommand, _ code: String, Principal, _ ifMatch: Int?) async throws -> DossierRecord = { _, code, _, _ in
        throw StoreError.notFound("No dossier \(code).")
    }
    public var get: @Sendable (_ code: String, Principal) async throws -> DossierRecord? = { _, _ in nil }
    public var getPublic: @Sendable (_ code: String) async throws -> DossierRecord? = { _ in nil }
    public var history: @Sendable (_ code: String, Principal) async throws -> [DossierStore.Event]? = { _, _ in nil }
    public var list: @Sendable (DossierFilter, Principal, _ today: LocalDate, _ limit: Int, _ cursor: String?) async throws
        -> Page<DossierRecord> = { _, _, _, _, _ in Page(items: [], nextCursor: nil) }
    public var counts: @Sendable (_ unit: String?, Principal, _ today: LocalDate, _ dueSoonBy: LocalDate) async throws -> DossierCounts = {
        _, _, _, _ in DossierCounts(byStatus: [:], overdue: 0, dueSoon: 0)
    }
    public var paperwork: @Sendable (_ code: String, Principal) async throws -> DossierPaperwork? = { _, _ in nil }

    public init() {}

    public func intake(
        _ request: IntakeRequest, by principal: Principal, now: Date, clock: DeadlineClock, idempotency: IdempotencyKey?,
        render: @Sendable (DossierRecord) throws -> String
    ) async throws -> IntakeOutcome {
        try await intake(request, principal, idempotency, render)
    }

    public func perform(
        _ command: DossierCommand, code: String, by principal: Principal, ifMatch: Int?, now: Date, clock: DeadlineClock
    ) async throws -> DossierRecord {
        try await perform(command, code, principal, ifMatch)
    }

    public func get(code: String, for principal: Principal) async throws -> DossierRecord? { try await get(code, principal) }

    public func getPublic(code: String) async throws -> DossierRecord? { try await getPublic(code) }

    public func history(code: String, for principal: Principal) async throws -> [DossierStore.Event]? { try await history(code, principal) }

    public func list(_ filter: DossierFilter, for principal: Principal, today: LocalDate, limit: Int, cursor: String?) async throws
        -> Page<DossierRecord>
    {
        try await list(filter, principal, today, limit, cursor)
    }

    public func counts(unit: String?, for principal: Principal, today: LocalDate, dueSoonBy: LocalDate) async throws -> DossierCounts {
        try await counts(unit, principal, today, dueSoonBy)
    }

    public func paperwork(code: String, for principal: Principal) async throws -> DossierPaperwork? { try await paperwork(code, principal) }

    /// Ratings need a dossier to rate, which `get` or `getPublic` never gave unless scripted.
    public func rate(
        dossierID: Int64, code: String, status: DossierStatus, rating: CitizenRating, comment: String?,
        source: DossierStore.RatingSource, actorID: Int64?, now: Date
    ) async throws -> RatingRecord {
        Issue.record("a rating the test did not script")
        throw StoreError.notFound("No dossier \(code).")
    }

    public func isRated(dossierID: Int64) async throws -> Bool { false }

    public func sweep(now: Date, calendar: WorkCalendar, batch: Int, province: String?) async throws -> DossierStore.SweepResult {
        DossierStore.SweepResult()
    }
}

extension DossierRecord {
    /// A dossier at the counter of `unit` (received and running unless `change` says otherwise), as
    /// the store would return it.
    public static func sample(
        code: String, unit: String, province: String, status: DossierStatus = .received, version: Int = 1,
        receivedAt: Date = Date(timeIntervalSince1970: 1_772_416_800), change: (inout DossierRecord) -> Void = { _ in }
    ) -> DossierRecord {
        let received = LocalDate(vietnam: receivedAt)
        var record = DossierRecord(
            id: 1, code: code, province: province, procedureCode: "1.001193", procedureVersion: 1, procedureName: "Đăng ký khai sinh",
            receivingUnit: unit, handlingUnit: unit, channel: .counter, status: status,
            applicant: Applicant(fullName: "Nguyễn Thị Ánh", idNumber: "001190012345", phone: "0912345678"),
            documents: [FiledDocument(code: "TK", name: "Tờ khai", digitized: true)], note: nil, submittedAt: nil,
            receivedAt: receivedAt, startDate: received, dueDate: received.adding(days: 3), dueAt: nil, appointmentDate: received.adding(days: 3),
            acceptBy: nil, assigneeID: nil, assignee: nil, step: nil, supplementRequests: 0, supplementPendingAt: nil, apologized: false,
            finishedAt: nil, feeRequested: 0, feePaid: 0, payments: [], lookupKey: "K7P2QX", externalReference: nil,
            supplementRequestsByHandlingUnit: 0, completionPending: false, version: version, createdAt: receivedAt, updatedAt: receivedAt,
            listedAt: receivedAt)
        change(&record)
        return record
    }
}
