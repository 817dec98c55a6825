import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
import MotCuaPostgres
import MotCuaServer
import MotCuaTestSupport
import Testing

/// The browser: `MOTCUA_CHROMIUM` (set by `make test`, so a missing one fails there), else Debian's when installed.
let chromiumPath: String? = ProcessInfo.processInfo.environment["MOTCUA_CHROMIUM"]
    ?? (FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") ? "/usr/bin/chromium" : nil)

/// The pages in a real browser: headless Chromium (Debian's `chromium`, which `make test` installs
/// and names in `MOTCUA_CHROMIUM`) submits the lookup form and prints the receipt to PDF, which
/// poppler's tools read and zbar scans.
@Suite(.enabled(if: chromiumPath != nil, "needs Chromium: `make test` installs it and sets MOTCUA_CHROMIUM"))
struct BrowserTests {

    @Test func aCitizenLooksUpADossierWithTheForm() async throws {
        let chromium = try #require(chromiumPath)
        try await withTestApp(clock: ManualClock(actionDay).serverClock) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .inProgress, world, client)
            let port = try #require(client.port)
            let script = Self.repository.appendingPathComponent("Tests/Browser/submit_form.py").path
            let run = try await Subprocess.run("/usr/bin/env", [
                "python3", script, chromium, "http://127.0.0.1:\(port)/tra-cuu",
                "code=\(dossier.code)", "lookupKey=\(dossier.lookupKey)", "--read", "trang-thai",
            ])
            #expect(run.status == 0, "\(run.error)")
            struct Answer: Decodable { var status: Int; var url: String; var text: String? }
            let answer = try JSONDecoder().decode(Answer.self, from: Data(run.output.utf8))
            #expect(answer.status == 200)
            #expect(answer.url.contains("/tra-cuu?code=\(dossier.code)&lookupKey=\(dossier.lookupKey)"))
            #expect(answer.text?.trimmingCharacters(in: .whitespacesAndNewlines) == DossierStatus.inProgress.nationalName)
        }
    }

    @Test func theReceiptPrintsOnOneA4PageWhoseQRCodeScans() async throws {
        let chromium = try #require(chromiumPath)
        let publicURL = "https://dichvucong.xa-thu.gov.vn"
        try await withTestApp(clock: ManualClock(actionDay).serverClock, environment: ["MOTCUA_PUBLIC_URL": publicURL]) { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await makeDossier(in: .received, world, client)
            let receipt = try await client.get("/v1/dossiers/\(dossier.code)/forms/receipt", token: world.reception.token)
            #expect(receipt.status == .ok)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-print-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let html = folder.appendingPathComponent("receipt.html"), pdf = folder.appendingPathComponent("receipt.pdf")
            try Data(receipt.text.utf8).write(to: html)
            let print = try await Subprocess.run(chromium, [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder.path)/profile",
                "--print-to-pdf=\(pdf.path)", html.absoluteString,
            ])
            #expect(print.status == 0, "\(print.error)")
            let info = try await Subprocess.run("/usr/bin/env", ["pdfinfo", pdf.path])
            // pdfinfo prints "Pages: 1" and "Page size: 594.96 x 841.92 pts (A4)", padded.
            let fields = Dictionary(info.output.split(separator: "\n").compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }, uniquingKeysWith: { first, _ in first })
            #expect(fields["Pages"] == "1", "\(info.output)")
            #expect(fields["Page size"]?.hasSuffix("(A4)") == true, "\(info.output)")
            let text = try await Subprocess.run("/usr/bin/env", ["pdftotext", "-layout", pdf.path, "-"])
            #expect(text.output.contains(dossier.code) && text.output.contains(dossier.lookupKey), "\(text.output)")
            #expect(text.output.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
            // A scanner reads the printed QR code as the dossier's lookup page.
            _ = try await Subprocess.run("/usr/bin/env", ["pdftoppm", "-r", "200", "-png", pdf.path, folder.appendingPathComponent("page").path])
            let scan = try await Subprocess.run("/usr/bin/env", ["zbarimg", "-q", "--raw", folder.appendingPathComponent("page-1.png").path])
            #expect(scan.output.trimmingCharacters(in: .whitespacesAndNewlines)
                == "\(publicURL)/tra-cuu?code=\(dossier.code)&lookupKey=\(dossier.lookupKey)", "\(scan.error)")
        }
    }

    /// The package's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Runs a program to its end without holding a thread of Swift's cooperative pool while it runs
/// (the server under test runs there too); its output goes to files, so it never blocks on a pipe.
enum Subprocess {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ executable: String, _ arguments: [String]) async throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return Result(status: status, output: try String(contentsOf: out, encoding: .utf8), error: try String(contentsOf: err, encoding: .utf8))
    }
}
