import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The token `motcua login` stores, in `$XDG_CONFIG_HOME/motcua/credentials` (by default
/// `~/.config/motcua/credentials`), a JSON file readable only by its owner (mode 0600, in a 0700
/// directory).
struct Credentials: Codable, Equatable {
    var server: String
    var token: String
    var username: String
    var expiresAt: Date?

    /// The credentials file's path for this environment.
    static func fileURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config", isDirectory: true)
        }
        return base.appendingPathComponent("motcua", isDirectory: true).appendingPathComponent("credentials")
    }

    /// The stored credentials, or nil when there are none (or the file is unreadable).
    static func load(from url: URL = fileURL()) -> Credentials? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Credentials.self, from: data)
    }

    /// Writes the file with mode 0600 from the start (never briefly readable by others), replacing
    /// any previous one atomically.
    func save(to url: URL = fileURL()) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self) + Data("\n".utf8)

        let temporary = directory.appendingPathComponent(".credentials.\(getpid()).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path]) }
        defer { close(descriptor) }
        // A umask cannot widen the mode, but an existing temporary file might have another one.
        fchmod(descriptor, 0o600)
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(descriptor) == 0, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Removes the stored credentials, if any.
    static func delete(at url: URL = fileURL()) {
        unlink(url.path)
    }
}
