import Foundation
import Logging
import MotCuaServer
import MotCuaTestSupport
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

    @Test func controlCharactersInLoggedValuesCannotForgeALine() {
        let forged = "admin\n2026-12-04T09:00:00+0000 info motcua : user=root [MotCuaServer] login succeeded"
        let line = LineLogHandler.format(
            time: Date(), level: .warning, label: "motcua", metadata: ["username": .string(forged + "\u{1B}[2J\t\\")],
            source: "MotCuaServer", message: "login failed for \(forged)\r")
        #expect(line.filter { $0 == "\n" }.count == 1 && line.hasSuffix("\n"))
        #expect(!line.contains("\u{1B}") && !line.contains("\r") && !line.contains("\t"))
        #expect(line.contains("username=admin\\n2026-12-04T09:00:00+0000") && line.contains("\\u{1b}[2J\\t\\\\"))
        #expect(line.hasSuffix("login succeeded\\r\n"))
        // Vietnamese text is left as it is.
        #expect(LineLogHandler.escaped("Nguyễn Thị Ánh") == "Nguyễn Thị Ánh")
    }

    @Test func metadataChangesAreKeptPerLoggerCopy() {
        var handler = LineLogHandler(label: "motcua", level: .info)
        handler[metadataKey: "request.id"] = "1"
        var copy = handler
        copy[metadataKey: "user"] = "admin"
        #expect(handler.metadata.count == 1 && copy.metadata.count == 2)
    }
}
