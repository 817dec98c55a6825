import Crypto
import Foundation

/// The signature of a webhook request: `X-MotCua-Signature: t=<unix seconds>,v1=<hex>`, where `v1` is
/// HMAC-SHA256 keyed with the webhook's secret over `<t>.<raw body>`. Receivers recompute it, compare
/// in constant time, and refuse a `t` further than `replayWindow` from their clock.
public enum WebhookSignature {
    public static let headerName = "X-MotCua-Signature"
    /// How far a request's timestamp may be from the receiver's clock: 5 minutes.
    public static let replayWindow: TimeInterval = 300

    /// The header value for `body` sent at `timestamp`.
    public static func sign(body: some DataProtocol, secret: String, timestamp: Int64) -> String {
        "t=\(timestamp),v1=" + mac(body: body, secret: secret, timestamp: timestamp).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `header` is a valid signature of `body` made within the replay window around `now`.
    public static func verify(header: String, body: some DataProtocol, secret: String, now: Date = Date()) -> Bool {
        var timestamp: Int64?
        var signatures: [Data] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int64(pair[1]) }
            if pair[0] == "v1", let bytes = Data(hex: pair[1]) { signatures.append(bytes) }
        }
        guard let timestamp, abs(now.timeIntervalSince1970 - Double(timestamp)) <= replayWindow else { return false }
        let key = SymmetricKey(data: Data(secret.utf8))
        let signed = Data("\(timestamp).".utf8) + Data(body)
        return signatures.contains { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: signed, using: key) }
    }

    private static func mac(body: some DataProtocol, secret: String, timestamp: Int64) -> HashedAuthenticationCode<SHA256> {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: Data(secret.utf8)))
        hmac.update(data: Data("\(timestamp).".utf8))
        hmac.update(data: body)
        return hmac.finalize()
    }
}

extension Data {
    /// Bytes from lower- or upper-case hex digits; nil for anything else.
    fileprivate init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
