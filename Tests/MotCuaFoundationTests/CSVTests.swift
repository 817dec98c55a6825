import MotCuaFoundation
import Testing

@Suite struct CSVTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1\""),
    ])
    func formulasBecomeText(cell: String, written: String) {
        #expect(CSV.field(cell) == written)
    }

    @Test(arguments: ["-12.5", "-3", "+84901234567", "0.9167", "Nguyễn Văn A", "", "a-b", "1.001193"])
    func ordinaryCellsAreUnchanged(cell: String) {
        #expect(CSV.field(cell) == cell)
    }

    @Test func quotingFollowsRFC4180() {
        #expect(CSV.record(["a,b", "say \"hi\"", "line\r\nbreak", "x"]) == "\"a,b\",\"say \"\"hi\"\"\",\"line\r\nbreak\",x\r\n")
        #expect(CSV.field("-") == "'-")
        #expect(CSV.field("-.") == "'-.")
        #expect(CSV.field("1.") == "1.")
    }

    @Test func terminalTextDropsControlsAndBidiOverrides() {
        #expect(TerminalText.sanitized("a\u{1B}[2Jb") == "a[2Jb")
        #expect(TerminalText.sanitized("x\u{1B}]0;pwned\u{07}y") == "x]0;pwnedy")
        #expect(TerminalText.sanitized("line\r\nnext\tcol") == "line next col")
        #expect(TerminalText.sanitized("abc\u{202E}fdp.exe") == "abcfdp.exe")
        #expect(TerminalText.sanitized("\u{9B}31m Nguyễn") == "31m Nguyễn")
        #expect(TerminalText.sanitized("Trần Thị Bình") == "Trần Thị Bình")
    }
}
