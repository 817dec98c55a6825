import Foundation
import MotCuaDomain
import MotCuaPostgres

/// A document filed with a dossier.
public struct FiledDocument: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var digitized: Bool

    public init(code: String, name: String, digitized: Bool) {
        self.code = code
        self.name = name
        self.digitized = digitized
    }

    private enum CodingKeys: String, CodingKey { case code, name, digitized }

    /// Rows written by imports or older versions may lack `digitized`: read it as false rather than
    /// failing every read of the dossier.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        digitized = try container.decodeIfPresent(Bool.self, forKey: .digitized) ?? false
    }
}

/// The applicant: personal data that never leaves the authenticated API.
public struct Applicant: Sendable, Hashable, Codable {
    public var fullName: String
    public var idNumber: String
    public var phone: String?
    public var email: String?
    public var address: String?

    public init(fullName: String, idNumber: String, phone: String? = nil, email: String? = nil, address: String? = nil) {
        self.fullName = fullName
        self.idNumber = idNumber
        self.phone = phone
        self.email = email
        self.address = address
    }
}

/// A payment recorded against a dossier.
public struct PaymentRecord: Sendable, Hashable, Decodable {
    public var amount: Int64
    public var channel: String
    public var at: Date

    private enum CodingKeys: String, CodingKey { case amount, channel, epoch }

    /// Decodes the `jsonb_build_object` of `DossierRecord.selectList`, where the time is Unix seconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        amount = try container.decode(Int64.self, forKey: .amount)
        channel = try container.decode(String.self, forKey: .channel)
        at = Date(timeIntervalSince1970: try container.decode(Double.self, forKey: .epoch))
    }
}

/// The control-slip step a dossier is in.
public struct OpenStep: Sendable, Hashable {
    public var id: Int64
    public var code: String
    public var name: String
    public var assignee: String
    public var openedAt: Date
    public var deadline: Date
    /// When the step paused for a supplement wait that is still going on; `nil` while it runs.
    public var pausedAt: Date?
}

/// A dossier as stored, with the names its API view needs.
public struct DossierRecord: Sendable, Hashable {
    public var id: Int64
    public var code: String
    public var province: String
    public var procedureCode: String
    public var procedureVersion: Int
    public var procedureName: String
    public var receivingUnit: String
    public var handlingUnit: String
    public var channel: Channel
    public var status: DossierStatus
    public var applicant: Applicant
    public var documents: [FiledDocument]
    public var note: String?
    public var submittedAt: Date?
    public var receivedAt: Date?
    public var startDate: LocalDate?
    public var dueDate: LocalDate?
    public var dueAt: Date?
    public var appointmentDate: LocalDate?
    public var acceptBy: Date?
    public var assigneeID: Int64?
    public var assignee: String?
    public var step: OpenStep?
    public var supplementRequests: Int
    public var supplementPendingAt: Date?
    public var apologized: Bool
    public var finishedAt: Date?
    public var feeRequested: Int64
    public var feePaid: Int64
    public var payments: [PaymentRecord]
    public var lookupKey: String
    /// The filing system's own id (the portal's dossier id), when it gave one.
    public var externalReference: String?
    /// Form 02 requests the current handling unit has sent (at most one by the rules).
    public var supplementRequestsByHandlingUnit: Int
    /// An online dossier waits for the documents a completion request at intake asked for.
    public var completionPending: Bool
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    /// When it was filed (received at the desk, or submitted online): the list order, never changed.
    public var listedAt: Date

    /// Early / on time / late once finished, within deadline / overdue while open; nil before the clock starts.
    ///
    /// While the dossier waits for a supplement the clock is paused: the due date moves forward by every
    /// working day of the wait, so the dossier stands as it did when the wait began.
    public func timeliness(now: Date) -> Timeliness? {
        guard let dueDate else { return nil }
        let judgedAt = finishedAt == nil && status == .supplementRequested ? min(supplementPendingAt ?? now, now) : now
        return Timeliness.of(dueDate: dueDate, finishedAt: finishedAt, now: judgedAt, supplementRequests: supplementRequests)
    }

    /// The columns `decode` reads, in order; `d` is the dossier, `pv` its procedure version, `u` the
    /// assignee, `s` the open step (a resolved dossier keeps its assignee, but its last step is closed).
    static let selectList = """
        d.id, d.code, d.province, d.procedure_code, d.procedure_version, pv.name, d.receiving_unit, d.handling_unit,
        d.channel, d.status, d.applicant, d.documents, d.note, d.submitted_at, d.received_at, d.start_date::text,
        d.due_date::text, d.due_at, d.appointment_date::text, d.accept_by, d.assignee_id, u.username,
        s.id, s.step_code, s.step_name, s.opened_at, s.deadline, d.supplement_requests, d.supplement_pending_at,
        d.apologized, d.finished_at, d.fee_requested, d.fee_paid,
        (SELECT jsonb_agg(jsonb_build_object('amount', p.amount, 'channel', p.channel, 'epoch', extract(epoch FROM p.at)) ORDER BY p.id)
           FROM dossier_payments p WHERE p.dossier_id = d.id AND p.kind = 'payment'),
        d.lookup_key, d.version, d.created_at, d.updated_at, d.listed_at, CASE WHEN s.resumed_at IS NULL THEN s.paused_at END,
        d.external_reference,
        (SELECT count(*) FROM supplement_requests r WHERE r.dossier_id = d.id AND r.handling_unit = d.handling_unit),
        d.incomplete_expires_at IS NOT NULL
        """

    /// How many columns `selectList` has: a query may select more after them.
    static let columnCount = 43

    static let fromClause = from("dossiers")

    /// `FROM source d` with the joins `selectList` reads. `source` is `dossiers`, or the name of a
    /// CTE holding rows just inserted or updated (`RETURNING *`), so a write returns the new record
    /// in the same statement.
    static func from(_ source: String) -> String {
        """
        FROM \(source) d
        JOIN procedure_versions pv ON pv.code = d.procedure_code AND pv.version = d.procedure_version
        LEFT JOIN users u ON u.id = d.assignee_id
        LEFT JOIN dossier_steps s ON s.id = d.current_step_id AND s.closed_at IS NULL
        """
    }

}

extension DossierRecord {
    /// Decodes the columns of `selectList`. (An extension, so the memberwise initializer stays for tests.)
    init(row: PostgresRow) throws {
        func date(_ index: Int) throws -> LocalDate? { try row.decode(String?.self, at: index).flatMap { LocalDate(iso: $0) } }
        id = try row.decode(Int64.self, at: 0)
        code = try row.decode(String.self, at: 1)
        province = try row.decode(String.self, at: 2)
        procedureCode = try row.decode(String.self, at: 3)
        procedureVersion = try row.decode(Int.self, at: 4)
        procedureName = try row.decode(String.self, at: 5)
        receivingUnit = try row.decode(String.self, at: 6)
        handlingUnit = try row.decode(String.self, at: 7)
        channel = Channel(rawValue: try row.decode(String.self, at: 8)) ?? .counter
        status = DossierStatus(code: try row.decode(Int.self, at: 9)) ?? .submitted
        applicant = try row.decode(PostgresJSON<Applicant>.self, at: 10).value
        documents = try row.decode(PostgresJSON<[FiledDocument]>.self, at: 11).value
        note = try row.decode(String?.self, at: 12)
        submittedAt = try row.decode(Date?.self, at: 13)
        receivedAt = try row.decode(Date?.self, at: 14)
        startDate = try date(15)
        dueDate = try date(16)
        dueAt = try row.decode(Date?.self, at: 17)
        appointmentDate = try date(18)
        acceptBy = try row.decode(Date?.self, at: 19)
        assigneeID = try row.decode(Int64?.self, at: 20)
        assignee = try row.decode(String?.self, at: 21)
        if let stepID = try row.decode(Int64?.self, at: 22) {
            step = OpenStep(
                id: stepID, code: try row.decode(String.self, at: 23), name: try row.decode(String.self, at: 24),
                assignee: assignee ?? "", openedAt: try row.decode(Date.self, at: 25), deadline: try row.decode(Date.self, at: 26),
                pausedAt: try row.decode(Date?.self, at: 39))
        }
        supplementRequests = try row.decode(Int.self, at: 27)
        supplementPendingAt = try row.decode(Date?.self, at: 28)
        apologized = try row.decode(Bool.self, at: 29)
        finishedAt = try row.decode(Date?.self, at: 30)
        feeRequested = try row.decode(Int64.self, at: 31)
        feePaid = try row.decode(Int64.self, at: 32)
        // NULL without payments (most dossiers), so the JSON decoder runs only when there is one.
        payments = try row.decode(PostgresJSON<[PaymentRecord]>?.self, at: 33)?.value ?? []
        lookupKey = try row.decode(String.self, at: 34)
        version = try row.decode(Int.self, at: 35)
        createdAt = try row.decode(Date.self, at: 36)
        updatedAt = try row.decode(Date.self, at: 37)
        listedAt = try row.decode(Date.self, at: 38)
        externalReference = try row.decode(String?.self, at: 40)
        supplementRequestsByHandlingUnit = try row.decode(Int.self, at: 41)
        completionPending = try row.decode(Bool.self, at: 42)
    }
}
