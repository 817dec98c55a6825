import Foundation
import HTTPTypes
import MotCuaAPI
import MotCuaFoundation
import OpenAPIRuntime

/// The MotCua API client: a curated async API over the generated OpenAPI client, sent through
/// libcurl (`CurlTransport`) with keep-alive connections.
///
/// Requests are grouped by area — `auth`, `procedures`, `units`, `users`, `dossiers`, `public`,
/// `calendar` and `evaluations` — and return plain model types (`Dossier`, `Procedure`, ...).
/// Every answer outside 2xx throws `MotCuaClientError.problem` carrying the server's stable `code`;
/// transport failures throw the other `MotCuaClientError` cases.
///
/// Idempotent requests (GET, PUT, DELETE, and intake, which always carries an `Idempotency-Key`)
/// are retried on connection errors with bounded exponential backoff; other POSTs are retried only
/// when the connection could not even be opened. See `Configuration.retry`.
///
/// ```swift
/// let client = MotCuaClient(serverURL: URL(string: "http://127.0.0.1:8080")!)
/// try await client.auth.login(username: "tiepnhan.tanphu", password: "motcua-demo-2026")
/// let dossier = try await client.dossiers.submit(DossierInput(
///     procedureCode: "1.001193", receivingUnit: "H15.50.05.13", channel: .counter,
///     applicant: .init(fullName: "Nguyễn Thị Ánh", idNumber: "001190012345"),
///     documents: [.init(code: "TK", name: "Tờ khai", digitized: true)]))
/// print(dossier.code, dossier.dueDate ?? "-")
/// for try await open in client.dossiers.all(filter: .init(status: .received)) {
///     print(open.code)
/// }
/// ```
///
/// A client is a value that shares one set of connections and one token between its copies; it is
/// safe to use from many tasks at once.
public struct MotCuaClient: Sendable {
    /// The server's base URL, e.g. `https://motcua.example.gov.vn`.
    public let serverURL: URL
    /// The settings the client was created with.
    public let configuration: Configuration

    let generated: Client
    let session: Session
    let transport: CurlTransport

    /// Creates a client for the server at `serverURL`.
    ///
    /// - Parameters:
    ///   - serverURL: the server's base URL, without `/v1`.
    ///   - token: a bearer token from an earlier `auth.login`, if you have one.
    ///   - configuration: timeouts, TLS, retries and the `User-Agent`.
    public init(serverURL: URL, token: String? = nil, configuration: Configuration = .init()) {
        self.serverURL = serverURL
        self.configuration = configuration
        let session = Session(token: token)
        let transport = CurlTransport(configuration: configuration.transport)
        self.session = session
        self.transport = transport
        self.generated = Client(
            serverURL: serverURL,
            configuration: .init(dateTranscoder: TolerantDateTranscoder()),
            transport: transport,
            middlewares: [
                HeadersMiddleware(session: session, userAgent: configuration.userAgent),
                RetryMiddleware(policy: configuration.retry),
                ProblemMiddleware(),
            ]
        )
    }

    /// The bearer token sent with every request, if any. `auth.login` sets it, `auth.logout` clears it.
    public var token: String? {
        get { session.token }
        nonmutating set { session.token = newValue }
    }

    /// How many connections the client has opened so far (one, for sequential requests with
    /// keep-alive working).
    public var openedConnections: Int { transport.openedConnections }

    /// The transport's threads as a task executor (see `CurlTransport.taskExecutor`): a batch of
    /// sequential requests run in `withTaskExecutorPreference(client.taskExecutor) { ... }` saves two
    /// thread hand-offs per request. Keep slow non-network work out of such a block: it would hold a
    /// transport thread.
    public var taskExecutor: any TaskExecutor { transport.taskExecutor }

    /// Log in, log out, and who am I.
    public var auth: Auth { Auth(client: self) }
    /// The procedure catalog.
    public var procedures: Procedures { Procedures(client: self) }
    /// Communes and provinces.
    public var units: Units { Units(client: self) }
    /// Officers and integration accounts.
    public var users: Users { Users(client: self) }
    /// Dossiers: intake, reads, lists, history and every action.
    public var dossiers: Dossiers { Dossiers(client: self) }
    /// What citizens use without an account: lookup and rating.
    public var `public`: Public { Public(client: self) }
    /// Working days and deadlines.
    public var calendar: Calendar { Calendar(client: self) }

    /// Runs one generated-client call and turns the runtime's wrapped errors into
    /// `MotCuaClientError` (or `CancellationError`).
    func call<Value: Sendable>(_ body: (Client) async throws -> Value) async throws -> Value {
        do {
            return try await body(generated)
        } catch {
            throw Self.unwrap(error)
        }
    }

    /// The error a caller should see for `error` thrown by the generated client.
    static func unwrap(_ error: any Error) -> any Error {
        switch error {
        case let error as MotCuaClientError: return error
        case let error as CancellationError: return error
        case let error as ClientError:
            if error.underlyingError is MotCuaClientError || error.underlyingError is CancellationError {
                return error.underlyingError
            }
            if let nested = error.underlyingError as? ClientError { return unwrap(nested) }
            return MotCuaClientError.unexpectedResponse(
                status: error.response.map { $0.status.code } ?? 0, body: "\(error.underlyingError)")
        default:
            return MotCuaClientError.unexpectedResponse(status: 0, body: "\(error)")
        }
    }
}

/// State shared by the copies of one client: the bearer token.
final class Session: Sendable {
    private let storage: LockedValue<String?>

    init(token: String?) {
        storage = LockedValue(token)
    }

    var token: String? {
        get { storage.value }
        set { storage.value = newValue }
    }
}
