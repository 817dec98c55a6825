import Foundation
import MotCuaAPI

/// One change of one dossier from the feed or a webhook.
public struct Event: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Event

    init(schema: Components.Schemas.Event) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Stable and increasing in commit order; the feed's cursor and the deduplication key.
    public var id: Int64 { schema.id }

    public var type: EventType { EventType(schema._type) }

    /// When the change happened.
    public var occurredAt: Date { schema.occurredAt }

    public var dossierCode: String { schema.dossierCode }
    public var dossier: PortalDossier { PortalDossier(schema: schema.dossier) }
}

/// `dossier.` and the action or system event.
public enum EventType: String, Codable, Hashable, Sendable, CaseIterable {
    case intake = "dossier.intake"
    case accept = "dossier.accept"
    case refuse = "dossier.refuse"
    case requestCompletion = "dossier.request_completion"
    case requestSupplement = "dossier.request_supplement"
    case supplement = "dossier.supplement"
    case assign = "dossier.assign"
    case forward = "dossier.forward"
    case requestPayment = "dossier.request_payment"
    case pay = "dossier.pay"
    case resolve = "dossier.resolve"
    case stop = "dossier.stop"
    case `return` = "dossier.return"
    case withdraw = "dossier.withdraw"
    case apologize = "dossier.apologize"
    case rating = "dossier.rating"
    case acceptDeadlineBreached = "dossier.accept-deadline-breached"
    case closedIncomplete = "dossier.closed-incomplete"
    case dueSoon = "dossier.due-soon"
}

/// A page of the change feed.
public struct EventPage: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.EventPage

    init(schema: Components.Schemas.EventPage) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var items: [Event] { schema.items.map(Event.init(schema:)) }

    /// Pass as `after` next time: the last item's id, or `after` itself when there was none.
    public var nextAfter: Int64 { schema.nextAfter }

    /// More events are ready now (the page was full).
    public var hasMore: Bool { schema.hasMore }
}

/// The dossier as the national portal synchronises it.
public struct PortalDossier: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.PortalDossier

    init(schema: Components.Schemas.PortalDossier) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// The dossier code.
    public var code: String { schema.code }

    /// The dossier's version after the change: a receiver keeps the highest it has seen and ignores older ones (a
    /// redelivered dead letter may arrive late).
    public var version: Int { schema.version }

    public var externalReference: String? { schema.externalReference }

    /// The national status code: 1 chờ tiếp nhận, 2 đã tiếp nhận, 3 từ chối tiếp nhận, 4 đang xử lý, 5 yêu cầu bổ sung,
    /// 6 chờ thực hiện nghĩa vụ tài chính, 7 công dân rút hồ sơ, 8 dừng xử lý, 9 đã có kết quả, 10 đã trả kết quả.
    public var statusCode: Int { schema.statusCode }

    public var status: DossierStatus { DossierStatus(schema.status) }

    /// The national name of the status, in Vietnamese.
    public var statusName: String { schema.statusName }

    public var procedure: PortalDossier.ProcedureVersion { PortalDossier.ProcedureVersion(schema: schema.procedure) }
    public var receivingUnit: String { schema.receivingUnit }
    public var handlingUnit: String { schema.handlingUnit }
    public var channel: Channel { Channel(schema.channel) }

    /// Online filing time.
    public var submittedAt: Date? { schema.submittedAt }

    /// Acceptance time (the clock starts).
    public var receivedAt: Date? { schema.receivedAt }

    /// The day the clock starts.
    public var startDate: String? { schema.startDate }

    /// The legal due date (moved only by supplement waits).
    public var dueDate: String? { schema.dueDate }

    /// The due instant.
    public var dueAt: Date? { schema.dueAt }

    /// The date promised to the citizen (an apology's new date, else the due date).
    public var appointmentDate: String? { schema.appointmentDate }

    /// When handling ended (result ready, refused, stopped, withdrawn).
    public var finishedAt: Date? { schema.finishedAt }

    /// At the time of the change: early / on time / late once finished, within deadline / overdue while open.
    public var timeliness: Timeliness? { schema.timeliness.map(Timeliness.init) }

    public var applicant: PortalDossier.ApplicantIdentity { PortalDossier.ApplicantIdentity(schema: schema.applicant) }
    public var fees: PortalDossier.FeeSummary { PortalDossier.FeeSummary(schema: schema.fees) }

    /// A supplement (Form 02) was requested.
    public var supplementRequested: Bool { schema.supplementRequested }

    /// How many (more than one breaks the once-only rule).
    public var supplementRequests: Int { schema.supplementRequests }

    /// An apology letter (Form 04) with a new appointment was issued.
    public var apologized: Bool { schema.apologized }

    /// The citizen's rating, once given.
    public var rating: PortalDossier.CitizenRating? { schema.rating.map(PortalDossier.CitizenRating.init(schema:)) }

    public var updatedAt: Date { schema.updatedAt }

    /// The procedure and version the dossier was filed under.
    public struct ProcedureVersion: Codable, Hashable, Sendable, SchemaBacked {
        var schema: Components.Schemas.PortalDossier.ProcedurePayload

        init(schema: Components.Schemas.PortalDossier.ProcedurePayload) { self.schema = schema }

        public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

        public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

        public var code: String { schema.code }

        /// The catalog version the dossier was filed under.
        public var version: Int { schema.version }
    }

    /// The applicant's identity number and name.
    public struct ApplicantIdentity: Codable, Hashable, Sendable, SchemaBacked {
        var schema: Components.Schemas.PortalDossier.ApplicantPayload

        init(schema: Components.Schemas.PortalDossier.ApplicantPayload) { self.schema = schema }

        public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

        public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

        /// Citizen ID (CCCD) or passport number.
        public var idNumber: String { schema.idNumber }

        public var fullName: String { schema.fullName }
    }

    /// The fees requested and paid, and whether they were paid online.
    public struct FeeSummary: Codable, Hashable, Sendable, SchemaBacked {
        var schema: Components.Schemas.PortalDossier.FeesPayload

        init(schema: Components.Schemas.PortalDossier.FeesPayload) { self.schema = schema }

        public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

        public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

        /// VND asked for so far.
        public var requested: Int64 { schema.requested }

        /// VND received so far.
        public var paid: Int64 { schema.paid }

        /// A payment went through the portal or a payment gateway.
        public var paidOnline: Bool { schema.paidOnline }
    }

    /// The citizen's rating of the dossier.
    public struct CitizenRating: Codable, Hashable, Sendable, SchemaBacked {
        var schema: Components.Schemas.PortalDossier.RatingPayload

        init(schema: Components.Schemas.PortalDossier.RatingPayload) { self.schema = schema }

        public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

        public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

        public var total: Int { schema.total }
        public var band: RatingBand { RatingBand(schema.band) }
        public var satisfaction: Satisfaction { Satisfaction(schema.satisfaction) }
        public var source: RatingSource { RatingSource(schema.source) }
        public var ratedAt: Date { schema.ratedAt }
    }
}

/// Where a rating came from: the public lookup page or the national portal.
public enum RatingSource: String, Codable, Hashable, Sendable, CaseIterable {
    case `public` = "public"
    case portal = "portal"
}

/// A registered webhook with its delivery counts.
public struct Webhook: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Webhook

    init(schema: Components.Schemas.Webhook) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var id: Int64 { schema.id }
    public var url: String { schema.url }

    /// Empty means every type.
    public var eventTypes: [EventType] { schema.eventTypes.map(EventType.init) }

    public var description: String? { schema.description }
    public var province: String { schema.province }
    public var createdAt: Date { schema.createdAt }

    /// Deliveries waiting or being retried.
    public var pending: Int { schema.pending }

    /// Deliveries that reached the receiver.
    public var delivered: Int { schema.delivered }

    /// Deliveries given up after the last attempt.
    public var dead: Int { schema.dead }
}

/// The body of `webhooks.create`.
public struct WebhookInput: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.WebhookInput

    init(schema: Components.Schemas.WebhookInput) { self.schema = schema }

    public init(
        url: String,
        eventTypes: [EventType]? = nil,
        secret: String? = nil,
        description: String? = nil,
        startAfter: Int64? = nil
    ) {
        schema = .init(
            url: url,
            eventTypes: eventTypes?.map(\.schema),
            secret: secret,
            description: description,
            startAfter: startAfter
        )
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Where events are POSTed (`https://` in production).
    public var url: String {
        get { schema.url }
        set { schema.url = newValue }
    }

    /// The types to send; empty or absent for all.
    public var eventTypes: [EventType]? {
        get { schema.eventTypes?.map(EventType.init) }
        set { schema.eventTypes = newValue?.map(\.schema) }
    }

    /// The HMAC key; generated (43 characters) when absent.
    public var secret: String? {
        get { schema.secret }
        set { schema.secret = newValue }
    }

    public var description: String? {
        get { schema.description }
        set { schema.description = newValue }
    }

    /// Deliver the events after this id (0 for the whole feed); default: the current end of the feed.
    public var startAfter: Int64? {
        get { schema.startAfter }
        set { schema.startAfter = newValue }
    }
}

/// One event for one webhook: pending, delivered or dead.
public struct WebhookDelivery: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.WebhookDelivery

    init(schema: Components.Schemas.WebhookDelivery) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var id: Int64 { schema.id }
    public var eventId: Int64 { schema.eventId }
    public var eventType: EventType { EventType(schema.eventType) }
    public var dossierCode: String { schema.dossierCode }
    public var state: DeliveryState { DeliveryState(schema.state) }

    /// Attempts made so far.
    public var attempts: Int { schema.attempts }

    /// For a pending delivery, when it is tried next; absent while it waits for an earlier delivery of its dossier.
    public var nextAttemptAt: Date? { schema.nextAttemptAt }

    /// When the latest attempt was made.
    public var lastAttemptAt: Date? { schema.lastAttemptAt }

    /// The receiver's HTTP status at the last attempt.
    public var lastStatus: Int? { schema.lastStatus }

    /// Why the last attempt failed (status, timeout, connection refused).
    public var lastError: String? { schema.lastError }

    /// When the receiver accepted it (a 2xx answer).
    public var deliveredAt: Date? { schema.deliveredAt }

    public var createdAt: Date { schema.createdAt }
}

/// Pending, delivered or dead.
public enum DeliveryState: String, Codable, Hashable, Sendable, CaseIterable {
    case pending = "pending"
    case delivered = "delivered"
    case dead = "dead"
}

extension EventType {
    init(_ schema: Components.Schemas.EventType) {
        self = switch schema {
        case .dossier_accept: .accept
        case .dossier_acceptDeadlineBreached: .acceptDeadlineBreached
        case .dossier_apologize: .apologize
        case .dossier_assign: .assign
        case .dossier_closedIncomplete: .closedIncomplete
        case .dossier_dueSoon: .dueSoon
        case .dossier_forward: .forward
        case .dossier_intake: .intake
        case .dossier_pay: .pay
        case .dossier_rating: .rating
        case .dossier_refuse: .refuse
        case .dossier_requestCompletion: .requestCompletion
        case .dossier_requestPayment: .requestPayment
        case .dossier_requestSupplement: .requestSupplement
        case .dossier_resolve: .resolve
        case .dossier_return: .`return`
        case .dossier_stop: .stop
        case .dossier_supplement: .supplement
        case .dossier_withdraw: .withdraw
        }
    }

    var schema: Components.Schemas.EventType {
        switch self {
        case .accept: .dossier_accept
        case .acceptDeadlineBreached: .dossier_acceptDeadlineBreached
        case .apologize: .dossier_apologize
        case .assign: .dossier_assign
        case .closedIncomplete: .dossier_closedIncomplete
        case .dueSoon: .dossier_dueSoon
        case .forward: .dossier_forward
        case .intake: .dossier_intake
        case .pay: .dossier_pay
        case .rating: .dossier_rating
        case .refuse: .dossier_refuse
        case .requestCompletion: .dossier_requestCompletion
        case .requestPayment: .dossier_requestPayment
        case .requestSupplement: .dossier_requestSupplement
        case .resolve: .dossier_resolve
        case .`return`: .dossier_return
        case .stop: .dossier_stop
        case .supplement: .dossier_supplement
        case .withdraw: .dossier_withdraw
        }
    }
}

extension RatingSource {
    init(_ schema: Components.Schemas.PortalDossier.RatingPayload.SourcePayload) {
        self = switch schema {
        case .portal: .portal
        case ._public: .`public`
        }
    }
}

extension DeliveryState {
    init(_ schema: Components.Schemas.DeliveryState) {
        self = switch schema {
        case .dead: .dead
        case .delivered: .delivered
        case .pending: .pending
        }
    }

    var schema: Components.Schemas.DeliveryState {
        switch self {
        case .dead: .dead
        case .delivered: .delivered
        case .pending: .pending
        }
    }
}
