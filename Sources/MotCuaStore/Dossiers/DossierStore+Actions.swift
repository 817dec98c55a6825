import Foundation
import MotCuaDomain
import MotCuaPostgres

extension DossierStore {
    /// Performs `command` in one transaction: locks the dossier row (so two officers can never both
    /// win), checks `If-Match`, asks MotCuaDomain whether the caller may do it now, then writes the new
    /// state, the history event and the outbox row. A refusal changes nothing.
    ///
    /// Two network round trips for most commands: BEGIN, the lock and the read go out together (the
    /// read runs after the lock, so it sees the latest committed state), and the writes whose results
    /// are not needed go out with the final update and COMMIT.
    public func perform(
        _ command: DossierCommand, code: String, by principal: Principal, ifMatch: Int?, now: Date, clock: DeadlineClock
    ) async throws -> DossierRecord {
        try await pool.withTransaction { tx in
            let rows = try await tx.query([
                "SELECT d.id FROM dossiers d WHERE d.code = \(code) AND \(principal.dossierScope) FOR UPDATE",
                "SELECT \(unescaped: DossierRecord.selectList) \(unescaped: DossierRecord.fromClause) WHERE d.code = \(code)",
            ])
            guard !rows[0].isEmpty, let row = rows[1].first else { throw StoreError.notFound("No dossier \(code).") }
            let record = try DossierRecord(row: row)
            if let ifMatch, ifMatch != record.version { throw StoreError.versionMismatch(current: record.version) }
            guard let procedure = try await procedureVersions.record(code: record.procedureCode, version: record.procedureVersion, on: tx)
            else { throw StoreError.notFound("Procedure \(record.procedureCode) version \(record.procedureVersion) is missing.") }
            var change = DossierChange(
                record: record, procedure: procedure.definition, principal: principal, now: now, clock: clock, connection: tx,
                onlineIncompleteWorkingDays: onlineIncompleteWorkingDays)
            try await change.apply(command)
            return try await change.save()
        }
    }
}

/// The changes one command makes to one locked dossier, accumulated and then written at once.
struct DossierChange {
    let record: DossierRecord
    let procedure: ProcedureDefinition
    let principal: Principal
    let now: Date
    let clock: DeadlineClock
    let connection: PostgresConnection
    let onlineIncompleteWorkingDays: Int
    var status: DossierStatus
    /// The control-slip step open when the command began, with its deadline as the command moves it.
    var openStep: OpenStep?
    var sets: [PostgresQuery] = []
    var event: DossierEvent

    init(record: DossierRecord, procedure: ProcedureDefinition, principal: Principal, now: Date, clock: DeadlineClock,
         connection: PostgresConnection, onlineIncompleteWorkingDays: Int) {
        self.onlineIncompleteWorkingDays = onlineIncompleteWorkingDays
        self.record = record
        self.procedure = procedure
        self.principal = principal
        self.now = now
        self.clock = clock
        self.connection = connection
        self.status = record.status
        self.openStep = record.step
        self.event = DossierEvent(type: "", from: record.status, to: record.status, actorID: principal.userID)
    }

    /// Decides with the state machine, then records what the command changes.
    mutating func apply(_ command: DossierCommand) async throws {
        let action = command.action(in: record.status)
        event.type = action.rawValue
        event.reason = command.reason
        if case .supplement = command, record.status == .submitted {
            try decideIntakeSupplement()
        } else {
            try decide(action, hasReason: command.reason != nil)
        }
        switch command {
        case .accept: accept()
        case .refuse, .stop, .withdraw: try await finish()
        case .requestSupplement(_, let items): try await requestSupplement(items)
        case .supplement(let documents): try supplement(documents)
        case .assign(let assignee, let step):
            guard let step = step.map({ procedure.step(code: $0) }) ?? procedure.firstHandlingStep else {
                throw StoreError.invalid(field: "step", reason: "not a step of procedure \(procedure.code)")
            }
            try await openStep(step, assignee: assignee)
        case .forward(let stepCode, let assignee, _):
            guard let step = procedure.step(code: stepCode) else {
                throw StoreError.invalid(field: "step", reason: "\(stepCode) is not a step of procedure \(procedure.code)")
            }
            try closeStep()
            try await openStep(step, assignee: assignee)
        case .requestPayment(let amount, let description):
            sets.append("fee_requested = fee_requested + \(amount)")
            try payment(kind: "request", amount: amount, channel: nil, description: description)
        case .pay(let amount, let channel):
            sets.append("fee_paid = fee_paid + \(amount)")
            if channel != .cash { sets.append("paid_online = true") }
            try payment(kind: "payment", amount: amount, channel: channel.rawValue, description: nil)
        case .resolve: try await finish()
        case .return: break  // the event records who handed the result over, and when
        case .apologize(_, let newDate): try apologize(newDate)
        }
    }

    private mutating func decide(_ action: DossierAction, hasReason: Bool) throws {
        // The record was read after the row lock, so its count of Form 02 requests is current.
        let context = DossierContext(
            supplementRequestsByHandlingUnit: record.supplementRequestsByHandlingUnit, apologized: record.apologized, hasReason: hasReason,
            actorIsAssignee: record.assigneeID == principal.userID)
        switch DossierRules.decide(action: action, status: record.status, actorRoles: principal.roles, context: context) {
        case .success(let target): status = target
        case .failure(let refusal): throw StoreError(refusal)
        }
    }

    /// Documents supplied after a completion request at intake: the dossier stays `submitted` and the
    /// desk's acceptance window starts again.
    private mutating func decideIntakeSupplement() throws {
        guard principal.has(anyOf: DossierRecord.intakeSupplementRoles) else {
            throw StoreError.forbidden("Only the desk or the portal records supplementary documents.")
        }
        guard record.completionPending else {
            throw StoreError.invalidTransition(
                detail: "'supplement' is not possible: the dossier is submitted and no completion request is waiting for documents.",
                status: record.status.rawValue)
        }
        sets.append("incomplete_expires_at = NULL")
        sets.append("accept_by = \(clock.acceptBy(submittedAt: now))")
    }

    /// Writes the new state, the event and its outbox row in one statement, commits in the same round
    /// trip (with the writes queued before it), and returns the new record.
    mutating func save() async throws -> DossierRecord {
        event.to = status
        var update: PostgresQuery = "UPDATE dossiers SET status = \(status.code), version = version + 1, updated_at = \(now)"
        for set in sets { update += ", \(set)" }
        update += " WHERE id = \(record.id) \(DossierEvent.returning(at: now))"
        let rows = try await connection.queryCommitting("""
            WITH d AS (\(update)), \(event.inserts(at: now))
            SELECT \(unescaped: DossierRecord.selectList) \(unescaped: DossierRecord.from("d"))
            """)
        return try DossierRecord(row: rows[0])
    }
}

extension StoreError {
    /// A refusal of the state machine: `forbidden` stays a 403; a missing reason or an unusable
    /// appointment date is a 422 naming the field; an impossible transition names the status;
    /// every other rule is a 409 with its code.
    init(_ refusal: DossierRefusal) {
        self = switch refusal.code {
        case .forbidden: .forbidden(refusal.message)
        case .reasonRequired: .invalid(field: "reason", reason: "must not be blank")
        case .invalidAppointmentDate: .invalid(field: "newAppointmentDate", reason: refusal.message)
        case .invalidTransition: .invalidTransition(detail: refusal.message, status: refusal.status?.rawValue)
        default: .conflict(code: refusal.code.rawValue, detail: refusal.message)
        }
    }
}
