// The model types are the generated ones; re-exporting their module makes their members visible to
// callers that import only MotCuaClient.
@_exported import MotCuaAPI

// The model types the client returns and takes, named as in `openapi.yaml`. They are the generated
// `Components.Schemas` types, so every field documented in the contract is available, and they are
// `Codable`, `Hashable` and `Sendable`.

/// A user (officer or integration account).
public typealias User = Components.Schemas.User
/// A new user, with the initial password.
public typealias UserInput = Components.Schemas.UserInput
/// An access role.
public typealias Role = Components.Schemas.Role
/// A commune or province.
public typealias Unit = Components.Schemas.Unit
/// A new unit.
public typealias UnitInput = Components.Schemas.UnitInput
/// A token and the user it belongs to, from `auth.login`.
public typealias TokenResponse = Components.Schemas.TokenResponse
/// What `users.update` changes.
public typealias UserPatch = Components.Schemas.UserPatch
/// One password login in the audit.
public typealias LoginAttempt = Components.Schemas.LoginAttempt
/// `succeeded` or `failed`.
public typealias LoginOutcome = Components.Schemas.LoginOutcome

/// One version of a procedure of the catalog.
public typealias Procedure = Components.Schemas.Procedure
/// The body of `procedures.put`: a new version of a procedure.
public typealias ProcedureInput = Components.Schemas.ProcedureInput
/// A statutory processing time.
public typealias ProcessingTime = Components.Schemas.ProcessingTime
/// Working days, calendar days or working hours.
public typealias TimeUnit = Components.Schemas.TimeUnit

/// A dossier as the server returns it.
public typealias Dossier = Components.Schemas.Dossier
/// The body of `dossiers.submit`.
public typealias DossierInput = Components.Schemas.DossierInput
/// The applicant of a dossier.
public typealias Applicant = Components.Schemas.Applicant
/// A document filed with a dossier.
public typealias FiledDocument = Components.Schemas.FiledDocument
/// One of the ten national dossier statuses.
public typealias DossierStatus = Components.Schemas.DossierStatus
/// Counter, online or post.
public typealias Channel = Components.Schemas.Channel
/// Early, on time, late, within deadline or overdue.
public typealias Timeliness = Components.Schemas.Timeliness
/// A dashboard's figures: dossiers per status, overdue and due soon.
public typealias DossierCounts = Components.Schemas.DossierCounts
/// An action the caller may perform on a dossier (`Dossier.allowedActions`).
public typealias DossierActionName = Components.Schemas.DossierActionName
/// An official form of a dossier: receipt, supplement request, refusal, apology, control slip.
public typealias DossierForm = Components.Schemas.DossierForm
/// One event of a dossier's history (control slip).
public typealias HistoryEvent = Components.Schemas.HistoryEvent
/// A missing or wrong document named in a supplement request.
public typealias SupplementItem = Components.Schemas.SupplementItem
/// How a fee was paid.
public typealias PaymentChannel = Components.Schemas.PaymentInput.ChannelPayload

/// The citizen's view of a dossier, without personal data.
public typealias PublicDossier = Components.Schemas.PublicDossier
/// A citizen's rating: nine scores and an overall satisfaction.
public typealias RatingInput = Components.Schemas.RatingInput
/// The nine indicator scores, 0-2 each.
public typealias RatingScores = Components.Schemas.RatingScores
/// A stored rating.
public typealias Rating = Components.Schemas.Rating

/// The special days of a year.
public typealias CalendarYear = Components.Schemas.CalendarYear
/// One special day.
public typealias CalendarDay = Components.Schemas.CalendarDay
/// Holiday, compensatory day off, swapped day off or make-up working day.
public typealias DayType = Components.Schemas.DayType
/// A due date computed by the server.
public typealias Deadline = Components.Schemas.Deadline

/// One change of one dossier from the feed or a webhook.
public typealias Event = Components.Schemas.Event
/// `dossier.` and the action or system event.
public typealias EventType = Components.Schemas.EventType
/// A page of the change feed.
public typealias EventPage = Components.Schemas.EventPage
/// The dossier as the national portal synchronises it.
public typealias PortalDossier = Components.Schemas.PortalDossier
/// A registered webhook with its delivery counts.
public typealias Webhook = Components.Schemas.Webhook
/// The body of `webhooks.create`.
public typealias WebhookInput = Components.Schemas.WebhookInput
/// A new webhook and its signing secret (`value1` and `value2.secret`).
public typealias WebhookCreated = Components.Schemas.WebhookCreated
/// One event for one webhook: pending, delivered or dead.
public typealias WebhookDelivery = Components.Schemas.WebhookDelivery
/// Pending, delivered or dead.
public typealias DeliveryState = Components.Schemas.DeliveryState
/// An integration account's API key as listed.
public typealias APIKey = Components.Schemas.APIKey
/// A new API key (`value1`) and the key itself (`value2.key`).
public typealias APIKeyCreated = Components.Schemas.APIKeyCreated
