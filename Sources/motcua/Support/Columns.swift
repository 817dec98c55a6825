import Foundation
import MotCuaClient

/// The columns each kind of result is printed with in table and CSV output.
enum Columns {
    static let user: [Column<User>] = [
        Column("username") { $0.username },
        Column("fullName") { $0.fullName },
        Column("unit") { $0.unitCode },
        Column("roles") { $0.roles.map(\.rawValue).joined(separator: " ") },
        Column("active") { String($0.active) },
    ]

    static let loginAttempt: [Column<LoginAttempt>] = [
        Column("at") { Output.timestamp($0.at) },
        Column("username") { $0.username },
        Column("outcome") { $0.outcome.rawValue },
        Column("clientAddress") { $0.clientAddress ?? "" },
        Column("userAgent") { $0.userAgent ?? "" },
    ]

    static let webhook: [Column<Webhook>] = [
        Column("id") { String($0.id) },
        Column("url") { $0.url },
        Column("eventTypes") { $0.eventTypes.isEmpty ? "all" : $0.eventTypes.map(\.rawValue).joined(separator: " ") },
        Column("pending") { String($0.pending) },
        Column("delivered") { String($0.delivered) },
        Column("dead") { String($0.dead) },
        Column("description") { $0.description ?? "" },
    ]

    static let delivery: [Column<WebhookDelivery>] = [
        Column("id") { String($0.id) },
        Column("eventId") { String($0.eventId) },
        Column("eventType") { $0.eventType.rawValue },
        Column("dossierCode") { $0.dossierCode },
        Column("state") { $0.state.rawValue },
        Column("attempts") { String($0.attempts) },
        Column("nextAttemptAt") { Output.timestamp($0.nextAttemptAt) },
        Column("lastStatus") { $0.lastStatus.map(String.init) ?? "" },
        Column("lastError") { $0.lastError ?? "" },
    ]

    static let dossierList: [Column<Dossier>] = [
        Column("code") { $0.code },
        Column("status") { $0.status.rawValue },
        Column("procedure") { $0.procedure.code },
        Column("applicant") { $0.applicant.fullName },
        Column("receivingUnit") { $0.receivingUnit },
        Column("dueDate") { $0.dueDate ?? "" },
        Column("assignee") { $0.assignee ?? "" },
        Column("timeliness") { $0.timeliness?.rawValue ?? "" },
    ]

    static let dossier: [Column<Dossier>] = [
        Column("code") { $0.code },
        Column("status") { "\($0.status.rawValue) (\($0.statusCode))" },
        Column("procedure") { "\($0.procedure.code) v\($0.procedure.version) \($0.procedure.name)" },
        Column("channel") { $0.channel.rawValue },
        Column("receivingUnit") { $0.receivingUnit },
        Column("handlingUnit") { $0.handlingUnit },
        Column("applicant") { "\($0.applicant.fullName) (\($0.applicant.idNumber))" },
        Column("documents") { $0.documents.map(\.code).joined(separator: " ") },
        Column("submittedAt") { Output.timestamp($0.submittedAt) },
        Column("receivedAt") { Output.timestamp($0.receivedAt) },
        Column("acceptBy") { Output.timestamp($0.acceptBy) },
        Column("dueDate") { $0.dueDate ?? "" },
        Column("appointmentDate") { $0.appointmentDate ?? "" },
        Column("assignee") { $0.assignee ?? "" },
        Column("currentStep") { $0.currentStep.map { "\($0.code) until \(Output.timestamp($0.deadline))" } ?? "" },
        Column("supplementRequests") { String($0.supplementRequests) },
        Column("apologized") { String($0.apologized) },
        Column("fees") { "requested \($0.fees.requested), paid \($0.fees.paid)" },
        Column("timeliness") { $0.timeliness?.rawValue ?? "" },
        Column("finishedAt") { Output.timestamp($0.finishedAt) },
        Column("lookupKey") { $0.lookupKey },
        Column("externalReference") { $0.externalReference ?? "" },
        Column("allowedActions") { ($0.allowedActions ?? []).map(\.rawValue).joined(separator: " ") },
        Column("version") { String($0.version) },
    ]

    static let counts: [Column<DossierCounts>] = [
        Column("total") { String($0.total) },
        Column("open") { String($0.open) },
        Column("overdue") { String($0.overdue) },
        Column("dueSoon") { String($0.dueSoon) },
    ] + DossierStatus.allCases.map { status in
        Column(status.rawValue) { String($0.byStatus[status] ?? 0) }
    }

    static let history: [Column<HistoryEvent>] = [
        Column("at") { Output.timestamp($0.at) },
        Column("type") { $0.type },
        Column("from") { $0.fromStatus?.rawValue ?? "" },
        Column("to") { $0.toStatus?.rawValue ?? "" },
        Column("actor") { $0.actor ?? "" },
        Column("step") { $0.step ?? "" },
        Column("stepDeadline") { Output.timestamp($0.stepDeadline) },
        Column("timeliness") { $0.timeliness?.rawValue ?? "" },
        Column("reason") { $0.reason ?? "" },
    ]

    static let procedureList: [Column<Procedure>] = [
        Column("code") { $0.code },
        Column("version") { String($0.version) },
        Column("name") { $0.name },
        Column("field") { $0.field },
        Column("processingTime") { "\($0.processingTime.value) \($0.processingTime.unit.rawValue)" },
        Column("fee") { String($0.fee.amount) },
        Column("online") { $0.onlineLevel.rawValue },
    ]

    static let procedure: [Column<Procedure>] = procedureList + [
        Column("cutoffTime") { $0.cutoffTime },
        Column("documents") { $0.documents.map { "\($0.code)\($0.mandatory ? "*" : "")" }.joined(separator: " ") },
        Column("steps") { $0.steps.map { "\($0.code)(\($0.role.rawValue),\($0.durationHours)h)" }.joined(separator: " ") },
        Column("legalBasis") { $0.legalBasis },
        Column("result") { $0.result },
        Column("publishedAt") { Output.timestamp($0.publishedAt) },
    ]

    static let calendarDay: [Column<CalendarDay>] = [
        Column("date") { $0.date },
        Column("type") { $0.type.rawValue },
        Column("name") { $0.name },
        Column("source") { $0.source.rawValue },
    ]

    static let deadline: [Column<Deadline>] = [
        Column("start") { Output.timestamp($0.start) },
        Column("startDate") { $0.startDate },
        Column("dueDate") { $0.dueDate },
        Column("dueAt") { Output.timestamp($0.dueAt) },
        Column("processingTime") { "\($0.processingTime.value) \($0.processingTime.unit.rawValue)" },
        Column("cutoffTime") { $0.cutoffTime },
    ]
}
