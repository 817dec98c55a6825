import Foundation
import HTTPTypes

/// An IP address as its 4 or 16 bytes, parsed from text by `inet_pton`.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// Parses `192.0.2.1`, `2001:db8::1` or an IPv4-mapped IPv6 address (kept as IPv4, as a dual-stack
    /// socket reports IPv4 peers).
    public init?(_ text: some StringProtocol) {
        var v4 = in_addr()
        var v6 = in6_addr()
        let text = String(text)
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            let all = withUnsafeBytes(of: &v6) { Array($0) }
            bytes = all[0..<12] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] ? Array(all[12...]) : all
        } else {
            return nil
        }
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    public var isIPv6: Bool { bytes.count == 16 }

    public var description: String {
        if !isIPv6 { return bytes.map(String.init).joined(separator: ".") }
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes) }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &text, socklen_t(text.count)) != nil else { return "::" }
        return String(cString: text)
    }

    /// The key rate limits count by: an IPv4 address, or the /64 network of an IPv6 one (a single
    /// subscriber is usually given a whole /64, so counting single addresses would not limit anyone).
    public var limitKey: String {
        isIPv6 ? IPAddress(bytes: Array(bytes[0..<8]) + Array(repeating: 0, count: 8)).description + "/64" : description
    }
}

/// An address block such as `10.0.0.0/8` or `fd00::/8`; a bare address is a block of one.
public struct IPNetwork: Hashable, Sendable {
    let base: IPAddress
    let prefixLength: Int

    public init?(_ text: some StringProtocol) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let base = IPAddress(parts[0]) else { return nil }
        let bits = base.bytes.count * 8
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...bits).contains(length) else { return nil }
            prefixLength = length
        } else {
            prefixLength = bits
        }
        self.base = base
    }

    public func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == base.bytes.count else { return false }
        var remaining = prefixLength
        for (a, b) in zip(address.bytes, base.bytes) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xff : ~(0xff >> UInt8(remaining))
            if a & mask != b & mask { return false }
            remaining -= 8
        }
        return true
    }
}

/// Works out the client's address from the peer's and, when the peer is a trusted reverse proxy, from
/// the `Forwarded` (RFC 7239) or `X-Forwarded-For` header it added. The headers are read right to left,
/// skipping further trusted proxies; the first address not trusted is the client. Headers from peers
/// that are not trusted are ignored, so a client cannot choose the address it is counted under.
public struct TrustedProxies: Sendable {
    public let networks: [IPNetwork]

    public init(_ networks: [IPNetwork] = []) { self.networks = networks }

    func trusts(_ address: IPAddress) -> Bool { networks.contains { $0.contains(address) } }

    /// The client's address; `peer` when it is not a trusted proxy or no usable header is present.
    public func clientAddress(peer: IPAddress, headers: HTTPFields) -> IPAddress {
        guard trusts(peer) else { return peer }
        let hops = Self.forwardedFor(headers[values: .forwarded]) ?? Self.xForwardedFor(headers[values: .xForwardedFor])
        var client = peer
        for hop in hops.reversed() {
            // An unparsable hop ("unknown", an obfuscated name) ends the chain at the last proxy.
            guard let address = hop else { return client }
            client = address
            if !trusts(address) { return address }
        }
        return client
    }

    /// The `for=` addresses of a `Forwarded` header, nil when there is none.
    static func forwardedFor(_ values: [String]) -> [IPAddress?]? {
        let elements = values.flatMap { $0.split(separator: ",") }
        guard !elements.isEmpty else { return nil }
        return elements.map { element in
            let pairs = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let pair = pairs.first(where: { $0.lowercased().hasPrefix("for=") }) else { return nil }
            var node = pair.dropFirst(4)
            if node.hasPrefix("\""), node.hasSuffix("\""), node.count >= 2 { node = node.dropFirst().dropLast() }
            return address(inNode: node)
        }
    }

    static func xForwardedFor(_ values: [String]) -> [IPAddress?] {
        values.flatMap { $0.split(separator: ",") }.map { address(inNode: $0.trimmingCharacters(in: .whitespaces)[...]) }
    }

    /// `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]`, `[2001:db8::1]:4711` or a bare IPv6 address.
    static func address(inNode node: Substring) -> IPAddress? {
        if node.hasPrefix("["), let close = node.firstIndex(of: "]") {
            return IPAddress(node[node.index(after: node.startIndex)..<close])
        }
        if let direct = IPAddress(node) { return direct }
        guard let colon = node.lastIndex(of: ":"), node.firstIndex(of: ":") == colon else { return nil }
        return IPAddress(node[..<colon])
    }
}

extension HTTPField.Name {
    static let forwarded = Self("Forwarded")!
    static let xForwardedFor = Self("X-Forwarded-For")!
}
