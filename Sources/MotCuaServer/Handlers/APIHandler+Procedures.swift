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
        // The body's shape (lengths, ranges, codes, not blank) is the contract's; the catalog's rules
        // (unique codes, steps that add up, fees by channel) are the definition's, all reported at once.
        let definition = try ProcedureDefinition(code: input.path.code, input: body)
        let problems = definition.violations().map { APIError.InvalidParam(name: $0.field, reason: $0.reason) }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        let record = try await procedures.publish(definition, by: admin.userID)
        let procedure = Components.Schemas.Procedure(record)
        if record.version == 1 {
            return .created(.init(headers: .init(location: "/v1/procedures/\(record.definition.code)"), body: .json(procedure)))
        }
        return .ok(.init(body: .json(procedure)))
    }
}

extension ProcedureDefinition {
    init(code: String, input: Components.Schemas.ProcedureInput) throws {
        guard let time = ProcessingTime(value: input.processingTime.value, unit: .init(input.processingTime.unit)) else {
            throw APIError.validation("processingTime", "must be a non-negative value")
        }
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
                Step(code: $0.code, name: $0.name, role: Role($0.role), durationHours: $0.durationHours)
            },
            onlineLevel: OnlineLevel(input.onlineLevel),
            legalBasis: input.legalBasis ?? "", result: input.result ?? "")
    }
}

extension Components.Schemas.Procedure {
    init(_ record: ProcedureRecord) {
        let d = record.definition
        self.init(
            code: d.code, name: d.name, field: d.field, version: record.version,
            processingTime: .init(value: d.processingTime.value, unit: .init(d.processingTime.unit)),
            cutoffTime: d.cutoff.description, fee: .init(amount: d.feeAmount, description: d.feeDescription),
            documents: d.documents.map { .init(code: $0.code, name: $0.name, copies: $0.copies, mandatory: $0.mandatory, formUrl: $0.formUrl) },
            steps: d.steps.map { .init(code: $0.code, name: $0.name, role: .init($0.role), durationHours: $0.durationHours) },
            onlineLevel: .init(d.onlineLevel), legalBasis: d.legalBasis, result: d.result,
            publishedAt: record.publishedAt)
    }
}
