import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A `ClientTransport` for the generated MotCua client, on libcurl's easy interface.
///
/// - Transfers run on the transport's own threads (at most `maxConnections`), never on Swift's
///   cooperative pool, because `curl_easy_perform` blocks its thread until the response is complete:
///   the calling task moves to one of them for the transfer (a task executor preference).
/// - Connections are kept alive and reused: each thread borrows an easy handle from a small pool,
///   and a handle keeps its connections across requests.
/// - The response body is collected into one buffer and returned with a known length; a gzip or
///   deflate response is decoded by libcurl, and its `Content-Encoding` and `Content-Length`
///   fields are removed because they no longer describe the bytes returned.
/// - TLS peer and host verification are on by default.
/// - Proxies come from the environment, as for the `curl` tool: `http_proxy` (lower case only),
///   `https_proxy`/`HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY`.
/// - Only `http` and `https` URLs are allowed, and redirects are not followed.
/// - Cancelling the calling task aborts the transfer at once and throws `CancellationError`; other
///   failures throw `MotCuaClientError`.
///
/// Copies share one set of threads and connections, which are released when the last copy is gone.
public struct CurlTransport: ClientTransport {
    /// The settings this transport was created with.
    public let configuration: Configuration
    private let owner: ExecutorOwner

    /// Creates a transport; threads and connections are opened on first use.
    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
        self.owner = ExecutorOwner(CurlExecutor(maxThreads: configuration.maxConnections))
    }

    /// How many connections this transport has opened so far. With keep-alive working, sequential
    /// requests to one server open one.
    public var openedConnections: Int { owner.executor.openedConnections }

    /// The transport's threads as a task executor. Transfers always run there; a caller that sends
    /// many requests in a row can run its loop there too (`withTaskExecutorPreference`), so that its
    /// task no longer moves between Swift's pool and these threads twice per request.
    public var taskExecutor: any TaskExecutor { owner.executor }

    /// Sends `request` and returns the server's response, whatever its status.
    ///
    /// - Throws: `MotCuaClientError` for transport failures, `CancellationError` when the task is
    ///   cancelled, or the error the request body's sequence threw.
    public func send(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let prepared = CurlPreparedRequest(request, baseURL: baseURL)
        let requestBody = try await CurlRequestBody.make(
            from: body, bufferLimit: configuration.maxBufferedRequestBodySize)

        guard case .streamed(let stream, _) = requestBody, let body else {
            let cancellation = CurlCancellation(bodyStream: nil)
            return try await perform(prepared, requestBody, cancellation)
        }
        let cancellation = CurlCancellation(bodyStream: stream)
        // The body is iterated on this task while the transport thread uploads what it produces.
        return try await withThrowingTaskGroup(of: Void.self) { group in
            // On Swift's pool even when the caller runs on the transport's threads: with one thread,
            // the transfer waiting for these bytes would otherwise wait for itself.
            group.addTask(executorPreference: globalConcurrentExecutor) { await stream.feed(from: body) }
            // Ending the transfer releases a producer that still waits for room in the stream
            // (the server may answer before reading the whole body).
            defer { stream.close() }
            let response = try await perform(prepared, requestBody, cancellation)
            group.cancelAll()
            return response
        }
    }

    private func perform(
        _ request: CurlPreparedRequest,
        _ body: CurlRequestBody,
        _ cancellation: CurlCancellation
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let executor = owner.executor
        let configuration = configuration
        // On the executor's thread the blocking transfer runs right in this task (see `CurlExecutor`).
        let (response, bytes) = try await withTaskExecutorPreference(executor) {
            try await withTaskCancellationHandler {
                try executor.withHandle { easy in
                    let (response, bytes, opened) = try CurlTransfer.run(
                        on: easy, request: request, body: body, configuration: configuration, cancellation: cancellation)
                    executor.recordOpenedConnections(opened)
                    return (response, bytes)
                }
            } onCancel: {
                cancellation.cancel()
            }
        }
        return (response, bytes.isEmpty ? nil : HTTPBody(bytes))
    }
}

/// Shuts the executor's threads down when the last copy of the transport is released. The threads
/// hold the executor, not this object, so they cannot keep it alive.
private final class ExecutorOwner: Sendable {
    let executor: CurlExecutor

    init(_ executor: CurlExecutor) {
        self.executor = executor
    }

    deinit {
        executor.shutDown()
    }
}
