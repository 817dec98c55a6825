import Foundation
import Logging
import MotCuaServer
import Testing

@Suite struct LineLogHandlerTests {
    @Test func linesKeepStreamLogHandlersFormatWithSortedMetadata() {
        let line = LineLogHandler.format(
            time: Date(timeIntervalSince1970: 0), level: .info, label: "motcua",
            metadata: ["user": "admin", "request.id": "ab12"], source: "MotCuaServer", message: "sweep done")
        #expect(line.hasSuffix(" info motcua : request.id=ab12 user=admin [MotCuaServer] sweep done\n"))
        #expect(line.hasPrefix("1970-01-01T") || line.hasPrefix("1969-12-31T"))  // local time of the epoch
        let bare = LineLogHandler.format(time: Date(), level: .warning, label: "x", metadata: [:], source: "S", message: "m")
        #expect(bare.hasSuffix(" warning x : [S] m\n"))
    }

    @Test func metadataChangesAreKeptPerLoggerCopy() {
        var handler = LineLogHandler(label: "motcua", level: .info)
        handler[metadataKey: "request.id"] = "1"
        var copy = handler
        copy[metadataKey: "user"] = "admin"
        #expect(handler.metadata.count == 1 && copy.metadata.count == 2)
    }
}
