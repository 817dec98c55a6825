import Foundation
import MotCuaDomain
import MotCuaStore

/// The official forms of the one-stop mechanism a dossier can print (`GET /v1/dossiers/{code}/forms/{form}`).
enum OfficialForm: String, CaseIterable {
    case receipt
    case supplementRequest = "supplement-request"
    case refusal
    case apology
    case controlSlip = "control-slip"

    /// The form as an HTML page, or `form-not-issued` when the dossier has not got it (yet).
    ///
    /// - Parameters:
    ///   - lookupURL: the public lookup page of this dossier, for the receipt's QR code.
    ///   - now: when it is printed (the control slip says whether the dossier is on time now).
    func render(_ paperwork: DossierPaperwork, lookupURL: String, now: Date) throws -> HTML {
        let record = paperwork.record
        switch self {
        case .receipt:
            guard let receivedAt = record.receivedAt else { throw notIssued("it has not been received at the desk") }
            return ReceiptForm(paperwork: paperwork, receivedAt: receivedAt, lookupURL: lookupURL).page.html
        case .supplementRequest:
            guard let request = paperwork.supplementRequests.last else { throw notIssued("no supplement was requested") }
            return DecisionForms.supplementRequest(paperwork, request).html
        case .refusal:
            guard record.status == .refused, let refusal = paperwork.refusal else { throw notIssued("it was not refused") }
            return DecisionForms.refusal(paperwork, refusal).html
        case .apology:
            guard let apology = paperwork.apology, let dueDate = record.dueDate,
                let newDate = apology.newAppointmentDate.flatMap({ LocalDate(iso: $0) })
            else { throw notIssued("the unit has not apologised for it") }
            return DecisionForms.apology(paperwork, apology, originalDueDate: dueDate, newDate: newDate).html
        case .controlSlip:
            guard let receivedAt = record.receivedAt else { throw notIssued("it has not been received at the desk") }
            return ControlSlipForm(paperwork: paperwork, receivedAt: receivedAt, now: now).page.html
        }
    }

    private func notIssued(_ why: String) -> APIError {
        .conflict("form-not-issued", "This dossier has no \(lookupName) form: \(why).")
    }

    private var lookupName: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// How the forms write what every one of them needs.
enum FormText {
    /// "Ông/Bà <b>Nguyễn Văn A</b>".
    static func applicant(_ record: DossierRecord) -> HTML { "Ông/Bà <b>\(record.applicant.fullName)</b>" }

    /// The procedure line of every form.
    static func procedure(_ record: DossierRecord) -> HTML {
        "<p>Nội dung yêu cầu giải quyết: <b>\(record.procedureName)</b> (thủ tục \(record.procedureCode)).</p>"
    }

    /// "1.250.000 đồng".
    static func money(_ amount: Int64) -> String {
        let digits = Array(String(amount.magnitude))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return (amount < 0 ? "-" : "") + grouped + " đồng"
    }

    /// The name of a component of the dossier's procedure, or its code when the procedure has no such component.
    static func documentName(_ code: String, in procedure: ProcedureDefinition) -> String {
        procedure.documents.first { $0.code == code }?.name ?? code
    }
}
