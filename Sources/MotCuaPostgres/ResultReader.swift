internal import CLibPQ

/// The results of what was sent on a connection, cleared when this goes away.
final class PostgresResults: @unchecked Sendable {
    /// Every result in arrival order, pipeline syncs included. Immutable once read.
    let all: [OpaquePointer]

    init(_ all: [OpaquePointer]) { self.all = all }

    deinit { all.forEach { PQclear($0) } }
}

/// Reads the results of a query sent on a non-blocking connection, without ever blocking a thread:
/// first on the task that sent it, then on the event loop's thread each time the socket is ready,
/// and resumes the waiting task once the last result is in.
///
/// `@unchecked Sendable`: the task that sent the query owns the connection and is suspended until
/// `continuation` resumes; in between, exactly one party touches the reader and the `PGconn` at a
/// time (the one-shot registration hands it from the task to the loop thread and between loop wake-ups).
final class ResultReader: @unchecked Sendable {
    /// What ends the wait.
    enum End {
        /// `PQgetResult` returned NULL: the connection is idle again (one query, outside a pipeline).
        case idle
        /// This many `PGRES_PIPELINE_SYNC` results arrived (pipeline mode).
        case syncs(Int)
    }

    private let handle: OpaquePointer
    private let socket: Int32
    private let registration: UInt64
    private let loop: PostgresEventLoop
    private var end: End
    private var results: [OpaquePointer] = []
    private var flushing = true
    private var continuation: CheckedContinuation<PostgresResults, any Error>?

    private init(handle: OpaquePointer, socket: Int32, registration: UInt64, loop: PostgresEventLoop, end: End) {
        self.handle = handle
        self.socket = socket
        self.registration = registration
        self.loop = loop
        self.end = end
    }

    /// Waits for the results of what was just sent (libpq may still hold part of it unsent).
    /// - Throws: `PostgresError` (`.connectionLost`) when the connection fails meanwhile.
    static func read(
        handle: OpaquePointer, socket: Int32, registration: UInt64, loop: PostgresEventLoop, until end: End
    ) async throws -> PostgresResults {
        let reader = ResultReader(handle: handle, socket: socket, registration: registration, loop: loop, end: end)
        return try await withCheckedThrowingContinuation { continuation in
            reader.continuation = continuation
            reader.step(readable: false)
        }
    }

    /// Flushes pending output, takes in what arrived, and either finishes or waits for the socket.
    private func step(readable: Bool) {
        if flushing {
            switch PQflush(handle) {
            case 0: flushing = false
            case 1: break
            default: return fail()
            }
        }
        if readable, PQconsumeInput(handle) == 0 { return fail() }
        var queryEnded = false
        while PQisBusy(handle) == 0 {
            guard let result = PQgetResult(handle) else {
                if case .idle = end { return finish() }
                // The end of one pipelined query's results; twice in a row means nothing more is in yet.
                if queryEnded { break }
                queryEnded = true
                continue
            }
            queryEnded = false
            results.append(result)
            switch PQresultStatus(result) {
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                return finish()  // libpq would repeat this result forever; the caller discards the connection
            case PGRES_PIPELINE_SYNC:
                if case .syncs(let count) = end {
                    if count == 1 { return finish() }
                    end = .syncs(count - 1)
                }
            default:
                break
            }
        }
        guard loop.whenReady(socket, registration: registration, writable: flushing, { self.step(readable: true) }) else { return fail() }
    }

    private func finish() {
        let results = PostgresResults(self.results)
        self.results = []
        continuation.take()?.resume(returning: results)
    }

    private func fail() {
        let error = PostgresError(connection: handle, code: .connectionLost)
        _ = PostgresResults(results)  // clears what arrived
        results = []
        continuation.take()?.resume(throwing: error)
    }
}
