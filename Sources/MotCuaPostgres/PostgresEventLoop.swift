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
    /// Callbacks by registration, not by descriptor: libpq closes the socket of a lost connection
    /// itself, and a new connection may get the same descriptor number before the old one is gone.
    private let callbacks = Mutex<[UInt64: Callback]>([:])
    private let nextRegistration = Atomic<UInt64>(1)

    private init() {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(epoll >= 0, "epoll_create1 failed: errno \(errno)")
        let thread = Thread { [self] in run() }
        thread.name = "motcua-postgres-io"
        thread.start()
    }

    /// Adds a socket to the set, not yet watched for anything; nil if it cannot be added. There is no
    /// removal: closing the socket (PQfinish, or libpq itself when the connection is lost) takes it
    /// out of the set, whereas removing it by number could remove a newer socket with that number.
    func register(_ socket: Int32) -> UInt64? {
        let registration = nextRegistration.wrappingAdd(1, ordering: .relaxed).oldValue
        var event = epoll_event(events: EPOLLONESHOT.rawValue, data: epoll_data_t(u64: registration))
        return epoll_ctl(epoll, EPOLL_CTL_ADD, socket, &event) == 0 ? registration : nil
    }

    /// Forgets a callback still set for a registration whose connection goes away.
    func forget(_ registration: UInt64) {
        _ = callbacks.withLock { $0.removeValue(forKey: registration) }
    }

    /// Calls `callback` once, on the loop thread, when `socket` is readable (or writable, when
    /// `writable`), or has an error or hang-up. Returns false if the socket could not be watched.
    func whenReady(_ socket: Int32, registration: UInt64, writable: Bool, _ callback: @escaping Callback) -> Bool {
        callbacks.withLock { $0[registration] = callback }
        var mask = EPOLLIN.rawValue | EPOLLONESHOT.rawValue
        if writable { mask |= EPOLLOUT.rawValue }
        var event = epoll_event(events: mask, data: epoll_data_t(u64: registration))
        guard epoll_ctl(epoll, EPOLL_CTL_MOD, socket, &event) == 0 else {
            forget(registration)
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
                let registration = events[index].data.u64
                callbacks.withLock { $0.removeValue(forKey: registration) }?()
            }
        }
    }
}
