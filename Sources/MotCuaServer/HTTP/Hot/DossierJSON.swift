import Foundation
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

extension JSONWriter {
    /// The `Dossier` schema of `record` as `principal` sees it at `now`: the bytes the generated
    /// layer writes for `Components.Schemas.Dossier(record, now:, for:)` (Mapping+Dossier.swift), keys in
    /// byte order. A field added to the schema is added to both; `HotRoutesTests` fails until it is.
    mutating func dossier(_ d: DossierRecord, now: Date, for principal: Principal) {
        object { w in
            if d.status == .submitted { w.member("acceptBy", d.acceptBy) }
            w.key("allowedActions")
            w.array(d.allowedActions(for: principal).compactMap(Components.Schemas.DossierActionName.init)) { $0.string($1.rawValue) }
            w.member("apologized", d.apologized)
            w.key("applicant")
            w.object { a in
                a.member("address", d.applicant.address)
                a.member("email", d.applicant.email)
                a.member("fullName", d.applicant.fullName)
                a.member("idNumber", d.applicant.idNumber)
                a.member("phone", d.applicant.phone)
            }
            w.member("appointmentDate", d.appointmentDate?.description)
            w.member("assignee", d.assignee)
            w.member("channel", d.channel.rawValue)
            w.member("code", d.code)
            w.member("createdAt", d.createdAt)
            w.member("currentStep", d.step) { w, step in
                w.object { s in
                    s.member("assignee", step.assignee)
                    s.member("code", step.code)
                    s.member("deadline", step.deadline)
                    s.member("name", step.name)
                    s.member("openedAt", step.openedAt)
                    s.member("pausedAt", step.pausedAt)
                }
            }
            w.key("documents")
            w.array(d.documents) { w, document in
                w.object { o in
                    o.member("code", document.code)
                    o.member("digitized", document.digitized)
                    o.member("name", document.name)
                }
            }
            w.member("dueDate", d.dueDate?.description)
            w.member("externalReference", d.externalReference)
            w.key("fees")
            w.object { f in
                f.member("paid", d.feePaid)
                f.key("payments")
                f.array(d.payments) { w, payment in
                    w.object { p in
                        p.member("amount", payment.amount)
                        p.member("at", payment.at)
                        p.member("channel", (Components.Schemas.PaymentChannel(rawValue: payment.channel) ?? .cash).rawValue)
                    }
                }
                f.member("requested", d.feeRequested)
            }
            w.member("finishedAt", d.finishedAt)
            w.member("handlingUnit", d.handlingUnit)
            w.member("lookupKey", d.lookupKey)
            w.member("note", d.note)
            w.key("procedure")
            w.object { p in
                p.member("code", d.procedureCode)
                p.member("name", d.procedureName)
                p.member("version", d.procedureVersion)
            }
            w.member("receivedAt", d.receivedAt)
            w.member("receivingUnit", d.receivingUnit)
            w.member("startDate", d.startDate?.description)
            w.member("status", d.status.rawValue)
            w.member("statusCode", d.status.code)
            w.member("submittedAt", d.submittedAt)
            w.member("supplementRequests", d.supplementRequests)
            w.member("timeliness", d.timeliness(now: now).flatMap { Components.Schemas.Timeliness(rawValue: $0.rawValue) }?.rawValue)
            w.member("updatedAt", d.updatedAt)
            w.member("version", d.version)
        }
    }
}
