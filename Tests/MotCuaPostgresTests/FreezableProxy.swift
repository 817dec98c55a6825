import Foundation
import Glibc
import Synchronization

/// A TCP forwarder to PostgreSQL on 127.0.0.1 that can freeze: it then keeps accepting connections
/// and reading bytes but passes nothing on, like a database server that stopped answering.
/// `close()` drops every connection. It also counts network turns: how many times the client sent
/// after the server had answered, the number of round trips a client waited for.
final class FreezableProxy: Sendable {
    let port: Int
    private let listener: Int32
    private let state = Mutex<(frozen: Bool, sockets: [Int32], turns: Int, clientSentLast: Bool)>((false, [], 0, false))

    /// Round trips since the last `resetTurns()`.
    var turns: Int { state.withLock { $0.turns } }

    func resetTurns() { state.withLock { $0.turns = 0; $0.clientSentLast = false } }

    init(upstreamPort: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = bind(fd, $0, length) } }
        _ = Glibc.listen(fd, 64)
        withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) } }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let listener = fd
        Thread.detachNewThread { [self] in
            while case let client = accept(listener, nil, nil), client >= 0 {
                let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                var target = Self.loopback(port: upstreamPort)
                withUnsafePointer(to: &target) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = Glibc.connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                state.withLock { $0.sockets += [client, upstream] }
                Thread.detachNewThread { self.pump(from: client, to: upstream, fromClient: true) }
                Thread.detachNewThread { self.pump(from: upstream, to: client, fromClient: false) }
            }
        }
    }

    func freeze() { state.withLock { $0.frozen = true } }

    func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        for socket in state.withLock({ $0.sockets }) { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    private func pump(from source: Int32, to destination: Int32, fromClient: Bool) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while case let count = read(source, &buffer, buffer.count), count > 0 {
            state.withLock { state in
                if fromClient && !state.clientSentLast { state.turns += 1 }
                state.clientSentLast = fromClient
            }
            // Frozen: hold what arrived until the proxy is closed.
            while state.withLock({ $0.frozen }) {
                Thread.sleep(forTimeInterval: 0.01)
                if fcntl(source, F_GETFD) < 0 || recv(source, &buffer, 0, Int32(MSG_DONTWAIT)) == 0 { return }
            }
            guard send(destination, buffer, count, Int32(MSG_NOSIGNAL)) == count else { return }
        }
        shutdown(destination, Int32(SHUT_RDWR))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
