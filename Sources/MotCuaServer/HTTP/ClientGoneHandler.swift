import NIOCore

/// Notices that the client has gone: its side of the connection closed (`inputClosed`; the server
/// allows half-closed connections, so the channel itself stays open) or the connection dropped.
/// `ReportGuardMiddleware` cancels a running report on `gone`.
final class ClientGoneHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = Never

    private let promise: EventLoopPromise<Void>

    init(eventLoop: any EventLoop) { promise = eventLoop.makePromise() }

    /// Completes when the client closed its side or the connection dropped.
    var gone: EventLoopFuture<Void> { promise.futureResult }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event { promise.succeed() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.succeed()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { promise.succeed() }
}
