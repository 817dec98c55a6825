import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

/// `POST /v1/dossiers/{code}/<action>`: each maps its body to a `DossierCommand`; `perform` does the rest.
extension APIHandler {
    /// Runs `command` and returns the updated dossier with its new ETag.
    private func perform(_ command: DossierCommand, code: String, ifMatch: String?) async throws -> (Components.Schemas.Dossier, String) {
        let now = clock.now
        let principal = try self.principal
        let record = try await dossiers.perform(
            command, code: code, by: principal, ifMatch: try dossierVersion(ifMatch: ifMatch), now: now,
            clock: try await calendars.clock())
        return (.init(record, now: now, for: principal), record.eTag)
    }

    func acceptDossier(_ input: Operations.AcceptDossier.Input) async throws -> Operations.AcceptDossier.Output {
        let (dossier, tag) = try await perform(.accept, code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func refuseDossier(_ input: Operations.RefuseDossier.Input) async throws -> Operations.RefuseDossier.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let (dossier, tag) = try await perform(.refuse(reason: body.reason), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func requestSupplement(_ input: Operations.RequestSupplement.Input) async throws -> Operations.RequestSupplement.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let items = body.items.map { DossierCommand.SupplementItem(documentCode: $0.documentCode, note: $0.note) }
        let (dossier, tag) = try await perform(
            .requestSupplement(reason: body.reason, items: items), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func supplementDossier(_ input: Operations.SupplementDossier.Input) async throws -> Operations.SupplementDossier.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let documents = body.documents.map { FiledDocument(code: $0.code, name: $0.name, digitized: $0.digitized ?? false) }
        let (dossier, tag) = try await perform(.supplement(documents: documents), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func assignDossier(_ input: Operations.AssignDossier.Input) async throws -> Operations.AssignDossier.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let (dossier, tag) = try await perform(
            .assign(assignee: body.assignee, step: body.step), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func forwardDossier(_ input: Operations.ForwardDossier.Input) async throws -> Operations.ForwardDossier.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let (dossier, tag) = try await perform(
            .forward(step: body.step, assignee: body.assignee, note: body.note), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func requestPayment(_ input: Operations.RequestPayment.Input) async throws -> Operations.RequestPayment.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let (dossier, tag) = try await perform(
            .requestPayment(amount: body.amount, description: body.description), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func payDossier(_ input: Operations.PayDossier.Input) async throws -> Operations.PayDossier.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let channel = DossierCommand.PaymentChannel(body.channel)
        let (dossier, tag) = try await perform(.pay(amount: body.amount, channel: channel), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func resolveDossier(_ input: Operations.ResolveDossier.Input) async throws -> Operations.ResolveDossier.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let (dossier, tag) = try await perform(.resolve(note: body.note), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func stopDossier(_ input: Operations.StopDossier.Input) async throws -> Operations.StopDossier.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let (dossier, tag) = try await perform(.stop(reason: body.reason), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func returnDossier(_ input: Operations.ReturnDossier.Input) async throws -> Operations.ReturnDossier.Output {
        let (dossier, tag) = try await perform(.return, code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func withdrawDossier(_ input: Operations.WithdrawDossier.Input) async throws -> Operations.WithdrawDossier.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let (dossier, tag) = try await perform(.withdraw(reason: body.reason), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }

    func apologizeDossier(_ input: Operations.ApologizeDossier.Input) async throws -> Operations.ApologizeDossier.Output {
        guard case .json(let body) = input.body else { throw APIError.malformed("Send a JSON body.") }
        let date = try Self.parseDate(body.newAppointmentDate, name: "newAppointmentDate")
        let (dossier, tag) = try await perform(
            .apologize(reason: body.reason, newAppointmentDate: date), code: input.path.code, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: tag), body: .json(dossier)))
    }
}
