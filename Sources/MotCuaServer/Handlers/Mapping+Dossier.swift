import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore
import OpenAPIRuntime

extension Components.Schemas.Dossier {
    /// The dossier as `principal` sees it, with the actions they may perform now.
    init(_ d: DossierRecord, now: Date, for principal: Principal) {
        self.init(
            code: d.code,
            procedure: .init(code: d.procedureCode, name: d.procedureName, version: d.procedureVersion),
            receivingUnit: d.receivingUnit, handlingUnit: d.handlingUnit,
            channel: Components.Schemas.Channel(d.channel),
            status: Components.Schemas.DossierStatus(d.status), statusCode: d.status.code,
            applicant: .init(
                fullName: d.applicant.fullName, idNumber: d.applicant.idNumber, phone: d.applicant.phone,
                email: d.applicant.email, address: d.applicant.address),
            documents: d.documents.map { .init(code: $0.code, name: $0.name, digitized: $0.digitized) },
            note: d.note, submittedAt: d.submittedAt, receivedAt: d.receivedAt, startDate: d.startDate?.description,
            dueDate: d.dueDate?.description, appointmentDate: d.appointmentDate?.description,
            acceptBy: d.status == .submitted ? d.acceptBy : nil, assignee: d.assignee,
            currentStep: d.step.map {
                .init(code: $0.code, name: $0.name, assignee: $0.assignee, openedAt: $0.openedAt, deadline: $0.deadline, pausedAt: $0.pausedAt)
            },
            supplementRequests: d.supplementRequests, apologized: d.apologized, finishedAt: d.finishedAt,
            timeliness: d.timeliness(now: now).map { Components.Schemas.Timeliness($0) },
            fees: .init(
                requested: d.feeRequested, paid: d.feePaid,
                payments: d.payments.map { .init(amount: $0.amount, channel: .init(rawValue: $0.channel) ?? .cash, at: $0.at) }),
            lookupKey: d.lookupKey, externalReference: d.externalReference,
            allowedActions: d.allowedActions(for: principal).compactMap(Components.Schemas.DossierActionName.init), version: d.version, createdAt: d.createdAt, updatedAt: d.updatedAt)
    }
}

extension Components.Schemas.HistoryEvent {
    init(_ e: DossierStore.Event) throws {
        self.init(
            at: e.at, _type: e.type,
            fromStatus: e.fromStatus.map { .init($0) },
            toStatus: e.toStatus.map { .init($0) },
            actor: e.actor, step: e.step, stepDeadline: e.stepDeadline,
            timeliness: e.timeliness.flatMap { .init(rawValue: $0) }, reason: e.reason,
            data: try JSONDecoder().decode(DataPayload.self, from: Data(e.data.utf8)))
    }
}

extension DossierRecord {
    /// The ETag of this version of the dossier.
    var eTag: String { "\"\(version)\"" }
}

/// Parses an `If-Match` header (`"7"`, `W/"7"` or `7`) into a dossier version.
func dossierVersion(ifMatch: String?) throws -> Int? {
    guard var text = ifMatch?.trimmingCharacters(in: .whitespaces), !text.isEmpty, text != "*" else { return nil }
    if text.hasPrefix("W/") { text.removeFirst(2) }
    guard let version = Int(text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) else {
        throw APIError.malformed("If-Match must be the ETag of the dossier, e.g. \"3\".")
    }
    return version
}

extension Components.Schemas.DossierActionName {
    /// The endpoint of a state-machine action (a completion request at intake is `request-supplement`);
    /// nil for intake, which creates a dossier rather than acting on one.
    public init?(_ action: DossierAction) {
        switch action {
        case .accept: self = .accept
        case .refuse: self = .refuse
        case .requestCompletion, .requestSupplement: self = .requestSupplement
        case .supplement: self = .supplement
        case .assign: self = .assign
        case .forward: self = .forward
        case .requestPayment: self = .requestPayment
        case .pay: self = .pay
        case .resolve: self = .resolve
        case .stop: self = .stop
        case .return: self = ._return
        case .withdraw: self = .withdraw
        case .apologize: self = .apologize
        case .intakeCounter, .intakeOnline: return nil
        }
    }
}
