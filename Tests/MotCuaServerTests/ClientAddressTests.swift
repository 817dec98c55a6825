import HTTPTypes
import MotCuaServer
import MotCuaTestSupport
import Testing

/// The client's address behind reverse proxies: forwarding headers count only from trusted proxies.
@Suite struct ClientAddressTests {
    let proxies = TrustedProxies([IPNetwork("10.0.0.0/8")!, IPNetwork("fd00::/8")!])

    func client(peer: String, _ headers: HTTPFields = [:], proxies: TrustedProxies? = nil) -> String {
        (proxies ?? self.proxies).clientAddress(peer: IPAddress(peer)!, headers: headers).description
    }

    @Test func headersFromAnUntrustedPeerAreIgnored() {
        #expect(client(peer: "203.0.113.9", [.xForwardedFor: "198.51.100.1"]) == "203.0.113.9")
        #expect(client(peer: "203.0.113.9", [.forwarded: "for=198.51.100.1"]) == "203.0.113.9")
        // Without any configured proxy (the default) nothing is trusted, not even loopback.
        #expect(client(peer: "127.0.0.1", [.xForwardedFor: "198.51.100.1"], proxies: TrustedProxies()) == "127.0.0.1")
    }

    @Test func theRightmostUntrustedHopIsTheClient() {
        // A client can prepend anything; only the hops the trusted proxies appended count.
        #expect(client(peer: "10.0.0.2", [.xForwardedFor: "1.1.1.1, 198.51.100.7, 10.0.0.3"]) == "198.51.100.7")
        #expect(client(peer: "10.0.0.2", [.xForwardedFor: "1.1.1.1", HTTPField.Name("X-Forwarded-For")!: "198.51.100.8"]) == "198.51.100.8")
        #expect(client(peer: "10.0.0.2", [.xForwardedFor: "10.0.0.5, 10.0.0.4"]) == "10.0.0.5")
        #expect(client(peer: "10.0.0.2") == "10.0.0.2")
    }

    @Test func forwardedHeaderForms() {
        #expect(client(peer: "10.1.1.1", [.forwarded: #"for=192.0.2.60;proto=http;by=203.0.113.43"#]) == "192.0.2.60")
        #expect(client(peer: "10.1.1.1", [.forwarded: #"for="[2001:db8:cafe::17]:4711""#]) == "2001:db8:cafe::17")
        #expect(client(peer: "10.1.1.1", [.forwarded: "for=192.0.2.43, for=198.51.100.17:8080"]) == "198.51.100.17")
        // Forwarded wins over X-Forwarded-For when both are present.
        #expect(client(peer: "10.1.1.1", [.forwarded: "for=192.0.2.1", .xForwardedFor: "192.0.2.2"]) == "192.0.2.1")
        // An obfuscated or unknown hop ends the chain at the proxy that reported it.
        #expect(client(peer: "10.1.1.1", [.forwarded: "for=unknown"]) == "10.1.1.1")
        #expect(client(peer: "10.1.1.1", [.xForwardedFor: "198.51.100.1, _hidden, 10.0.0.9"]) == "10.0.0.9")
    }

    @Test func ipv6PeersAndMappedAddresses() {
        #expect(client(peer: "fd00::1", [.xForwardedFor: "2001:db8::5"]) == "2001:db8::5")
        #expect(IPAddress("::ffff:192.0.2.7")?.description == "192.0.2.7")
        #expect(client(peer: "::ffff:10.0.0.1", [.xForwardedFor: "192.0.2.7"]) == "192.0.2.7")
    }

    @Test func limitsCountIPv6ByTheSlash64() {
        #expect(IPAddress("2001:db8:1:2:aaaa::1")?.limitKey == "2001:db8:1:2::/64")
        #expect(IPAddress("2001:db8:1:2:ffff:ffff:ffff:ffff")?.limitKey == IPAddress("2001:db8:1:2::9")?.limitKey)
        #expect(IPAddress("2001:db8:1:3::1")?.limitKey != IPAddress("2001:db8:1:2::1")?.limitKey)
        #expect(IPAddress("192.0.2.1")?.limitKey == "192.0.2.1")
    }

    @Test func networks() {
        #expect(IPNetwork("10.0.0.0/8")!.contains(IPAddress("10.255.1.2")!))
        #expect(!IPNetwork("10.0.0.0/8")!.contains(IPAddress("11.0.0.1")!))
        #expect(IPNetwork("192.168.1.128/25")!.contains(IPAddress("192.168.1.200")!))
        #expect(!IPNetwork("192.168.1.128/25")!.contains(IPAddress("192.168.1.127")!))
        #expect(IPNetwork("192.0.2.1")!.contains(IPAddress("192.0.2.1")!))
        #expect(!IPNetwork("192.0.2.1")!.contains(IPAddress("192.0.2.2")!))
        #expect(IPNetwork("0.0.0.0/0")!.contains(IPAddress("8.8.8.8")!))
        #expect(!IPNetwork("0.0.0.0/0")!.contains(IPAddress("::1")!))
        #expect(IPNetwork("fd00::/8")!.contains(IPAddress("fdab::1")!))
        for bad in ["10.0.0.0/33", "fd00::/129", "10.0.0/8", "host.example", "10.0.0.0/-1", ""] {
            #expect(IPNetwork(bad) == nil, "\(bad)")
        }
    }

    @Test func configurationReadsTrustedProxies() throws {
        let configuration = try ServerConfiguration(environment: ["MOTCUA_TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.1 ,fd00::/8"])
        #expect(configuration.trustedProxies.networks.count == 3)
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["MOTCUA_TRUSTED_PROXIES": "10.0.0.0/8,proxy.local"]) }
    }
}

extension HTTPField.Name {
    static let forwarded = Self("Forwarded")!
    static let xForwardedFor = Self("X-Forwarded-For")!
}
