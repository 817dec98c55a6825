import Foundation
import Logging
import Synchronization

/// Log lines on standard error in `StreamLogHandler`'s format
/// (`2026-11-26T09:00:00+0000 info motcua : request.id=ab12 user=admin [MotCuaServer] message`), but
/// metadata is formatted when a line is written, not each time it changes: every request sets three
/// keys (Hummingbird's request id, ours, the user) and `StreamLogHandler` re-formatted all of them
/// each time, about a tenth of the server's CPU on a cheap endpoint, even with nothing logged.
public struct LineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    private let label: String

    public init(label: String, level: Logger.Level, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider) {
        self.label = label
        self.logLevel = level
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, provided in provided } }
        if let explicit = event.metadata { merged.merge(explicit) { _, explicit in explicit } }
        let line = Self.format(
            time: Date(), level: event.level, label: label, metadata: merged, source: event.source, message: event.message.description)
        Self.standardError.withLock { _ in
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// One line, ending in a newline; metadata sorted by key. Control characters in the message and
    /// the metadata (a username typed at a failed login, say) are escaped, so no input can start a
    /// forged line or move a terminal's cursor.
    public static func format(time: Date, level: Logger.Level, label: String, metadata: Logger.Metadata, source: String, message: String) -> String {
        let fields = metadata.sorted { $0.key < $1.key }.map { " \(escaped($0.key))=\(escaped("\($0.value)"))" }.joined()
        return "\(timestamp(time)) \(level) \(label) :\(fields) [\(source)] \(escaped(message))\n"
    }

    /// `\n`, `\r`, `\t` and `\\` as two characters; other C0/C1 controls and DEL as `\u{…}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\\" }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\\": out += "\\\\"
            case _ where scalar.properties.generalCategory == .control: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func timestamp(_ time: Date) -> String {
        var seconds = time_t(time.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Serialises writes so lines of concurrent requests never interleave.
    private static let standardError = Mutex(())
}
