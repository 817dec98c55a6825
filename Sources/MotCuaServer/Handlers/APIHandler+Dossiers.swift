import Crypto
import Foundation
import HTTPTypes
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

extension APIHandler {
    func createDossier(_ input: Operations.CreateDossier.Input) async throws -> Operations.CreateDossier.Output {
        let principal = try self.principal
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let request = try IntakeRequest(body)
        // The key's shape is the contract's (ContractValidationMiddleware).
        let idempotency = try input.headers.idempotencyKey.map { IdempotencyKey(key: $0, requestHash: try Self.digest(body)) }
        let now = clock.now
        let outcome = try await dossiers.intake(
            request, by: principal, now: now, clock: try await calendars.clock(), idempotency: idempotency
        ) { record in
            String(decoding: try Self.responseEncoder.encode(Components.Schemas.Dossier(record, now: now, for: principal)), as: UTF8.self)
        }
        let dossier: Components.Schemas.Dossier = switch outcome {
        case .created(let record): .init(record, now: now, for: principal)
        case .replayed(let response): try Self.responseDecoder.decode(Components.Schemas.Dossier.self, from: Data(response.utf8))
        }
        return .created(.init(
            headers: .init(location: "/v1/dossiers/\(dossier.code)", eTag: "\"\(dossier.version)\""), body: .json(dossier)))
    }

    func getDossier(_ input: Operations.GetDossier.Input) async throws -> Operations.GetDossier.Output {
        let (record, principal) = try await readDossier(code: input.path.code)
        return .ok(.init(headers: .init(eTag: record.eTag), body: .json(.init(record, now: clock.now, for: principal))))
    }

    /// The dossier `code` and who reads it; shared with the hand-written route (`HotRoutes`).
    func readDossier(code: String) async throws -> (DossierRecord, Principal) {
        let principal = try self.principal
        guard let record = try await dossiers.get(code: code, for: principal) else { throw APIError.notFound("No dossier \(code).") }
        return (record, principal)
    }

    func listDossiers(_ input: Operations.ListDossiers.Input) async throws -> Operations.ListDossiers.Output {
        let (page, now, principal) = try await readDossierPage(input.query)
        return .ok(.init(body: .json(.init(items: page.items.map { .init($0, now: now, for: principal) }, nextCursor: NullableString(page.nextCursor)))))
    }

    /// A page of the dossiers `q` selects, the time it was read at and who reads it; shared with the
    /// hand-written route (`HotRoutes`).
    func readDossierPage(_ q: Operations.ListDossiers.Input.Query) async throws -> (Page<DossierRecord>, Date, Principal) {
        let principal = try self.principal
        var filter = DossierFilter()
        filter.status = q.status.map { DossierStatus($0) }
        filter.procedure = q.procedure
        filter.unit = q.unit
        filter.assignee = q.assignee
        filter.overdue = q.overdue
        filter.dueBefore = try q.dueBefore.map { try Self.parseDate($0, name: "dueBefore") }
        filter.receivedFrom = try q.receivedFrom.map { try Self.parseDate($0, name: "receivedFrom") }
        filter.receivedTo = try q.receivedTo.map { try Self.parseDate($0, name: "receivedTo") }
        filter.search = q.q
        filter.externalReference = q.externalReference
        filter.updatedSince = q.updatedSince
        let now = clock.now
        let page = try await dossiers.list(filter, for: principal, today: LocalDate(vietnam: now), limit: pageSize(q.limit), cursor: q.cursor)
        return (page, now, principal)
    }

    func getDossierHistory(_ input: Operations.GetDossierHistory.Input) async throws -> Operations.GetDossierHistory.Output {
        guard let events = try await dossiers.history(code: input.path.code, for: try principal) else {
            throw APIError.notFound("No dossier \(input.path.code).")
        }
        return .ok(.init(body: .json(.init(code: input.path.code, items: try events.map(Components.Schemas.HistoryEvent.init)))))
    }

    /// A digest of the intake body, to tell a retry from another request reusing its key.
    static func digest(_ body: Components.Schemas.DossierInput) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return SHA256.hash(data: try encoder.encode(body)).map { String(format: "%02x", $0) }.joined()
    }

    /// How an intake response is kept for idempotent replays: the same JSON the API sends.
    static var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static var responseDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension IntakeRequest {
    init(_ body: Components.Schemas.DossierInput) throws {
        let name = body.applicant.fullName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw APIError.validation("applicant.fullName", "must not be blank") }
        self.init(
            procedureCode: body.procedureCode, receivingUnit: body.receivingUnit, handlingUnit: body.handlingUnit,
            channel: Channel(body.channel),
            applicant: Applicant(
                fullName: name, idNumber: body.applicant.idNumber, phone: body.applicant.phone, email: body.applicant.email,
                address: body.applicant.address),
            documents: body.documents.map { FiledDocument(code: $0.code, name: $0.name, digitized: $0.digitized ?? false) },
            note: body.note, externalReference: body.externalReference)
    }
}

extension APIHandler {
    func countDossiers(_ input: Operations.CountDossiers.Input) async throws -> Operations.CountDossiers.Output {
        let principal = try self.principal
        let now = clock.now
        let today = LocalDate(vietnam: now)
        let calendar = try await calendars.calendar()
        let counts = try await dossiers.counts(
            unit: input.query.unit, for: principal, today: today, dueSoonBy: calendar.nextWorkingDay(after: today))
        return .ok(.init(body: .json(.init(
            unit: input.query.unit, asOf: now, total: counts.total, open: counts.open,
            byStatus: .init(additionalProperties: Dictionary(uniqueKeysWithValues: counts.byStatus.map { ($0.key.rawValue, $0.value) })),
            overdue: counts.overdue, dueSoon: counts.dueSoon))))
    }
}
