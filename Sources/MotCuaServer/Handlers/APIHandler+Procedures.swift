import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

extension APIHandler {
    func listProcedures(_ input: Operations.ListProcedures.Input) async throws -> Operations.ListProcedures.Output {
        let page = try await procedures.list(
            search: input.query.q, field: input.query.field, limit: pageSize(input.query.limit), cursor: input.query.cursor)
        return .ok(.init(body: .json(.init(items: page.items.map(Components.Schemas.Procedure.init), nextCursor: NullableString(page.nextCursor)))))
    }

    func getProcedure(_ input: Operations.GetProcedure.Input) async throws -> Operations.GetProcedure.Output {
        guard let record = try await procedures.get(code: input.path.code) else {
            throw APIError.notFound("No procedure \(input.path.code).")
        }
        return .ok(.init(body: .json(.init(record))))
    }

    func getProcedureVersion(_ input: Operations.GetProcedureVersion.Input) async throws -> Operations.GetProcedureVersion.Output {
        guard let record = try await procedures.get(code: input.path.code, version: input.path.version) else {
            throw APIError.notFound("No version \(input.path.version) of procedure \(input.path.code).")
        }
        return .ok(.init(body: .json(.init(record))))
    }

    func putProcedure(_ input: Operations.PutProcedure.Input) async throws -> Operations.PutProcedure.Output {
        let admin = try require([.nationalAdmin], to: "publish procedures to the national catalog")
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        // Limits of the contract the generated decoder does not enforce, then the catalog's rules;
        // everything is reported at once and nothing is written unless both are clean.
        var problems = Self.contractProblems(body)
        if !problems.contains(where: { $0.name.hasPrefix("processingTime") || $0.name == "cutoffTime" }) {
            let definition = try ProcedureDefinition(code: input.path.code, input: body)
            for violation in definition.violations() where !problems.contains(where: { $0.name == violation.field }) {
                problems.append(.init(name: violation.field, reason: violation.reason))
            }
        } else if !ProcedureDefinition.isValidCode(input.path.code) {
            problems.append(.init(name: "code", reason: "must look like 1.001193"))
        }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        let definition = try ProcedureDefinition(code: input.path.code, input: body)
        let record = try await procedures.publish(definition, by: admin.userID)
        let procedure = Components.Schemas.Procedure(record)
        if record.version == 1 {
            return .created(.init(headers: .init(location: "/v1/procedures/\(record.definition.code)"), body: .json(procedure)))
        }
        return .ok(.init(body: .json(procedure)))
    }
}

extension APIHandler {
    /// The ranges and patterns `openapi.yaml` declares for a procedure body.
    static func contractProblems(_ input: Components.Schemas.ProcedureInput) -> [APIError.InvalidParam] {
        var problems: [APIError.InvalidParam] = []
        func check(_ ok: Bool, _ name: String, _ reason: String) {
            if !ok { problems.append(.init(name: name, reason: reason)) }
        }
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        check(!name.isEmpty && name.count <= 500, "name", "must be 1-500 characters, not blank")
        let field = input.field.trimmingCharacters(in: .whitespacesAndNewlines)
        check(!field.isEmpty && field.count <= 200, "field", "must be 1-200 characters, not blank")
        check((0...3650).contains(input.processingTime.value), "processingTime.value", "must be 0-3650")
        if let cutoff = input.cutoffTime { check(LocalTime(iso: cutoff) != nil, "cutoffTime", "must be HH:MM") }
        if let fee = input.fee {
            check(fee.amount >= 0, "fee.amount", "must be 0 or more")
            check((fee.description ?? "").count <= 500, "fee.description", "must be at most 500 characters")
        }
        check(input.documents.count <= 100, "documents", "must have at most 100 entries")
        for (index, document) in input.documents.enumerated() {
            check(Self.matches(document.code, extra: "_.-", upper: true, max: 40), "documents[\(index)].code", "must be 1-40 letters, digits, '_', '.' or '-'")
            check(!document.name.trimmingCharacters(in: .whitespaces).isEmpty && document.name.count <= 500, "documents[\(index)].name", "must be 1-500 characters, not blank")
            check((1...20).contains(document.copies), "documents[\(index)].copies", "must be 1-20")
        }
        check(input.steps.count <= 30, "steps", "must have at most 30 entries")
        for (index, step) in input.steps.enumerated() {
            check(Self.matches(step.code, extra: "_-", upper: true, max: 40), "steps[\(index)].code", "must be 1-40 letters, digits, '_' or '-'")
            check(!step.name.trimmingCharacters(in: .whitespaces).isEmpty && step.name.count <= 200, "steps[\(index)].name", "must be 1-200 characters, not blank")
            check((1...2000).contains(step.durationHours), "steps[\(index)].durationHours", "must be 1-2000 working hours")
        }
        check((input.legalBasis ?? "").count <= 2000, "legalBasis", "must be at most 2000 characters")
        check((input.result ?? "").count <= 500, "result", "must be at most 500 characters")
        return problems
    }

    private static func matches(_ text: String, extra: String, upper: Bool, max: Int) -> Bool {
        let extras = Set(extra.utf8)
        return (1...max).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (upper && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)) || extras.contains(byte)
        }
    }
}

extension ProcedureDefinition {
    init(code: String, input: Components.Schemas.ProcedureInput) throws {
        guard let unit = ProcessingTime.Unit(rawValue: input.processingTime.unit.rawValue),
            let time = ProcessingTime(value: input.processingTime.value, unit: unit)
        else { throw APIError.validation("processingTime", "must be a non-negative value with a known unit") }
        let cutoff = try input.cutoffTime.map { text in
            guard let time = LocalTime(iso: text) else { throw APIError.validation("cutoffTime", "must be HH:MM") }
            return time
        }
        self.init(
            code: code, name: input.name.trimmingCharacters(in: .whitespacesAndNewlines),
            field: input.field.trimmingCharacters(in: .whitespacesAndNewlines), processingTime: time,
            cutoff: cutoff ?? .defaultCutoff, feeAmount: input.fee?.amount ?? 0, feeDescription: input.fee?.description ?? "",
            documents: input.documents.map {
                Document(code: $0.code, name: $0.name, copies: $0.copies, mandatory: $0.mandatory, formUrl: $0.formUrl)
            },
            steps: input.steps.map {
                Step(code: $0.code, name: $0.name, role: Role(rawValue: $0.role.rawValue) ?? .specialist, durationHours: $0.durationHours)
            },
            onlineLevel: OnlineLevel(rawValue: input.onlineLevel.rawValue) ?? .none,
            legalBasis: input.legalBasis ?? "", result: input.result ?? "")
    }
}

extension Components.Schemas.Procedure {
    init(_ record: ProcedureRecord) {
        let d = record.definition
        self.init(
            code: d.code, name: d.name, field: d.field, version: record.version,
            processingTime: .init(value: d.processingTime.value, unit: .init(rawValue: d.processingTime.unit.rawValue)!),
            cutoffTime: d.cutoff.description, fee: .init(amount: d.feeAmount, description: d.feeDescription),
            documents: d.documents.map { .init(code: $0.code, name: $0.name, copies: $0.copies, mandatory: $0.mandatory, formUrl: $0.formUrl) },
            steps: d.steps.map { .init(code: $0.code, name: $0.name, role: .init(rawValue: $0.role.rawValue)!, durationHours: $0.durationHours) },
            onlineLevel: .init(rawValue: d.onlineLevel.rawValue)!, legalBasis: d.legalBasis, result: d.result,
            publishedAt: record.publishedAt)
    }
}
