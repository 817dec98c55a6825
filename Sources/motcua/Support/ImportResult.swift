import Foundation
import MotCuaClient

/// The outcome of one row of an import, printed as a table, JSON or CSV.
struct ImportResult: Encodable {
    var row: Int
    var code: String
    var status: String
    var error: String
    var detail: String

    var failed: Bool { !error.isEmpty }

    static func failed(row: Int, code: String, _ error: MotCuaClientError) -> ImportResult {
        if case .problem(let problem) = error {
            var detail = problem.detail ?? problem.title
            if !problem.invalidParams.isEmpty {
                detail += " (" + problem.invalidParams.map { "\($0.name): \($0.reason)" }.joined(separator: "; ") + ")"
            }
            return ImportResult(row: row, code: code, status: "failed", error: problem.code, detail: detail)
        }
        return ImportResult(row: row, code: code, status: "failed", error: "transport", detail: "\(error)")
    }

    static let columns: [Column<ImportResult>] = [
        Column("row") { String($0.row) }, Column("code") { $0.code }, Column("status") { $0.status },
        Column("error") { $0.error }, Column("detail") { $0.detail },
    ]

    /// Errors that would fail every remaining row stop the import: no connection, or no valid token.
    /// What was done so far is printed first.
    static func abortIfFatal(_ error: MotCuaClientError, results: [ImportResult], format: OutputFormat) throws {
        let status = ExitStatus(error)
        guard status == .connection || status == .authentication else { return }
        try? Output.list(results, columns: columns, format: format)
        Terminal.printError("Import stopped after \(results.count) rows; a re-run skips the rows already imported.")
        throw error
    }

    /// Prints the results and a summary on stderr; throws exit status 7 when some rows failed.
    static func finish(_ results: [ImportResult], noun: String, format: OutputFormat) throws {
        try Output.list(results, columns: columns, format: format)
        let failures = results.filter(\.failed)
        Terminal.printError("\(results.count - failures.count) of \(results.count) \(noun) imported, \(failures.count) failed.")
        for failure in failures {
            Terminal.printError("  row \(failure.row)\(failure.code.isEmpty ? "" : " (\(failure.code))"): \(failure.error): \(failure.detail)")
        }
        if !failures.isEmpty { throw ImportFailure(status: .partialImport) }
    }
}
