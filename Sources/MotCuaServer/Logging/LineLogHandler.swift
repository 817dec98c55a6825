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

    /// One line, ending in a newline; metadata sorted by key.
    public static func format(time: Date, level: Logger.Level, label: String, metadata: Logger.Metadata, source: String, message: String) -> String {
        let fields = metadata.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        return "\(timestamp(time)) \(level) \(label) :\(fields) [\(source)] \(message)\n"
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
