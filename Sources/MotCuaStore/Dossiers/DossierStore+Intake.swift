import Foundation
import MotCuaDomain
import MotCuaPostgres

/// What the desk or the portal files.
public struct IntakeRequest: Sendable, Hashable {
    public var procedureCode: String
    public var receivingUnit: String
    public var handlingUnit: String?
    public var channel: Channel
    public var applicant: Applicant
    public var documents: [FiledDocument]
    public var note: String?
    /// The filing system's own id of the dossier (the portal's), unique per filing account.
    public var externalReference: String?

    public init(
        procedureCode: String, receivingUnit: String, handlingUnit: String?, channel: Channel, applicant: Applicant,
        documents: [FiledDocument], note: String?, externalReference: String? = nil
    ) {
        self.externalReference = externalReference
        self.procedureCode = procedureCode
        self.receivingUnit = receivingUnit
        self.handlingUnit = handlingUnit
        self.channel = channel
        self.applicant = applicant
        self.documents = documents
        self.note = note
    }
}

/// An `Idempotency-Key` and a digest of the request body it was first used with.
public struct IdempotencyKey: Sendable, Hashable {
    public var key: String
    public var requestHash: String
    public init(key: String, requestHash: String) {
        self.key = key
        self.requestHash = requestHash
    }
}

/// The result of an intake: a new dossier, or the response of an earlier identical request.
public enum IntakeOutcome: Sendable {
    case created(DossierRecord)
    case replayed(response: String)
}

extension DossierStore {
    /// Files a dossier in one transaction: checks, the next code of the receiving agency's day, the
    /// deadline or acceptance window, the intake event and outbox row, and the idempotency record with
    /// the rendered response. Same-key requests of one caller serialise on an advisory lock.
    ///
    /// Two network round trips (three with an `Idempotency-Key`): BEGIN, the key's lock and record,
    /// the units and procedure, and an earlier dossier with the same external reference are read
    /// together; the counter, the dossier, its event and outbox row are one statement, which goes out
    /// with COMMIT unless the idempotency record (which holds the rendered response) must follow.
    public func intake(
        _ request: IntakeRequest, by principal: Principal, now: Date, clock: DeadlineClock, idempotency: IdempotencyKey?,
        render: @Sendable (DossierRecord) throws -> String
    ) async throws -> IntakeOutcome {
        if case .failure(let refusal) = DossierRules.intake(channel: request.channel, actorRoles: principal.roles) {
            throw StoreError.forbidden(refusal.message)
        }
        let handlingUnit = request.handlingUnit ?? request.receivingUnit
        do {
            return try await pool.withTransaction { tx in
                var reads: [PostgresQuery] = [Self.unitsAndProcedureQuery(request, handlingUnit)]
                if let idempotency {
                    reads += [
                        "SELECT pg_advisory_xact_lock(hashtextextended(\(String(principal.userID) + ":" + idempotency.key), 0))",
                        "SELECT request_hash, response FROM idempotency_keys WHERE user_id = \(principal.userID) AND key = \(idempotency.key)",
                    ]
                }
                if request.externalReference != nil { reads.append(Self.externalReferenceQuery(request, principal)) }
                let found = try await tx.query(reads)
                if let idempotency, let previous = found[2].first {
                    guard try previous.decode(String.self, at: 0) == idempotency.requestHash else {
                        throw StoreError.conflict(code: "idempotency-conflict", detail: "This Idempotency-Key was used with another request body.")
                    }
                    return .replayed(response: try previous.decode(String.self, at: 1))
                }
                if request.externalReference != nil, let existing = try found.last?.first?.decode(String.self, at: 0) {
                    throw Self.externalReferenceTaken(request.externalReference, by: existing)
                }
                let procedure = try await checkProcedureAndUnits(found[0], request, handlingUnit, principal, tx)
                try Self.checkDocuments(request, procedure.definition)
                let insert = try insertQuery(request, handlingUnit, procedure, principal, now: now, clock: clock)
                guard let idempotency else {
                    return .created(try DossierRecord(row: try await tx.queryCommitting(insert)[0]))
                }
                let record = try DossierRecord(row: try await tx.query(insert)[0])
                let response = try render(record)
                try tx.enqueue("""
                    INSERT INTO idempotency_keys (user_id, key, request_hash, dossier_id, response)
                    VALUES (\(principal.userID), \(idempotency.key), \(idempotency.requestHash), \(record.id), \(response))
                    """)
                return .created(record)
            }
        } catch let error as PostgresError where error.code == .uniqueViolation && error.constraint == "dossiers_external_reference" {
            // Another request with the same reference committed between our read and our insert.
            let existing = try await pool.query(Self.externalReferenceQuery(request, principal)).first?.decode(String.self, at: 0)
            throw Self.externalReferenceTaken(request.externalReference, by: existing ?? "?")
        }
    }

    /// The counter of the receiving agency's day, the dossier, its intake event and outbox row, in
    /// one statement returning the new record. The code is the agency's prefix and the counter's
    /// value, padded as `DossierCode` does.
    private func insertQuery(
        _ request: IntakeRequest, _ handlingUnit: String, _ procedure: ProcedureRecord, _ principal: Principal, now: Date,
        clock: DeadlineClock
    ) throws -> PostgresQuery {
        guard let agency = AgencyCode(request.receivingUnit) else {
            throw StoreError.invalid(field: "receivingUnit", reason: "is not a valid agency code")
        }
        let today = LocalDate(vietnam: now)
        let online = request.channel == .online
        let definition = procedure.definition
        let startDate = online ? nil : clock.startDate(acceptedAt: now, cutoff: definition.cutoff)
        let deadline = online ? nil : clock.deadline(acceptedAt: now, cutoff: definition.cutoff, processingTime: definition.processingTime)
        let status: DossierStatus = online ? .submitted : .received
        let event = DossierEvent(type: "intake", to: status, actorID: principal.userID, data: ["channel": .string(request.channel.rawValue)])
        return """
            WITH counter AS (
                INSERT INTO dossier_counters (agency, day, last_seq) VALUES (\(request.receivingUnit), \(today.description)::date, 1)
                ON CONFLICT (agency, day) DO UPDATE SET last_seq = dossier_counters.last_seq + 1
                RETURNING last_seq),
            d AS (
                INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel, status,
                    applicant, applicant_name, documents, digitized, note, submitted_at, received_at, listed_at, start_date, due_date,
                    due_at, appointment_date, accept_by, lookup_key, external_reference, created_by, created_at, updated_at)
                SELECT \(DossierCode.prefix(agency: agency, date: today)) || lpad(counter.last_seq::text, greatest(\(DossierCode.sequenceDigits), length(counter.last_seq::text)), '0'),
                    \(principal.province), \(definition.code), \(procedure.version), \(request.receivingUnit), \(handlingUnit),
                    \(request.channel.rawValue), \(status.code), \(PostgresJSON(request.applicant))::jsonb, \(request.applicant.fullName),
                    \(PostgresJSON(request.documents))::jsonb, \(request.documents.contains { $0.digitized }), \(request.note),
                    \(online ? now : nil), \(online ? nil : now), \(now), \(startDate?.description)::date,
                    \(deadline?.dueDate.description)::date, \(deadline?.dueAt), \(deadline?.dueDate.description)::date,
                    \(online ? clock.acceptBy(submittedAt: now) : nil), \(LookupKey.generate()), \(request.externalReference), \(principal.userID), \(now), \(now)
                FROM counter
                \(DossierEvent.returning(at: now))),
            \(event.inserts(at: now))
            SELECT \(unescaped: DossierRecord.selectList) \(unescaped: DossierRecord.from("d"))
            """
    }

    /// The code of the caller's dossier with the request's external reference (none without one).
    private static func externalReferenceQuery(_ request: IntakeRequest, _ principal: Principal) -> PostgresQuery {
        "SELECT code FROM dossiers WHERE external_reference = \(request.externalReference) AND created_by = \(principal.userID)"
    }

    /// The refusal of an intake whose external reference the caller already used.
    private static func externalReferenceTaken(_ reference: String?, by existing: String) -> StoreError {
        .conflict(
            code: "external-reference-taken",
            detail: "The external reference \(reference ?? "") is already used by dossier \(existing) filed by this account.")
    }

    /// The procedure's current version and the kind and province of the two units, one row per unit found.
    private static func unitsAndProcedureQuery(_ request: IntakeRequest, _ handling: String) -> PostgresQuery {
        """
        SELECT v.current_version, u.code, u.kind, u.province
        FROM (SELECT (SELECT current_version FROM procedures WHERE code = \(request.procedureCode)) AS current_version) v
        LEFT JOIN units u ON u.code IN (\(request.receivingUnit), \(handling))
        """
    }

    /// The procedure's current version, checked with the two units: both must be communes of the
    /// caller's province; an officer receives at their own desk.
    private func checkProcedureAndUnits(
        _ rows: PostgresRows, _ request: IntakeRequest, _ handling: String, _ principal: Principal, _ connection: PostgresConnection
    ) async throws -> ProcedureRecord {
        let receiving = request.receivingUnit
        var units: [String: (kind: String, province: String)] = [:]
        for row in rows {
            if let code = try row.decode(String?.self, at: 1) {
                units[code] = (try row.decode(String.self, at: 2), try row.decode(String.self, at: 3))
            }
        }
        var problems: [StoreError.InvalidField] = []
        for (field, code) in [("receivingUnit", receiving), ("handlingUnit", handling)] {
            guard let unit = units[code] else { problems.append(.init(field, "no unit \(code)")); continue }
            if unit.kind != "commune" { problems.append(.init(field, "\(code) is not a commune")) }
            if unit.province != principal.province { problems.append(.init(field, "\(code) is not in your province")) }
        }
        var procedure: ProcedureRecord?
        if let version = try rows[0].decode(Int?.self, at: 0) {
            procedure = try await procedureVersions.record(code: request.procedureCode, version: version, on: connection)
        }
        if procedure == nil { problems.insert(.init("procedureCode", "no procedure \(request.procedureCode) in the catalog"), at: 0) }
        if problems.isEmpty { try principal.authorizeReceiving(at: receiving) }
        guard let procedure, problems.isEmpty else { throw StoreError.invalidFields(problems) }
        return procedure
    }

    /// Filed documents must be components of the procedure; a counter or postal dossier must be complete.
    static func checkDocuments(_ request: IntakeRequest, _ procedure: ProcedureDefinition) throws {
        let problems = Paperwork.documentProblems(codes: request.documents.map(\.code), of: procedure, complete: request.channel != .online)
        guard problems.isEmpty else { throw StoreError.invalidFields(problems) }
    }
}

/// The key printed on the citizen's receipt: 12 characters without look-alikes (0/O, 1/I/L), about 59 bits.
enum LookupKey {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
