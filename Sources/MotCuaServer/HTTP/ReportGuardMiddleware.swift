import Hummingbird
import MotCuaFoundation
import MotCuaStore
import NIOCore

/// Guards the evaluation reports, the heaviest reads: at most `perUser` run at once for one user on
/// this instance (more get 503 `busy` with `Retry-After`), and a report whose client disconnects is
/// cancelled, which cancels its query on the server (`statement_timeout` bounds it otherwise).
struct ReportGuardMiddleware: RouterMiddleware {
    let perUser: Int
    private let running = LockedValue<[Int64: Int]>([:])

    init(perUser: Int) { self.perUser = perUser }

    static func guards(_ route: String) -> Bool { route.hasPrefix("/v1/evaluations") }

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let route = context.endpointPath, Self.guards(route), let user = context.principal?.userID else {
            return try await next(request, context)
        }
        let admitted = running.withLock { running in
            guard running[user, default: 0] < perUser else { return false }
            running[user, default: 0] += 1
            return true
        }
        guard admitted else { throw APIError.busy(retryAfterSeconds: 2) }
        defer {
            running.withLock { running in
                running[user, default: 1] -= 1
                if running[user] == 0 { running[user] = nil }
            }
        }
        // The task runs `next` while this call awaits the task: `next` does not outlive the call.
        return try await withoutActuallyEscaping(next) { next in
            nonisolated(unsafe) let next = next
            // Without the handler in the pipeline (a server built without it) a disconnect is not
            // noticed, and the report still runs; any other failure of the pipeline is one.
            let gone: EventLoopFuture<Void>?
            do {
                gone = try await context.channel?.pipeline.handler(type: ClientGoneHandler.self).get().gone
            } catch ChannelPipelineError.notFound {
                gone = nil
            }
            return try await Self.cancelled(when: gone) { try await next(request, context) }
        }
    }

    /// Runs `body` in a task of its own that is cancelled when `gone` completes before it ends.
    static func cancelled<T: Sendable>(
        when gone: EventLoopFuture<Void>?, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        guard let gone else { return try await body() }
        let work = Task { try await body() }
        gone.whenComplete { _ in work.cancel() }
        return try await withTaskCancellationHandler { try await work.value } onCancel: { work.cancel() }
    }
}
