import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private func posixListen(_ fd: Int32, _ backlog: Int32) -> Int32 { Glibc.listen(fd, backlog) }
private func posixConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    Glibc.connect(fd, address, length)
}
@discardableResult private func posixClose(_ fd: Int32) -> Int32 { Glibc.close(fd) }
#else
private let streamSocket = SOCK_STREAM
private func posixListen(_ fd: Int32, _ backlog: Int32) -> Int32 { Darwin.listen(fd, backlog) }
private func posixConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    Darwin.connect(fd, address, length)
}
@discardableResult private func posixClose(_ fd: Int32) -> Int32 { Darwin.close(fd) }
#endif

/// Blocking POSIX sockets on their own threads, for servers that misbehave on purpose.
enum RawSocket {
    /// A listening socket on 127.0.0.1 and an ephemeral port.
    static func listen() throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, streamSocket, 0)
        precondition(fd >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        precondition(bound == 0 && posixListen(fd, 64) == 0)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    static func connect(port: Int) -> Int32 {
        let fd = socket(AF_INET, streamSocket, 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                posixConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        precondition(result == 0, "connect failed")
        return fd
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Reads one HTTP/1.1 message (head and a `Content-Length` body); nil when the peer closed first.
    static func readMessage(_ fd: Int32) -> [UInt8]? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let headEnd = find(data, Array("\r\n\r\n".utf8)) {
                let head = String(decoding: data[..<headEnd], as: UTF8.self).lowercased()
                var length = 0
                for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
                    length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
                if data.count >= headEnd + 4 + length { return Array(data[..<(headEnd + 4 + length)]) }
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data += buffer[..<count]
        }
    }

    static func find(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }

    /// Runs `body` on a new thread.
    static func detach(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.start()
    }
}

/// Accepts connections and reads requests but never answers, until closed.
final class SilentServer: Sendable {
    let port: Int
    private let fd: Int32
    private let state = Shared<(accepted: Int, clients: [Int32])>((0, []))

    init() throws {
        (fd, port) = try RawSocket.listen()
        let fd = fd
        RawSocket.detach { [state] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                state.withLock { $0.accepted += 1; $0.clients.append(client) }
            }
        }
    }

    /// How many connections were accepted so far.
    var accepted: Int { state.withLock { $0.accepted } }

    func close() {
        shutdown(fd, Int32(SHUT_RDWR))
        posixClose(fd)
        for client in state.withLock({ $0.clients }) { posixClose(client) }
    }
}

/// A forwarding proxy in front of `upstreamPort` that forwards the first request it gets, waits for
/// the upstream's answer, then closes the client's connection without relaying it: the request took
/// effect but the client saw the connection drop. Later requests are relayed normally.
final class DroppingProxy: Sendable {
    let port: Int
    private let fd: Int32
    private let state = Shared<(requests: Int, dropped: Int)>((0, 0))

    init(upstreamPort: Int) throws {
        (fd, port) = try RawSocket.listen()
        let fd = fd
        RawSocket.detach { [state] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                RawSocket.detach {
                    let upstream = RawSocket.connect(port: upstreamPort)
                    defer { posixClose(upstream); posixClose(client) }
                    while let request = RawSocket.readMessage(client) {
                        let first = state.withLock { s -> Bool in s.requests += 1; return s.requests == 1 }
                        RawSocket.writeAll(upstream, request)
                        guard let response = RawSocket.readMessage(upstream) else { return }
                        if first {
                            state.withLock { $0.dropped += 1 }
                            return
                        }
                        RawSocket.writeAll(client, response)
                    }
                }
            }
        }
    }

    /// Requests received, and how many of them were dropped after taking effect.
    var counts: (requests: Int, dropped: Int) { state.withLock { ($0.requests, $0.dropped) } }

    func close() {
        shutdown(fd, Int32(SHUT_RDWR))
        posixClose(fd)
    }
}

/// A mutex-protected value that closures can capture (a `Mutex` itself cannot be copied into them).
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
}
