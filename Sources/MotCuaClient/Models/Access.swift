import Foundation
import MotCuaAPI

/// A user (officer or integration account).
public struct User: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.User

    init(schema: Components.Schemas.User) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Lower-case letters, digits, `.`, `_`, `-`; unique.
    public var username: String { schema.username }

    public var fullName: String { schema.fullName }
    public var unitCode: String { schema.unitCode }

    /// What the account may do (an admin holds every role but national_admin).
    public var roles: [Role] { schema.roles.map(Role.init) }

    /// False once deactivated: it cannot log in and its tokens and API keys are revoked.
    public var active: Bool { schema.active }

    public var createdAt: Date { schema.createdAt }
}

/// A new user, with the initial password.
public struct UserInput: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.UserInput

    init(schema: Components.Schemas.UserInput) { self.schema = schema }

    public init(
        username: String,
        fullName: String,
        unitCode: String,
        roles: [Role],
        password: String
    ) {
        schema = .init(
            username: username,
            fullName: fullName,
            unitCode: unitCode,
            roles: roles.map(\.schema),
            password: password
        )
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Lower-case letters, digits, `.`, `_`, `-`; 3-64 characters.
    public var username: String {
        get { schema.username }
        set { schema.username = newValue }
    }

    /// Not blank; kept without surrounding spaces.
    public var fullName: String {
        get { schema.fullName }
        set { schema.fullName = newValue }
    }

    public var unitCode: String {
        get { schema.unitCode }
        set { schema.unitCode = newValue }
    }

    public var roles: [Role] {
        get { schema.roles.map(Role.init) }
        set { schema.roles = newValue.map(\.schema) }
    }

    /// 10-72 characters and at most 72 bytes in UTF-8 (bcrypt ignores the rest): a longer one is a 422.
    public var password: String {
        get { schema.password }
        set { schema.password = newValue }
    }
}

/// What `users.update` changes.
public struct UserPatch: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.UserPatch

    init(schema: Components.Schemas.UserPatch) { self.schema = schema }

    public init(
        fullName: String? = nil,
        unitCode: String? = nil,
        roles: [Role]? = nil,
        active: Bool? = nil
    ) {
        schema = .init(fullName: fullName, unitCode: unitCode, roles: roles?.map(\.schema), active: active)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Not blank; kept without surrounding spaces.
    public var fullName: String? {
        get { schema.fullName }
        set { schema.fullName = newValue }
    }

    public var unitCode: String? {
        get { schema.unitCode }
        set { schema.unitCode = newValue }
    }

    /// The complete new list of roles (not added to the old one).
    public var roles: [Role]? {
        get { schema.roles?.map(Role.init) }
        set { schema.roles = newValue?.map(\.schema) }
    }

    /// `false` deactivates the account: it cannot log in and its tokens and API keys are revoked.
    public var active: Bool? {
        get { schema.active }
        set { schema.active = newValue }
    }
}

/// An access role.
public enum Role: String, Codable, Hashable, Sendable, CaseIterable {
    case admin = "admin"
    case nationalAdmin = "national_admin"
    case reception = "reception"
    case leader = "leader"
    case specialist = "specialist"
    case portal = "portal"
    case auditor = "auditor"
}

/// A commune or province.
public struct Unit: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.Unit

    init(schema: Components.Schemas.Unit) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var code: String { schema.code }
    public var name: String { schema.name }
    public var province: String { schema.province }
    public var kind: UnitKind { UnitKind(schema.kind) }

    /// When the unit was registered.
    public var createdAt: Date { schema.createdAt }
}

/// A new unit.
public struct UnitInput: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.UnitInput

    init(schema: Components.Schemas.UnitInput) { self.schema = schema }

    public init(
        code: String,
        name: String,
        province: String? = nil,
        kind: UnitKind
    ) {
        schema = .init(code: code, name: name, province: province, kind: kind.schema)
    }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var code: String {
        get { schema.code }
        set { schema.code = newValue }
    }

    /// Not blank; kept without surrounding spaces.
    public var name: String {
        get { schema.name }
        set { schema.name = newValue }
    }

    public var province: String? {
        get { schema.province }
        set { schema.province = newValue }
    }

    public var kind: UnitKind {
        get { UnitKind(schema.kind) }
        set { schema.kind = newValue.schema }
    }
}

/// A commune or a province.
public enum UnitKind: String, Codable, Hashable, Sendable, CaseIterable {
    case commune = "commune"
    case province = "province"
}

/// A token and the user it belongs to, from `auth.login`.
public struct TokenResponse: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.TokenResponse

    init(schema: Components.Schemas.TokenResponse) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    /// Send as `Authorization: Bearer <token>`.
    public var token: String { schema.token }

    /// When the token stops working; log in again after it.
    public var expiresAt: Date { schema.expiresAt }

    public var user: User { User(schema: schema.user) }
}

/// One password login in the audit.
public struct LoginAttempt: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.LoginAttempt

    init(schema: Components.Schemas.LoginAttempt) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var id: Int64 { schema.id }
    public var at: Date { schema.at }

    /// As typed (lower-cased).
    public var username: String { schema.username }

    public var outcome: LoginOutcome { LoginOutcome(schema.outcome) }

    /// The client's IP address (behind trusted proxies, the forwarded one).
    public var clientAddress: String? { schema.clientAddress }

    /// The `User-Agent` the attempt was sent with.
    public var userAgent: String? { schema.userAgent }
}

/// `succeeded` or `failed`.
public enum LoginOutcome: String, Codable, Hashable, Sendable, CaseIterable {
    case succeeded = "succeeded"
    case failed = "failed"
}

/// An integration account's API key as listed.
public struct APIKey: Codable, Hashable, Sendable, SchemaBacked {
    var schema: Components.Schemas.APIKey

    init(schema: Components.Schemas.APIKey) { self.schema = schema }

    public init(from decoder: any Decoder) throws { schema = try .init(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try schema.encode(to: encoder) }

    public var id: Int64 { schema.id }
    public var name: String { schema.name }

    /// The key's first 12 characters, to recognise it.
    public var prefix: String { schema.prefix }

    public var createdAt: Date { schema.createdAt }

    /// When the key stops working; never when null.
    public var expiresAt: Date? { schema.expiresAt }

    /// Last authentication with it (updated at most once a minute).
    public var lastUsedAt: Date? { schema.lastUsedAt }

    /// When the key was revoked; it works no more.
    public var revokedAt: Date? { schema.revokedAt }
}

extension Role {
    init(_ schema: Components.Schemas.Role) {
        self = switch schema {
        case .admin: .admin
        case .auditor: .auditor
        case .leader: .leader
        case .nationalAdmin: .nationalAdmin
        case .portal: .portal
        case .reception: .reception
        case .specialist: .specialist
        }
    }

    var schema: Components.Schemas.Role {
        switch self {
        case .admin: .admin
        case .auditor: .auditor
        case .leader: .leader
        case .nationalAdmin: .nationalAdmin
        case .portal: .portal
        case .reception: .reception
        case .specialist: .specialist
        }
    }
}

extension UnitKind {
    init(_ schema: Components.Schemas.UnitKind) {
        self = switch schema {
        case .commune: .commune
        case .province: .province
        }
    }

    var schema: Components.Schemas.UnitKind {
        switch self {
        case .commune: .commune
        case .province: .province
        }
    }
}

extension LoginOutcome {
    init(_ schema: Components.Schemas.LoginOutcome) {
        self = switch schema {
        case .failed: .failed
        case .succeeded: .succeeded
        }
    }

    var schema: Components.Schemas.LoginOutcome {
        switch self {
        case .failed: .failed
        case .succeeded: .succeeded
        }
    }
}
