internal import CLibPQ

/// How to reach PostgreSQL, and the session settings pinned on every connection.
///
/// Built from a `DATABASE_URL` (`postgresql://user@h1:5432,h2:5432/db?target_session_attrs=read-write`),
/// a keyword/value conninfo (`host=a,b port=5432 dbname=x`), or keyword pairs. Everything is handed to
/// `PQconnectdbParams` with `expand_dbname=1`, so libpq itself parses the URL, multi-host lists,
/// `target_session_attrs` and quoting; nothing here assembles a conninfo string.
public struct PostgresConfiguration: Sendable, CustomStringConvertible {
    /// The user's connection target: a URL or conninfo string, expanded by libpq.
    var connectionString: String?
    /// Keyword/value pairs given by the caller; later pairs override earlier ones and the URL.
    var overrides: [(String, String)]

    /// `application_name` reported in `pg_stat_activity`; the URL's value wins when it sets one.
    public var applicationName: String = "motcua"
    /// Seconds libpq waits for each host before trying the next one; the URL's value wins.
    public var connectTimeoutSeconds: Int = 5
    /// TCP keepalive idle time in seconds, so a dead peer is noticed on idle pooled connections.
    public var keepalivesIdleSeconds: Int = 30
    /// Optional `statement_timeout` pinned on the session, in milliseconds.
    public var statementTimeoutMilliseconds: Int?
    /// Further server settings pinned on the session (`SET name = value` at connect), for example
    /// `("jit", "off")`. Names and values must be plain words.
    public var sessionSettings: [(name: String, value: String)] = []

    /// Creates a configuration from a `postgresql://` / `postgres://` URL or a keyword/value conninfo.
    /// - Throws: `PostgresError` with code `.connectFailed` when libpq cannot parse it.
    public init(url: String) throws {
        try Self.validate(url)
        self.connectionString = url
        self.overrides = []
    }

    /// Creates a configuration from libpq keywords, for example `["host": "/tmp", "port": "5432"]`.
    public init(parameters: [(String, String)]) {
        self.connectionString = nil
        self.overrides = parameters
    }

    /// Creates a configuration from the usual parts.
    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String) {
        var parameters = [("host", host), ("port", String(port)), ("user", user), ("dbname", database)]
        if let password { parameters.append(("password", password)) }
        self.init(parameters: parameters)
    }

    /// Returns a copy with one libpq keyword set, overriding the URL (for example `dbname`).
    public func setting(_ keyword: String, to value: String) -> PostgresConfiguration {
        var copy = self
        copy.overrides.append((keyword, value))
        return copy
    }

    /// The value libpq would use for a keyword (`host`, `port`, `dbname`, ...), or nil if unset.
    public func value(for keyword: String) -> String? {
        resolvedOptions().last { $0.0 == keyword }?.1
    }

    /// Keywords and values passed to `PQconnectdbParams`, in order.
    ///
    /// Defaults come before the URL so a URL can change them; the pinned session settings come
    /// after it because the decoders rely on UTF8, UTC and ISO dates.
    func connectionParameters() -> [(String, String)] {
        var parameters: [(String, String)] = [
            ("application_name", applicationName),
            ("connect_timeout", String(connectTimeoutSeconds)),
            ("keepalives", "1"),
            ("keepalives_idle", String(keepalivesIdleSeconds)),
        ]
        if let connectionString { parameters.append(("dbname", connectionString)) }
        parameters += overrides
        var options = "-c TimeZone=UTC -c DateStyle=ISO,MDY -c IntervalStyle=postgres -c extra_float_digits=1"
        if let statementTimeoutMilliseconds { options += " -c statement_timeout=\(statementTimeoutMilliseconds)" }
        for setting in sessionSettings { options += " -c \(setting.name)=\(setting.value)" }
        parameters.append(("client_encoding", "UTF8"))
        parameters.append(("options", options))
        return parameters
    }

    /// The effective settings, with the URL expanded by libpq, minus empty values.
    private func resolvedOptions() -> [(String, String)] {
        var result: [(String, String)] = []
        if let connectionString, let parsed = PQconninfoParse(connectionString, nil) {
            defer { PQconninfoFree(parsed) }
            var option = parsed
            while let keyword = option.pointee.keyword {
                if let value = option.pointee.val { result.append((String(cString: keyword), String(cString: value))) }
                option += 1
            }
        }
        return result + overrides
    }

    /// A description safe for logs: every setting except the password.
    public var description: String {
        let shown = resolvedOptions().filter { $0.0 != "password" && !$0.1.isEmpty }
        return shown.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }

    private static func validate(_ url: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(url, &errorMessage) else {
            // libpq's message quotes the offending fragment, never the whole string: safe enough.
            let text = errorMessage.map { String(cString: $0) } ?? "invalid connection string"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(code: .connectFailed, message: PostgresError.trimmed(text))
        }
        PQconninfoFree(parsed)
    }
}
