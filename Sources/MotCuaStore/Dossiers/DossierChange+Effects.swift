import Foundation
import MotCuaDomain
import MotCuaPostgres

extension DossierChange {
    /// The desk accepts an online dossier: the clock starts now. Its place in lists (`listed_at`, the
    /// filing time) does not change, so a client paging a list never skips or repeats it.
    mutating func accept() {
        let start = clock.startDate(acceptedAt: now, cutoff: procedure.cutoff)
        let deadline = clock.deadline(acceptedAt: now, cutoff: procedure.cutoff, processingTime: procedure.processingTime)
        sets += [
            "received_at = \(now)", "start_date = \(start.description)::date",
            "due_date = \(deadline.dueDate.description)::date", "due_at = \(deadline.dueAt)",
            "appointment_date = \(deadline.dueDate.description)::date", "accept_by = NULL", "incomplete_expires_at = NULL",
        ]
        event.data["dueDate"] = .string(deadline.dueDate.description)
    }

    /// Refuse, stop, withdraw and resolve end the handling: a wait for the citizen ends with it (the
    /// due date moves by the wait up to now), the open step closes and the finish time and the time
    /// taken are kept.
    mutating func finish() async throws {
        try endWait()
        try closeStep()
        sets.append("finished_at = \(now)")
        if let elapsed = try await elapsedTime() {
            let statutory = Double(procedure.processingTime.value)
            sets += ["elapsed = \(elapsed)", "elapsed_ratio = \(elapsed / max(statutory, 1))"]
        }
        if status != .resolved { sets += ["assignee_id = NULL", "current_step = NULL", "current_step_id = NULL"] }
    }

    /// The time taken until now in the procedure's unit, every wait for the citizen excluded; nil
    /// before the clock started.
    func elapsedTime() async throws -> Double? {
        guard let startDate = record.startDate, let receivedAt = record.receivedAt else { return nil }
        var waits: [SupplementWait] = []
        if record.supplementRequests > 0 {
            let rows = try await connection.query("""
                SELECT requested_at, supplied_at FROM supplement_requests WHERE dossier_id = \(record.id) AND phase = 'processing'
                """)
            waits = try rows.map { SupplementWait(from: try $0.decode(Date.self, at: 0), until: try $0.decode(Date?.self, at: 1) ?? now) }
        }
        return clock.elapsed(unit: procedure.processingTime.unit, startDate: startDate, receivedAt: receivedAt, end: now, waits: waits)
    }

    /// Form 02: every item must name a component of the procedure. At intake the clock has not
    /// started; during processing it pauses until the supplement arrives.
    mutating func requestSupplement(_ items: [DossierCommand.SupplementItem]) async throws {
        let problems = Paperwork.supplementRequestProblems(items: items.map { ($0.documentCode, $0.note) }, of: procedure)
        guard problems.isEmpty else { throw StoreError.invalidFields(problems) }
        let atIntake = record.status == .submitted
        do {
            _ = try await connection.execute("""
                INSERT INTO supplement_requests (dossier_id, handling_unit, phase, requested_at, requested_by, reason, items)
                VALUES (\(record.id), \(record.handlingUnit), \(atIntake ? "intake" : "processing"), \(now), \(principal.userID),
                        \(event.reason ?? ""), \(PostgresJSON(items))::jsonb)
                """)
        } catch let error as PostgresError where error.code == .uniqueViolation {
            throw StoreError.conflict(code: "supplement-limit", detail: "Supplementary documents may be requested only once per dossier and handling unit.")
        }
        sets.append("supplement_requests = supplement_requests + 1")
        if atIntake {
            let expiry = clock.onlineIncompleteExpiry(submittedOrRequestedAt: now, workingDays: onlineIncompleteWorkingDays)
            sets += ["incomplete_expires_at = \(expiry.dueAt)", "accept_by = NULL"]
        } else {
            sets.append("supplement_pending_at = \(now)")
            if let step = openStep {
                try connection.enqueue("UPDATE dossier_steps SET paused_at = \(now), deadline_before_pause = deadline WHERE id = \(step.id)")
            }
        }
        event.data["items"] = .objects(items.map { ["documentCode": $0.documentCode, "note": $0.note] })
    }

    /// The supplement arrived: documents are merged in; during processing the clock resumes and the due
    /// date (and the open step's deadline) move forward by the working time spent waiting.
    mutating func supplement(_ documents: [FiledDocument]) throws {
        let problems = Paperwork.documentProblems(codes: documents.map(\.code), of: procedure)
        guard problems.isEmpty else { throw StoreError.invalidFields(problems) }
        let merged = Paperwork.merge(record.documents, supplied: documents, code: \.code)
        sets += ["documents = \(PostgresJSON(merged))::jsonb", "digitized = \(merged.contains { $0.digitized })"]
        try connection.enqueue("""
            UPDATE supplement_requests SET supplied_at = \(now)
            WHERE dossier_id = \(record.id) AND handling_unit = \(record.handlingUnit) AND supplied_at IS NULL
            """)
        try endWait()
    }

    /// The wait for the citizen is over (the supplement arrived, or the dossier is withdrawn or
    /// stopped while waiting): the due date and the open step's deadline move forward by the wait,
    /// and the step resumes. Nothing happens outside a wait during processing.
    mutating func endWait() throws {
        guard record.status == .supplementRequested, let pausedAt = record.supplementPendingAt, let dueDate = record.dueDate else { return }
        let wait = SupplementWait(from: pausedAt, until: now)
        let deadline = Deadline(dueDate: dueDate, dueAt: record.dueAt ?? clock.calendar.closingInstant(on: dueDate))
        let resumed = clock.resumed(deadline, unit: procedure.processingTime.unit, after: wait)
        let appointment = max(record.appointmentDate ?? resumed.dueDate, resumed.dueDate)
        sets += [
            "due_date = \(resumed.dueDate.description)::date", "due_at = \(resumed.dueAt)",
            "appointment_date = \(appointment.description)::date", "supplement_pending_at = NULL",
        ]
        if let step = openStep {
            let stepDeadline = clock.resumedStepDeadline(step.deadline, after: wait)
            try connection.enqueue("UPDATE dossier_steps SET deadline = \(stepDeadline), resumed_at = \(now) WHERE id = \(step.id)")
            openStep?.deadline = stepDeadline
        }
        event.data["dueDate"] = .string(resumed.dueDate.description)
    }

    /// Opens a control-slip step for an active officer of the handling unit (one statement: the
    /// officer is looked up by the insert itself, which inserts nothing for anyone else).
    mutating func openStep(_ step: ProcedureDefinition.Step, assignee username: String) async throws {
        let deadline = clock.stepDeadline(from: now, workingHours: step.durationHours)
        let rows = try await connection.query("""
            INSERT INTO dossier_steps (dossier_id, step_code, step_name, handling_unit, assignee_id, assigned_by, opened_at, deadline)
            SELECT \(record.id), \(step.code), \(step.name), \(record.handlingUnit), u.id, \(principal.userID), \(now), \(deadline)
            FROM users u WHERE u.username = \(username) AND u.unit_code = \(record.handlingUnit) AND u.active
            RETURNING id, assignee_id
            """)
        guard let row = rows.first else {
            throw StoreError.invalid(field: "assignee", reason: "\(username) is not an active officer of \(record.handlingUnit)")
        }
        let (stepID, assigneeID) = try row.decode((Int64, Int64).self)
        sets += ["assignee_id = \(assigneeID)", "current_step = \(step.code)", "current_step_id = \(stepID)"]
        event.step = step.code
        event.stepDeadline = deadline
        event.data["assignee"] = .string(username)
    }

    /// Closes the open step, recording whether it finished early, on time or late.
    mutating func closeStep() throws {
        guard let step = openStep else { return }
        let timeliness = StepTimeliness.of(deadline: step.deadline, completedAt: now)
        try connection.enqueue("""
            UPDATE dossier_steps SET closed_at = \(now), closed_by = \(principal.userID), timeliness = \(timeliness.rawValue)
            WHERE id = \(step.id)
            """)
        event.data["closedStep"] = .string(step.code)
        event.timeliness = timeliness
        if event.step == nil { event.step = step.code }
    }

    mutating func payment(kind: String, amount: Int64, channel: String?, description: String?) throws {
        try connection.enqueue("""
            INSERT INTO dossier_payments (dossier_id, kind, amount, channel, description, at, recorded_by)
            VALUES (\(record.id), \(kind), \(amount), \(channel), \(description), \(now), \(principal.userID))
            """)
        event.data["amount"] = .int(amount)
        if let channel { event.data["channel"] = .string(channel) }
    }

    /// Form 04: once, at least one working day before the due date, to a later working day.
    mutating func apologize(_ newDate: LocalDate) throws {
        guard let dueDate = record.dueDate else {
            throw StoreError.invalidTransition(detail: "The clock has not started.", status: record.status.rawValue)
        }
        if let refusal = clock.checkApology(now: now, dueDate: dueDate, newDate: newDate, alreadyApologized: record.apologized) {
            throw StoreError(refusal.dossierRefusal)
        }
        sets += ["appointment_date = \(newDate.description)::date", "apologized = true"]
        event.data["newAppointmentDate"] = .string(newDate.description)
        event.data["dueDate"] = .string(dueDate.description)
    }
}
