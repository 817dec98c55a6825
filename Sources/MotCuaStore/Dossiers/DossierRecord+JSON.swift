import Foundation
import MotCuaPostgres

// The dossier's JSON columns, read by hand on every row of a list (see `JSONScannable`). The keys
// are those `Encodable` writes (and `DossierRecord.selectList` builds for payments);
// `DossierJSONTests` round-trips every field through PostgreSQL.

extension Applicant: JSONScannable {
    public init(json: inout JSONScanner) throws {
        var fullName: String?, idNumber: String?, phone: String?, email: String?, address: String?
        try json.beginObject()
        while let key = try json.nextKey() {
            switch key {
            case "fullName": fullName = try json.string()
            case "idNumber": idNumber = try json.string()
            case "phone": phone = try json.null() ? nil : json.string()
            case "email": email = try json.null() ? nil : json.string()
            case "address": address = try json.null() ? nil : json.string()
            default: try json.skipValue()
            }
        }
        self.init(
            fullName: try json.required(fullName, "fullName"), idNumber: try json.required(idNumber, "idNumber"),
            phone: phone, email: email, address: address)
    }
}

extension FiledDocument: JSONScannable {
    public init(json: inout JSONScanner) throws {
        var code: String?, name: String?, digitized = false
        try json.beginObject()
        while let key = try json.nextKey() {
            switch key {
            case "code": code = try json.string()
            case "name": name = try json.string()
            // Rows written by imports or older versions may lack it: read as not digitized.
            case "digitized": digitized = try json.null() ? false : json.bool()
            default: try json.skipValue()
            }
        }
        self.init(code: try json.required(code, "code"), name: try json.required(name, "name"), digitized: digitized)
    }
}

extension PaymentRecord: JSONScannable {
    public init(json: inout JSONScanner) throws {
        var amount: Int64?, channel: String?, epoch: Double?
        try json.beginObject()
        while let key = try json.nextKey() {
            switch key {
            case "amount": amount = try json.int64()
            case "channel": channel = try json.string()
            case "epoch": epoch = try json.double()
            default: try json.skipValue()
            }
        }
        self.init(
            amount: try json.required(amount, "amount"), channel: try json.required(channel, "channel"),
            at: Date(timeIntervalSince1970: try json.required(epoch, "epoch")))
    }
}
