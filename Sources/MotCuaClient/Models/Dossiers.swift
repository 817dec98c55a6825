import Foundation
import MotCuaAPI
import OpenAPIRuntime

/// A dossier as the server returns it.
public struct Dossier: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Dossier

    init(schema: Components.Schemas.Dossier) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// `{receiving agency}-{yyMMdd}-{seq}`, given when the dossier is filed (for online dossiers, the submission date)
    /// and never changed or reused.
    public var code: String { schema.code }

    public var procedure: ProcedureRef { ProcedureRef(schema: schema.procedure) }
    public var receivingUnit: String { schema.receivingUnit }
    public var handlingUnit: String { schema.handlingUnit }
    public var channel: Channel { Channel(schema.channel) }
    public var status: DossierStatus { DossierStatus(schema.status) }

    /// The national status code (1-10) of `status`.
    public var statusCode: Int { schema.statusCode }

    public var applicant: Applicant { Applicant(schema: schema.applicant) }
    public var documents: [FiledDocument] { schema.documents.map(FiledDocument.init(schema:)) }
    public var note: String? { schema.note }

    /// Online filing time.
    public var submittedAt: Date? { schema.submittedAt }

    /// Acceptance time (the clock starts from it).
    public var receivedAt: Date? { schema.receivedAt }

    /// The working day the clock starts: the acceptance day, or the next working day after the cut-off time.
    public var startDate: String? { schema.startDate }

    /// The legal due date (moved only by supplement waits).
    public var dueDate: String? { schema.dueDate }

    /// The date promised to the citizen (the apology's new date, else the due date).
    public var appointmentDate: String? { schema.appointmentDate }

    /// For online dossiers not yet accepted: accept or ask for completion before this.
    public var acceptBy: Date? { schema.acceptBy }

    /// Username currently holding the dossier.
    public var assignee: String? { schema.assignee }

    public var currentStep: CurrentStep? { schema.currentStep.map(CurrentStep.init(schema:)) }

    /// How many supplement requests (Form 02) were sent; more than one per handling unit breaks the once-only rule.
    public var supplementRequests: Int { schema.supplementRequests }

    /// An apology letter (Form 04) with a new appointment date was issued.
    public var apologized: Bool { schema.apologized }

    /// When handling ended (result ready, refused, stopped or withdrawn).
    public var finishedAt: Date? { schema.finishedAt }

    public var timeliness: Timeliness? { schema.timeliness.map(Timeliness.init) }
    public var fees: Fees { Fees(schema: schema.fees) }

    /// Printed on the receipt; lets the citizen track and rate the dossier on the page `/tra-cuu` or at
    /// `/v1/public/dossiers/{code}`.
    public var lookupKey: String { schema.lookupKey }

    public var externalReference: String? { schema.externalReference }

    /// The actions the caller may perform on the dossier now (`POST /v1/dossiers/{code}/{action}`),
    /// as the state machine and the caller's roles decide them; a UI shows these buttons. A reason,
    /// where one is needed, is assumed given; the timing of an apology is checked when it is sent.
    /// Present on every answer except an intake replayed for an `Idempotency-Key` first used
    /// before this field existed.
    public var allowedActions: [DossierActionName]? { schema.allowedActions?.map(DossierActionName.init) }

    /// Increments with every change; the ETag.
    public var version: Int { schema.version }

    public var createdAt: Date { schema.createdAt }

    /// The last change; the version moves with it.
    public var updatedAt: Date { schema.updatedAt }
}

/// The body of `dossiers.submit`.
public struct DossierInput: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.DossierInput

    init(schema: Components.Schemas.DossierInput) { self.schema = schema }

    public init(
        procedureCode: String,
        receivingUnit: String,
        handlingUnit: String? = nil,
        channel: Channel,
        applicant: Applicant,
        documents: [FiledDocument],
        note: String? = nil,
        externalReference: String? = nil
    ) {
        schema = .init(
            procedureCode: procedureCode,
            receivingUnit: receivingUnit,
            handlingUnit: handlingUnit,
            channel: channel.schema,
            applicant: applicant.schema,
            documents: documents.map(\.schema),
            note: note,
            externalReference: externalReference
        )
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var procedureCode: String {
        get { schema.procedureCode }
        set { schema.procedureCode = newValue }
    }

    public var receivingUnit: String {
        get { schema.receivingUnit }
        set { schema.receivingUnit = newValue }
    }

    public var handlingUnit: String? {
        get { schema.handlingUnit }
        set { schema.handlingUnit = newValue }
    }

    public var channel: Channel {
        get { Channel(schema.channel) }
        set { schema.channel = newValue.schema }
    }

    public var applicant: Applicant {
        get { Applicant(schema: schema.applicant) }
        set { schema.applicant = newValue.schema }
    }

    public var documents: [FiledDocument] {
        get { schema.documents.map(FiledDocument.init(schema:)) }
        set { schema.documents = newValue.map(\.schema) }
    }

    /// A note for the officers.
    public var note: String? {
        get { schema.note }
        set { schema.note = newValue }
    }

    public var externalReference: String? {
        get { schema.externalReference }
        set { schema.externalReference = newValue }
    }
}

/// The applicant of a dossier.
public struct Applicant: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Applicant

    init(schema: Components.Schemas.Applicant) { self.schema = schema }

    public init(
        fullName: String,
        idNumber: String,
        phone: String? = nil,
        email: String? = nil,
        address: String? = nil
    ) {
        schema = .init(fullName: fullName, idNumber: idNumber, phone: phone, email: email, address: address)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var fullName: String {
        get { schema.fullName }
        set { schema.fullName = newValue }
    }

    /// Citizen ID (CCCD) or passport number.
    public var idNumber: String {
        get { schema.idNumber }
        set { schema.idNumber = newValue }
    }

    public var phone: String? {
        get { schema.phone }
        set { schema.phone = newValue }
    }

    public var email: String? {
        get { schema.email }
        set { schema.email = newValue }
    }

    public var address: String? {
        get { schema.address }
        set { schema.address = newValue }
    }
}

/// A document filed with a dossier.
public struct FiledDocument: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.FiledDocument

    init(schema: Components.Schemas.FiledDocument) { self.schema = schema }

    public init(
        code: String,
        name: String,
        digitized: Bool? = nil
    ) {
        schema = .init(code: code, name: name, digitized: digitized)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// A document component code of the procedure.
    public var code: String {
        get { schema.code }
        set { schema.code = newValue }
    }

    /// The name of the document as filed.
    public var name: String {
        get { schema.name }
        set { schema.name = newValue }
    }

    /// An electronic copy is stored (counts toward the 766 digitisation rate).
    public var digitized: Bool? {
        get { schema.digitized }
        set { schema.digitized = newValue }
    }
}

/// One of the ten national dossier statuses.
public enum DossierStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case submitted = "submitted"
    case received = "received"
    case refused = "refused"
    case inProgress = "in_progress"
    case supplementRequested = "supplement_requested"
    case awaitingPayment = "awaiting_payment"
    case withdrawn = "withdrawn"
    case stopped = "stopped"
    case resolved = "resolved"
    case returned = "returned"
}

/// Counter, online or post.
public enum Channel: String, Codable, Hashable, Sendable, CaseIterable {
    case counter = "counter"
    case online = "online"
    case post = "post"
}

/// Early, on time, late, within deadline or overdue.
public enum Timeliness: String, Codable, Hashable, Sendable, CaseIterable {
    case early = "early"
    case onTime = "on_time"
    case late = "late"
    case withinDeadline = "within_deadline"
    case overdue = "overdue"
}

/// The procedure version a dossier was filed under.
public struct ProcedureRef: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.ProcedureRef

    init(schema: Components.Schemas.ProcedureRef) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var code: String { schema.code }
    public var name: String { schema.name }

    /// The version the dossier was filed under, whose rules it follows.
    public var version: Int { schema.version }
}

/// The step of the procedure a dossier is at, its assignee and its deadline.
public struct CurrentStep: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.CurrentStep

    init(schema: Components.Schemas.CurrentStep) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var code: String { schema.code }
    public var name: String { schema.name }

    /// Username holding the dossier.
    public var assignee: String { schema.assignee }

    /// When the dossier was handed over to the assignee.
    public var openedAt: Date { schema.openedAt }

    /// The step's deadline; when a supplement wait ends it moves forward by the office time waited.
    public var deadline: Date { schema.deadline }

    /// Present while the dossier waits for the citizen's supplement; the step is then paused (neither due nor overdue).
    public var pausedAt: Date? { schema.pausedAt }
}

/// The fees of a dossier: requested, paid and each payment.
public struct Fees: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Fees

    init(schema: Components.Schemas.Fees) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// VND asked for so far.
    public var requested: Int64 { schema.requested }

    /// VND received so far.
    public var paid: Int64 { schema.paid }

    /// Each payment, oldest first.
    public var payments: [Payment] { schema.payments.map(Payment.init(schema:)) }
}

/// One payment of a fee.
public struct Payment: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Payment

    init(schema: Components.Schemas.Payment) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var amount: Int64 { schema.amount }
    public var channel: PaymentChannel { PaymentChannel(schema.channel) }

    /// When the payment was recorded.
    public var at: Date { schema.at }
}

/// How a fee was paid.
public enum PaymentChannel: String, Codable, Hashable, Sendable, CaseIterable {
    case portal = "portal"
    case gateway = "gateway"
    case cash = "cash"
}

/// An action the caller may perform on a dossier (`Dossier.allowedActions`).
public enum DossierActionName: String, Codable, Hashable, Sendable, CaseIterable {
    case accept = "accept"
    case refuse = "refuse"
    case requestSupplement = "request-supplement"
    case supplement = "supplement"
    case assign = "assign"
    case forward = "forward"
    case requestPayment = "request-payment"
    case pay = "pay"
    case resolve = "resolve"
    case stop = "stop"
    case `return` = "return"
    case withdraw = "withdraw"
    case apologize = "apologize"
}

/// A dashboard's figures: dossiers per status, overdue and due soon.
public struct DossierCounts: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.DossierCounts

    init(schema: Components.Schemas.DossierCounts) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var unit: String? { schema.unit }

    /// The instant open dossiers are judged at.
    public var asOf: Date { schema.asOf }

    /// Every dossier counted, in any status.
    public var total: Int { schema.total }

    /// Not finished: submitted, received, in progress, waiting for a supplement or a payment.
    public var open: Int { schema.open }

    /// Every status, 0 included.
    public var byStatus: [DossierStatus: Int] { DossierStatus.keyed(schema.byStatus.additionalProperties) }

    /// Open and past the due date (a waiting dossier as of the start of its wait).
    public var overdue: Int { schema.overdue }

    /// Clock running (not waiting for the citizen: that due date moves when the wait ends), not overdue, and due by the
    /// next working day.
    public var dueSoon: Int { schema.dueSoon }
}

/// An official form of a dossier: receipt, supplement request, refusal, apology, control slip.
public enum DossierForm: String, Codable, Hashable, Sendable, CaseIterable {
    case receipt = "receipt"
    case supplementRequest = "supplement-request"
    case refusal = "refusal"
    case apology = "apology"
    case controlSlip = "control-slip"
}

/// One event of a dossier's history (control slip).
public struct HistoryEvent: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.HistoryEvent

    init(schema: Components.Schemas.HistoryEvent) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var at: Date { schema.at }

    /// The action (`intake`, `accept`, `assign`, `forward`, `resolve`, ...) or a system event
    /// (`accept-deadline-breached`, `due-soon`, `closed-incomplete`).
    public var type: String { schema._type }

    public var fromStatus: DossierStatus? { schema.fromStatus.map(DossierStatus.init) }
    public var toStatus: DossierStatus? { schema.toStatus.map(DossierStatus.init) }

    /// Username; absent for system events.
    public var actor: String? { schema.actor }

    /// The control-slip step opened or closed.
    public var step: String? { schema.step }

    /// The deadline of the step opened by this handover.
    public var stepDeadline: Date? { schema.stepDeadline }

    /// How the closed step finished against its deadline.
    public var timeliness: StepTimeliness? { schema.timeliness.map(StepTimeliness.init) }

    /// The reason given (refusal, supplement request, stop, withdrawal, apology), or the note of a handover or result.
    public var reason: String? { schema.reason }

    /// Action details (assignee, items asked for, amounts, dates).
    public var data: [String: JSONValue] { schema.data.additionalProperties.value.mapValues(JSONValue.init) }
}

/// Whether a step was handed over early, on time or late.
public enum StepTimeliness: String, Codable, Hashable, Sendable, CaseIterable {
    case early = "early"
    case onTime = "on_time"
    case late = "late"
}

/// A missing or wrong document named in a supplement request.
public struct SupplementItem: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.SupplementItem

    init(schema: Components.Schemas.SupplementItem) { self.schema = schema }

    public init(
        documentCode: String,
        note: String
    ) {
        schema = .init(documentCode: documentCode, note: note)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// A document component of the dossier's procedure version.
    public var documentCode: String {
        get { schema.documentCode }
        set { schema.documentCode = newValue }
    }

    /// What exactly is missing or wrong.
    public var note: String {
        get { schema.note }
        set { schema.note = newValue }
    }
}

extension DossierStatus {
    init(_ schema: Components.Schemas.DossierStatus) {
        self = switch schema {
        case .awaitingPayment: .awaitingPayment
        case .inProgress: .inProgress
        case .received: .received
        case .refused: .refused
        case .resolved: .resolved
        case .returned: .returned
        case .stopped: .stopped
        case .submitted: .submitted
        case .supplementRequested: .supplementRequested
        case .withdrawn: .withdrawn
        }
    }

    var schema: Components.Schemas.DossierStatus {
        switch self {
        case .awaitingPayment: .awaitingPayment
        case .inProgress: .inProgress
        case .received: .received
        case .refused: .refused
        case .resolved: .resolved
        case .returned: .returned
        case .stopped: .stopped
        case .submitted: .submitted
        case .supplementRequested: .supplementRequested
        case .withdrawn: .withdrawn
        }
    }
}

extension Channel {
    init(_ schema: Components.Schemas.Channel) {
        self = switch schema {
        case .counter: .counter
        case .online: .online
        case .post: .post
        }
    }

    var schema: Components.Schemas.Channel {
        switch self {
        case .counter: .counter
        case .online: .online
        case .post: .post
        }
    }
}

extension Timeliness {
    init(_ schema: Components.Schemas.Timeliness) {
        self = switch schema {
        case .early: .early
        case .late: .late
        case .onTime: .onTime
        case .overdue: .overdue
        case .withinDeadline: .withinDeadline
        }
    }
}

extension PaymentChannel {
    init(_ schema: Components.Schemas.PaymentChannel) {
        self = switch schema {
        case .cash: .cash
        case .gateway: .gateway
        case .portal: .portal
        }
    }

    var schema: Components.Schemas.PaymentChannel {
        switch self {
        case .cash: .cash
        case .gateway: .gateway
        case .portal: .portal
        }
    }
}

extension DossierActionName {
    init(_ schema: Components.Schemas.DossierActionName) {
        self = switch schema {
        case .accept: .accept
        case .apologize: .apologize
        case .assign: .assign
        case .forward: .forward
        case .pay: .pay
        case .refuse: .refuse
        case .requestPayment: .requestPayment
        case .requestSupplement: .requestSupplement
        case .resolve: .resolve
        case ._return: .`return`
        case .stop: .stop
        case .supplement: .supplement
        case .withdraw: .withdraw
        }
    }
}

extension DossierForm {
    var schema: Components.Schemas.DossierForm {
        switch self {
        case .apology: .apology
        case .controlSlip: .controlSlip
        case .receipt: .receipt
        case .refusal: .refusal
        case .supplementRequest: .supplementRequest
        }
    }
}

extension StepTimeliness {
    init(_ schema: Components.Schemas.HistoryEvent.TimelinessPayload) {
        self = switch schema {
        case .early: .early
        case .late: .late
        case .onTime: .onTime
        }
    }
}
