import Foundation
import MotCuaAPI

/// The citizen's view of a dossier, without personal data.
public struct PublicDossier: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.PublicDossier

    init(schema: Components.Schemas.PublicDossier) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var code: String { schema.code }
    public var status: DossierStatus { DossierStatus(schema.status) }

    /// The national status code (1-10) of `status`.
    public var statusCode: Int { schema.statusCode }

    public var procedureName: String { schema.procedureName }

    /// Masked, e.g. `N*** T** Á**`.
    public var applicantName: String { schema.applicantName }

    public var receivedAt: Date? { schema.receivedAt }

    /// The legal due date.
    public var dueDate: String? { schema.dueDate }

    /// The date promised to the citizen.
    public var appointmentDate: String? { schema.appointmentDate }

    public var finishedAt: Date? { schema.finishedAt }
    public var timeliness: Timeliness? { schema.timeliness.map(Timeliness.init) }
}

/// A citizen's rating: nine scores and an overall satisfaction.
public struct RatingInput: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.RatingInput

    init(schema: Components.Schemas.RatingInput) { self.schema = schema }

    public init(
        scores: RatingScores,
        satisfaction: Satisfaction,
        comment: String? = nil
    ) {
        schema = .init(scores: scores.schema, satisfaction: satisfaction.schema, comment: comment)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var scores: RatingScores {
        get { RatingScores(schema: schema.scores) }
        set { schema.scores = newValue.schema }
    }

    public var satisfaction: Satisfaction {
        get { Satisfaction(schema.satisfaction) }
        set { schema.satisfaction = newValue.schema }
    }

    public var comment: String? {
        get { schema.comment }
        set { schema.comment = newValue }
    }
}

/// The nine indicator scores, 0-2 each.
public struct RatingScores: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.RatingScores

    init(schema: Components.Schemas.RatingScores) { self.schema = schema }

    public init(
        i1: Int,
        i2: Int,
        i3: Int,
        i4: Int,
        i5: Int,
        i6: Int,
        i7: Int,
        i8: Int,
        i9: Int
    ) {
        schema = .init(i1: i1, i2: i2, i3: i3, i4: i4, i5: i5, i6: i6, i7: i7, i8: i8, i9: i9)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Total time against the legal limit, 0-2.
    public var i1: Int {
        get { schema.i1 }
        set { schema.i1 = newValue }
    }

    /// Time taken by each unit that handled it, 0-2.
    public var i2: Int {
        get { schema.i2 }
        set { schema.i2 = newValue }
    }

    /// How often the applicant had to come back, 0-2.
    public var i3: Int {
        get { schema.i3 }
        set { schema.i3 = newValue }
    }

    /// How many agencies the applicant had to contact, 0-2.
    public var i4: Int {
        get { schema.i4 }
        set { schema.i4 = newValue }
    }

    /// Handled through the one-stop desk, 0-2.
    public var i5: Int {
        get { schema.i5 }
        set { schema.i5 = newValue }
    }

    /// The procedure was published, 0-2.
    public var i6: Int {
        get { schema.i6 }
        set { schema.i6 = newValue }
    }

    /// The officers' attitude, 0-2.
    public var i7: Int {
        get { schema.i7 }
        set { schema.i7 = newValue }
    }

    /// Feedback and complaints were handled, 0-2.
    public var i8: Int {
        get { schema.i8 }
        set { schema.i8 = newValue }
    }

    /// The online service worked, 0-2.
    public var i9: Int {
        get { schema.i9 }
        set { schema.i9 = newValue }
    }
}

/// A stored rating.
public struct Rating: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Rating

    init(schema: Components.Schemas.Rating) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var code: String { schema.code }
    public var scores: RatingScores { RatingScores(schema: schema.scores) }

    /// The sum of the nine scores, out of 18.
    public var total: Int { schema.total }

    public var band: RatingBand { RatingBand(schema.band) }
    public var satisfaction: Satisfaction { Satisfaction(schema.satisfaction) }
    public var comment: String? { schema.comment }
    public var createdAt: Date { schema.createdAt }
}

/// The band of a rating's total: excellent, good, fair, average or weak.
public enum RatingBand: String, Codable, Hashable, Sendable, CaseIterable {
    case excellent = "excellent"
    case good = "good"
    case fair = "fair"
    case average = "average"
    case weak = "weak"
}

/// The citizen's overall satisfaction.
public enum Satisfaction: String, Codable, Hashable, Sendable, CaseIterable {
    case verySatisfied = "very_satisfied"
    case satisfied = "satisfied"
    case dissatisfied = "dissatisfied"
}

extension RatingBand {
    init(_ schema: Components.Schemas.RatingBand) {
        self = switch schema {
        case .average: .average
        case .excellent: .excellent
        case .fair: .fair
        case .good: .good
        case .weak: .weak
        }
    }
}

extension Satisfaction {
    init(_ schema: Components.Schemas.Satisfaction) {
        self = switch schema {
        case .dissatisfied: .dissatisfied
        case .satisfied: .satisfied
        case .verySatisfied: .verySatisfied
        }
    }

    var schema: Components.Schemas.Satisfaction {
        switch self {
        case .dissatisfied: .dissatisfied
        case .satisfied: .satisfied
        case .verySatisfied: .verySatisfied
        }
    }
}
