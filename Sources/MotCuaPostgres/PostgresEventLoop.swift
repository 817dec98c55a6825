internal import CLibPQ
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches the connections' sockets with one `epoll` set on a thread of its own, and runs a
/// callback on that thread when a socket a connection waits on becomes ready.
///
/// NIO has no public API to watch a descriptor it does not read itself, and libpq must do the
/// reading and writing: so the pool has this small selector instead of a thread per query. A
/// connection sends its query from the task that runs it, asks to be called back when its socket is
/// readable (or writable while libpq still has output queued), and the callback reads the results
/// without blocking and resumes the waiting task. Registrations are one-shot (`EPOLLONESHOT`).
/// Callbacks run on the loop thread and must never block.
final class PostgresEventLoop: Sendable {
    typealias Callback = @Sendable () -> Void

    /// The loop every pool of the process uses: one thread serves any number of connections.
    static let shared = PostgresEventLoop()

    private let epoll: Int32
    private let callbacks = Mutex<[Int32: Callback]>([:])

    private init() {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(epoll >= 0, "epoll_create1 failed: errno \(errno)")
        let thread = Thread { [self] in run() }
        thread.name = "motcua-postgres-io"
        thread.start()
    }

    /// Adds a socket to the set, not yet watched for anything.
    func register(_ socket: Int32) -> Bool {
        var event = epoll_event(events: EPOLLONESHOT.rawValue, data: epoll_data_t(fd: socket))
        return epoll_ctl(epoll, EPOLL_CTL_ADD, socket, &event) == 0
    }

    /// Removes a socket before it is closed, forgetting any callback still set for it.
    func deregister(_ socket: Int32) {
        _ = callbacks.withLock { $0.removeValue(forKey: socket) }
        _ = epoll_ctl(epoll, EPOLL_CTL_DEL, socket, nil)
    }

    /// Calls `callback` once, on the loop thread, when `socket` is readable (or writable, when
    /// `writable`), or has an error or hang-up. Returns false if the socket could not be watched.
    func whenReady(_ socket: Int32, writable: Bool, _ callback: @escaping Callback) -> Bool {
        callbacks.withLock { $0[socket] = callback }
        var mask = EPOLLIN.rawValue | EPOLLONESHOT.rawValue
        if writable { mask |= EPOLLOUT.rawValue }
        var event = epoll_event(events: mask, data: epoll_data_t(fd: socket))
        guard epoll_ctl(epoll, EPOLL_CTL_MOD, socket, &event) == 0 else {
            _ = callbacks.withLock { $0.removeValue(forKey: socket) }
            return false
        }
        return true
    }

    private func run() -> Never {
        let capacity: Int32 = 64
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Int(capacity))
        while true {
            let count = epoll_wait(epoll, events, capacity, -1)
            guard count > 0 else { continue }  // EINTR
            for index in 0..<Int(count) {
                let socket = events[index].data.fd
                callbacks.withLock { $0.removeValue(forKey: socket) }?()
            }
        }
    }
}
