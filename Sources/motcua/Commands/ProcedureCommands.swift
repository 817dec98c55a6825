import ArgumentParser
import Foundation
import MotCuaClient

/// `motcua procedures ...`.
struct ProcedureCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procedures",
        abstract: "Search, show and publish procedures of the catalog.",
        subcommands: [List.self, Show.self, Put.self, Import.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the catalog (current versions), every page.",
            discussion: """
                EXAMPLES
                  motcua procedures list --q "dang ky khai sinh"
                  motcua procedures list --field "Hộ tịch" --output csv
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "Words of the name or part of the code, accents optional.") var q: String?
        @Option(help: "Only this field (lĩnh vực), exactly.") var field: String?
        @Option(help: "At most this many procedures (default: all).") var limit: Int?

        mutating func run() async throws {
            let client = try global.client()
            var items: [Procedure] = []
            for try await procedure in client.procedures.all(q: q, field: field, pageSize: min(limit ?? 500, 500)) {
                items.append(procedure)
                if let limit, items.count >= limit { break }
            }
            try Output.list(items, columns: Columns.procedureList, format: global.format)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a procedure (its current version, or --version N).",
            discussion: """
                EXAMPLES
                  motcua procedures show 1.001193
                  motcua procedures show 1.001193 --version 1 --output json
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The procedure code, e.g. 1.001193.") var code: String
        @Option(help: "A published version instead of the current one.") var version: Int?

        mutating func run() async throws {
            let client = try global.client()
            let procedure = if let version {
                try await client.procedures.get(code, version: version)
            } else {
                try await client.procedures.get(code)
            }
            try Output.single(procedure, columns: Columns.procedure, format: global.format)
        }
    }

    struct Put: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a new version of a procedure from a JSON file (admin).",
            discussion: """
                FILE.json is the API's ProcedureInput (name, field, processingTime, documents, steps, onlineLevel, ...) with a "code" field, or without one when --code is given.

                EXAMPLE
                  motcua procedures put khai-sinh.json --code 1.001193
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "A JSON file with one procedure.") var file: String
        @Option(help: "The procedure code (overrides the file's \"code\").") var code: String?

        mutating func run() async throws {
            let client = try global.client()
            let item = try ProcedureFile.decode(ProcedureFile.Item.self, from: file)
            guard let code = code ?? item.code else { throw ValidationError("\(file): no \"code\" and no --code") }
            let procedure = try await client.procedures.put(code, item.input)
            try Output.single(procedure, columns: Columns.procedure, format: global.format)
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish every procedure of a JSON array (admin).",
            discussion: """
                FILE.json is an array of procedures as for `procedures put`, each with its "code". Each is PUT in turn (publishing an unchanged procedure again only adds a version, so a re-run is harmless). Prints one line per procedure and a summary of failures; exits with 7 when some failed.

                EXAMPLE
                  motcua procedures import catalog.json --output csv > published.csv
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "A JSON file with an array of procedures.") var file: String

        mutating func run() async throws {
            let client = try global.client()
            let items = try ProcedureFile.decode([ProcedureFile.Item].self, from: file)
            var results: [ImportResult] = []
            var progress = ProgressBar(total: items.count)
            for (index, item) in items.enumerated() {
                let row = index + 1
                guard let code = item.code else {
                    results.append(.init(row: row, code: "", status: "failed", error: "usage", detail: "no \"code\""))
                    continue
                }
                do {
                    let procedure = try await client.procedures.put(code, item.input)
                    results.append(.init(row: row, code: code, status: "published v\(procedure.version)", error: "", detail: ""))
                } catch let error as MotCuaClientError {
                    try ImportResult.abortIfFatal(error, results: results, format: global.format)
                    results.append(.failed(row: row, code: code, error))
                }
                progress.update(done: row, failed: results.count { $0.failed })
            }
            progress.finish()
            try ImportResult.finish(results, noun: "procedures", format: global.format)
        }
    }
}

/// Reading procedure JSON files.
enum ProcedureFile {
    /// A procedure of a file: its code (optional for `put --code`) and the API body.
    struct Item: Decodable {
        var code: String?
        var input: ProcedureInput

        private enum Keys: String, CodingKey { case code }

        init(from decoder: any Decoder) throws {
            code = try decoder.container(keyedBy: Keys.self).decodeIfPresent(String.self, forKey: .code)
            input = try ProcedureInput(from: decoder)
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw ValidationError("\(path): not a valid procedure file: \(JSONErrors.describe(error))")
        }
    }
}

/// Short descriptions of JSON decoding errors, with the path of the offending field.
enum JSONErrors {
    static func describe(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "" : " at \(text.hasPrefix(".") ? String(text.dropFirst()) : text)"
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context): return "missing \"\(key.stringValue)\"\(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            return context.debugDescription + path(context)
        default: return "\(error)"
        }
    }
}
