import HummingbirdBcrypt
import NIOPosix

/// bcrypt on its own small thread pool: a hash costs tens of milliseconds of CPU, which must not
/// stall Swift's cooperative pool (two threads on this machine) and with it every other request.
public struct PasswordHasher: Sendable {
    let cost: UInt8
    let threads: NIOThreadPool

    /// A hash of a random password, verified against for unknown usernames so that a login for an
    /// unknown user takes as long as one for a known user.
    let decoy: String

    /// bcrypt reads at most 72 bytes: a longer password (72 Vietnamese characters can take 200 bytes)
    /// would be cut silently, so it is refused. Its length in characters is the contract's.
    static let maximumBytes = 72

    /// A 422 naming `field` when `password` is longer than bcrypt reads.
    static func check(_ password: String, field: String) throws {
        if password.utf8.count > maximumBytes {
            throw APIError.validation(field, "must be at most \(maximumBytes) bytes in UTF-8 (bcrypt ignores the rest)")
        }
    }

    public init(cost: UInt8, threads: NIOThreadPool) {
        self.cost = cost
        self.threads = threads
        self.decoy = Bcrypt.hash(TokenDecoy.value, cost: cost)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await threads.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Verifies `password` against `hash`, or against the decoy when there is no user.
    public func verify(_ password: String, hash: String?) async throws -> Bool {
        let target = hash ?? decoy
        let matches = try await threads.runIfActive { Bcrypt.verify(password, hash: target) }
        return matches && hash != nil
    }
}

private enum TokenDecoy {
    static let value = String((0..<24).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789".randomElement()! })
}
