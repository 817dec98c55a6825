import Foundation
import HTTPTypes
import MotCuaAPI
import MotCuaDomain
import MotCuaStore
import OpenAPIRuntime

/// The printable official forms and the citizens' lookup page.
extension APIHandler {
    func printDossierForm(_ input: Operations.PrintDossierForm.Input) async throws -> Operations.PrintDossierForm.Output {
        let principal = try self.principal
        guard let paperwork = try await dossiers.paperwork(code: input.path.code, for: principal) else {
            throw APIError.notFound("No dossier \(input.path.code).")
        }
        let form = OfficialForm(input.path.form)
        let record = paperwork.record
        if form == .receipt { try principal.authorizeReceipt(receivingUnit: record.receivingUnit) }
        let html = try form.render(paperwork, lookupURL: try lookupURL(code: record.code, lookupKey: record.lookupKey), now: clock.now)
        return .ok(.init(body: .html(HTTPBody(html.text))))
    }

    func showLookupPage(_ input: Operations.ShowLookupPage.Input) async throws -> Operations.ShowLookupPage.Output {
        let code = input.query.code?.trimmingCharacters(in: .whitespaces)
        let key = input.query.lookupKey?.trimmingCharacters(in: .whitespaces)
        var page = LookupPage(code: code, lookupKey: key)
        guard let code, !code.isEmpty, let key, !key.isEmpty else { return .ok(.init(body: .html(HTTPBody(page.html.text)))) }
        do {
            let record = try await publicDossier(code: code, lookupKey: key)
            page.dossier = try await lookupView(record)
            return .ok(.init(body: .html(HTTPBody(page.html.text))))
        } catch {
            let refusal = try pageRefusal(error)
            page.notice = .init(kind: .error, text: refusal.text)
            let body = HTTPBody(page.html.text)
            if let retryAfter = refusal.retryAfter {
                return .tooManyRequests(.init(headers: .init(retryAfter: retryAfter), body: .html(body)))
            }
            return .notFound(.init(body: .html(body)))
        }
    }

    func rateOnLookupPage(_ input: Operations.RateOnLookupPage.Input) async throws -> Operations.RateOnLookupPage.Output {
        guard case .urlEncodedForm(let form) = input.body else { throw APIError.malformed("Send the rating form.") }
        var page = LookupPage(code: form.code, lookupKey: form.lookupKey)
        let rating = Components.Schemas.RatingInput(
            scores: .init(i1: form.i1, i2: form.i2, i3: form.i3, i4: form.i4, i5: form.i5, i6: form.i6, i7: form.i7, i8: form.i8, i9: form.i9),
            satisfaction: form.satisfaction, comment: form.comment?.isEmpty == true ? nil : form.comment)
        var record: DossierRecord?
        do {
            let found = try await publicDossier(code: form.code, lookupKey: form.lookupKey)
            record = found
            let stored = try await rate(found, rating, source: .public, actorID: nil)
            page.notice = .init(kind: .success, text: """
                Cảm ơn Ông/Bà đã đánh giá. Tổng điểm \(stored.total)/18 (\(RatingBand(total: stored.total).vietnameseName)), \
                \(Satisfaction(stored.satisfaction).vietnameseName.lowercased()).
                """)
            page.dossier = try await lookupView(found, rated: true)
            return .created(.init(body: .html(HTTPBody(page.html.text))))
        } catch {
            let refusal = try pageRefusal(error)
            page.notice = .init(kind: .error, text: refusal.text)
            if let record, refusal.status != 404 { page.dossier = try await lookupView(record) }
            let body = HTTPBody(page.html.text)
            switch refusal.status {
            case 404: return .notFound(.init(body: .html(body)))
            case 409: return .conflict(.init(body: .html(body)))
            case 422: return .unprocessableContent(.init(body: .html(body)))
            default: return .tooManyRequests(.init(headers: .init(retryAfter: refusal.retryAfter), body: .html(body)))
            }
        }
    }

    /// The public page's view of a dossier (what `GET /v1/public/dossiers/{code}` answers); whether it
    /// is rated is read only when the caller does not know it already.
    private func lookupView(_ record: DossierRecord, rated: Bool? = nil) async throws -> LookupPage.Dossier {
        let mayRate: Bool
        if !record.status.mayBeRated { mayRate = false }
        else if let rated { mayRate = !rated }
        else { mayRate = !(try await dossiers.isRated(dossierID: record.id)) }
        return LookupPage.Dossier(
            code: record.code, procedureName: record.procedureName, maskedApplicant: Self.mask(record.applicant.fullName),
            status: record.status, appointmentDate: record.appointmentDate, finishedAt: record.finishedAt,
            timeliness: record.timeliness(now: clock.now),
            mayRate: mayRate)
    }

    /// Why the page could not answer, in Vietnamese, with the status to answer it with; errors
    /// other than the citizen's own (a database failure) are rethrown for the problem middleware.
    private func pageRefusal(_ error: any Error) throws -> (status: Int, text: String, retryAfter: Int?) {
        let problem: APIError
        switch error {
        case let error as APIError: problem = error
        case let error as StoreError: problem = ProblemMiddleware.problem(error)
        default: throw error
        }
        switch problem.code {
        case "not-found":
            return (404, "Không tìm thấy hồ sơ có mã hồ sơ và mã tra cứu này. Kiểm tra lại hai mã trên giấy tiếp nhận.", nil)
        case "rate-limited":
            let seconds = problem.headers[.retryAfter].flatMap { Int($0) } ?? 60
            return (429, "Ông/Bà đã tra cứu quá nhiều lần. Vui lòng thử lại sau \(seconds) giây.", seconds)
        case "validation-failed", "already-rated", "not-finished":
            return (problem.status.code, VietnameseProblems.translate(problem).detail ?? problem.title, nil)
        default:
            throw error
        }
    }

    /// The lookup page of a dossier on the server's public address, as the receipt's QR code holds it:
    /// `MOTCUA_PUBLIC_URL`, else the host the officer's browser reached (a host name or address, port).
    private func lookupURL(code: String, lookupKey: String) throws -> String {
        let host = try context.requestHost.flatMap { host in
            host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) } && !host.isEmpty ? host : nil
        }
        let base = configuration.publicURL ?? "http://\(host ?? "\(configuration.host):\(configuration.port)")"
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "code", value: code), URLQueryItem(name: "lookupKey", value: lookupKey)]
        return base + "/tra-cuu" + (components.string ?? "")
    }
}
