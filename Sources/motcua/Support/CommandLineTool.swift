import ArgumentParser
import Foundation
import MotCuaClient

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the root command and turns every outcome into one of the documented exit codes
/// (see `ExitStatus`): ArgumentParser's own usage errors would exit with 64, scripts expect 1.
enum CommandLineTool {
    static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
        do {
            var command = try MotCua.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(ExitStatus.ok.rawValue)
        } catch {
            exit(report(error))
        }
    }

    /// Prints what went wrong and returns the exit code.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let error as MotCuaClientError:
            Terminal.printError(message(for: error))
            return ExitStatus(error).rawValue
        case let failure as ImportFailure:
            return failure.status.rawValue
        case let status as ExitStatus:
            return status.rawValue
        case is CancellationError:
            return ExitStatus.connection.rawValue
        default:
            let code = MotCua.exitCode(for: error)
            let text = MotCua.fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { print(text) }
                return ExitStatus.ok.rawValue
            }
            if !text.isEmpty { Terminal.printError(text) }
            return ExitStatus.usage.rawValue
        }
    }

    /// `code: detail` for a problem (one more line per invalid field), the error's description
    /// otherwise.
    static func message(for error: MotCuaClientError) -> String {
        guard case .problem(let problem) = error else { return "error: \(error)" }
        var lines = ["\(problem.code): \(problem.detail ?? problem.title)"]
        lines += problem.invalidParams.map { "  \($0.name): \($0.reason)" }
        if let requestId = problem.requestId { lines.append("  (request id \(requestId))") }
        return lines.joined(separator: "\n")
    }
}

/// The exit codes scripts rely on; documented in `motcua --help` and the README.
enum ExitStatus: Int32, Error {
    /// Success.
    case ok = 0
    /// A usage error: unknown option, missing argument, unreadable input file.
    case usage = 1
    /// The server refused the request (a 4xx problem other than 401 and 404).
    case refused = 2
    /// Not found (404).
    case notFound = 3
    /// Authentication failed or is missing (401).
    case authentication = 4
    /// No connection, TLS failure or timeout.
    case connection = 5
    /// Server error (5xx) or a response the tool cannot read.
    case server = 6
    /// Some rows of an import failed.
    case partialImport = 7

    init(_ error: MotCuaClientError) {
        switch error {
        case .problem(let problem):
            switch problem.status {
            case 401: self = .authentication
            case 404: self = .notFound
            case 400..<500: self = .refused
            default: self = .server
            }
        case .connectFailed, .timedOut, .tls, .transport: self = .connection
        case .responseTooLarge, .unexpectedResponse: self = .server
        }
    }

    static let helpText = """
        EXIT CODES
          0  success
          1  usage error (bad option or argument, unreadable input file)
          2  the server refused the request (4xx problem; `code: detail` is printed to stderr)
          3  not found (404)
          4  authentication required or failed (401): run `motcua login`
          5  connection failed or timed out
          6  server error (5xx) or an unreadable response
          7  an import finished with some rows failed
        """
}

/// Thrown by imports after printing their summary.
struct ImportFailure: Error {
    var status: ExitStatus
}
