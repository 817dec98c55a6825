internal import CLibPQ
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One PostgreSQL session: the single owner of a libpq `PGconn`.
///
/// Not `Sendable`: libpq allows one thread at a time per connection. The pool lends a connection to
/// one task at a time (`PostgresPool.withConnection`). After the connect the connection is in
/// non-blocking mode: the task sends its query itself and is suspended while `loop` waits for the
/// socket and reads the results (`ResultReader`). `deinit` calls `PQfinish`, also after a failed connect.
public final class PostgresConnection {
    let handle: OpaquePointer
    let logger: Logger
    let loop: PostgresEventLoop
    /// The socket (-1 until the connect succeeded) and its registration with `loop`.
    private(set) var socket: Int32 = -1
    private(set) var registration: UInt64 = 0
    let canceller: QueryCanceller
    var statements: StatementCache
    /// Statements that go out with the next round trip (a deferred BEGIN, `enqueue`d writes).
    var queued: [QueuedStatement] = []
    /// Set when the connection must not be reused even though libpq still reports it as OK
    /// (for example a session-level lock could not be released).
    var mustDiscard = false

    /// Opens a connection, blocking the calling thread; the pool calls it on its thread pool.
    static func connectBlocking(
        configuration: PostgresConfiguration, logger: Logger, loop: PostgresEventLoop, statementCacheCapacity: Int
    ) throws -> PostgresConnection {
        let parameters = configuration.connectionParameters()
        let keywords = parameters.map { strdup($0.0) }
        let values = parameters.map { strdup($0.1) }
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let handle: OpaquePointer? = (keywords.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { keywordPointers in
            (values.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { valuePointers in
                PQconnectdbParams(keywordPointers.baseAddress, valuePointers.baseAddress, 1)
            }
        }
        guard let handle else { throw PostgresError(code: .connectFailed, message: "out of memory") }
        // From here the object owns the handle, so a failed connect is finished by deinit.
        let connection = PostgresConnection(
            handle: handle, logger: logger, loop: loop, statementCacheCapacity: statementCacheCapacity)
        guard PQstatus(handle) == CONNECTION_OK else {
            throw PostgresError(connection: handle, code: .connectFailed)
        }
        let socket = PQsocket(handle)
        guard PQsetnonblocking(handle, 1) == 0, socket >= 0, let registration = loop.register(socket) else {
            throw PostgresError(code: .connectFailed, message: "could not watch the connection's socket")
        }
        connection.socket = socket
        connection.registration = registration
        return connection
    }

    private init(handle: OpaquePointer, logger: Logger, loop: PostgresEventLoop, statementCacheCapacity: Int) {
        self.handle = handle
        self.logger = logger
        self.loop = loop
        self.canceller = QueryCanceller(connection: handle)
        self.statements = StatementCache(capacity: statementCacheCapacity)
        PQsetNoticeReceiver(handle, postgresNoticeReceiver, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        if registration != 0 { loop.forget(registration) }
        PQfinish(handle)
    }

    /// The server process id of this session (`pg_backend_pid()`).
    public var backendPID: Int { Int(PQbackendPID(handle)) }

    /// The server version as an integer, for example 150018.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// True once libpq reports the connection as unusable or it was marked for discarding.
    public var isBroken: Bool { mustDiscard || PQstatus(handle) == CONNECTION_BAD }

    /// True while a transaction block is open (including a failed one awaiting ROLLBACK).
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    var transactionIsIdle: Bool { PQtransactionStatus(handle) == PQTRANS_IDLE }

    /// True if an idle connection has unread input. Nothing should arrive on an idle session
    /// (we never LISTEN), so input means the server sent a FATAL error and closed, for example after
    /// `pg_terminate_backend` or a restart: the pool discards it before lending it out.
    func hasUnexpectedInput() -> Bool {
        let socket = PQsocket(handle)
        guard socket >= 0 else { return true }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) != 0
    }
}

@available(*, unavailable)
extension PostgresConnection: Sendable {}

/// Forwards server notices (RAISE NOTICE, "table does not exist, skipping", ...) to the logger
/// instead of libpq's default of printing to stderr.
private func postgresNoticeReceiver(context: UnsafeMutableRawPointer?, result: OpaquePointer?) {
    guard let context, let result else { return }
    let connection = Unmanaged<PostgresConnection>.fromOpaque(context).takeUnretainedValue()
    let severity = PQresultErrorField(result, DiagnosticField.severity).map { String(cString: $0) } ?? "NOTICE"
    let message = PQresultErrorField(result, DiagnosticField.messagePrimary).map { String(cString: $0) } ?? ""
    connection.logger.debug("postgres notice", metadata: ["db.severity": "\(severity)", "db.notice": "\(message)"])
}
