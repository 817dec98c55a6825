import Foundation
import MotCuaAPI
@testable import MotCuaClient
import Testing

/// The client's own model types against the generated ones they wrap.
@Suite struct ClientModelTests {
    /// Each enum of the client has the contract's cases with the contract's values, both ways.
    @Test func enumsHaveTheContractsCasesAndValues() {
        expectSame(Role.init, \.schema)
        expectSame(TimeUnit.init, \.schema)
        expectSame(LoginOutcome.init, \.schema)
        expectSame(DayType.init, \.schema)
        expectSame(DossierStatus.init, \.schema)
        expectSame(Channel.init, \.schema)
        #expect(DossierForm.allCases.map(\.schema.rawValue) == DossierForm.allCases.map(\.rawValue))
        #expect(DossierForm.allCases.count == Components.Schemas.DossierForm.allCases.count)
        expectSame(EventType.init, \.schema)
        expectSame(DeliveryState.init, \.schema)
        expectSame(Satisfaction.init, \.schema)
        expectSame(UnitKind.init, \.schema)
        expectSame(OnlineLevel.init, \.schema)
        expectSame(PaymentChannel.init, \.schema)
        expectSame(StepRole.init, \.schema)
        #expect(ReportLanguage.allCases.map(\.schema.rawValue) == Components.Parameters.Lang.allCases.map(\.rawValue))
        expectSame(Timeliness.init as (Components.Schemas.Timeliness) -> Timeliness)
        expectSame(DossierActionName.init as (Components.Schemas.DossierActionName) -> DossierActionName)
        expectSame(RatingBand.init as (Components.Schemas.RatingBand) -> RatingBand)
        expectSame(StepTimeliness.init as (Components.Schemas.HistoryEvent.TimelinessPayload) -> StepTimeliness)
        expectSame(CalendarDay.Source.init as (Components.Schemas.CalendarDay.SourcePayload) -> CalendarDay.Source)
        expectSame(RatingSource.init as (Components.Schemas.PortalDossier.RatingPayload.SourcePayload) -> RatingSource)
    }

    /// A dossier decoded by the client encodes as the server wrote it, and reads through its own types.
    @Test func aModelEncodesAsTheServerWroteIt() throws {
        let json = Data("""
            {"code":"H15.50.05.13-261008-0975","procedure":{"code":"1.001193","name":"Đăng ký khai sinh","version":2},
             "receivingUnit":"H15.50.05.13","handlingUnit":"H15.50.05.13","channel":"counter","status":"in_progress",
             "statusCode":4,"applicant":{"fullName":"Nguyễn Thị Ánh","idNumber":"001190012345"},
             "documents":[{"code":"TK","name":"Tờ khai","digitized":true}],"supplementRequests":0,"apologized":false,
             "fees":{"requested":0,"paid":0,"payments":[]},"lookupKey":"K7P2QX","allowedActions":["forward","return"],
             "version":3,"createdAt":"2026-10-08T02:00:00Z","updatedAt":"2026-10-08T03:00:00Z"}
            """.utf8)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let dossier = try decoder.decode(Dossier.self, from: json)
        let reencoded = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(dossier))
        #expect(reencoded == (try JSONDecoder().decode(JSONValue.self, from: json)), "every member, as the server wrote it")
        #expect(dossier.status == .inProgress && dossier.channel == .counter)
        #expect(dossier.allowedActions == [.forward, .return])
        #expect(dossier.documents.map(\.digitized) == [true] && dossier.applicant.phone == nil)
    }

    /// An enum-keyed object is typed; a key a newer server adds is left out instead of failing.
    @Test func enumKeyedObjectsLeaveOutUnknownKeys() throws {
        let json = Data("""
            {"asOf":"2026-10-08T02:00:00Z","total":5,"open":3,"overdue":1,"dueSoon":0,
             "byStatus":{"received":2,"in_progress":1,"archived":2}}
            """.utf8)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let counts = try decoder.decode(DossierCounts.self, from: json)
        #expect(counts.byStatus == [.received: 2, .inProgress: 1])
    }

    /// A history event's free-form data reads as JSON values.
    @Test func freeFormDataReadsAsJSONValues() throws {
        let json = Data("""
            {"at":"2026-10-08T02:00:00Z","type":"request-supplement","data":
             {"assignee":"chuyenvien.tanphu","amount":150000,"paid":true,"items":[{"documentCode":"TK"}],"note":null}}
            """.utf8)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let event = try decoder.decode(HistoryEvent.self, from: json)
        #expect(event.data["assignee"]?.string == "chuyenvien.tanphu")
        #expect(event.data["amount"]?.number == 150_000)
        #expect(event.data["paid"] == .bool(true))
        #expect(event.data["items"] == .array([.object(["documentCode": .string("TK")])]))
        #expect(event.data["note"] == .null)
    }

    /// An input built from the client's types is the contract's body.
    @Test func anInputIsTheContractsBody() {
        var input = UserInput(username: "tiepnhan.a", fullName: "Lê Văn A", unitCode: "H15.50.05.13", roles: [.reception], password: "x")
        input.roles.append(.leader)
        #expect(input.schema.roles == [.reception, .leader])
        let patch = UserPatch(active: false)
        #expect(patch.schema.roles == nil && patch.schema.active == false)
    }
}

/// Every generated case converts to the client's case of the same value, and each client case is reached.
private func expectSame<Generated, Curated>(
    _ convert: (Generated) -> Curated, sourceLocation: SourceLocation = #_sourceLocation
) where Generated: CaseIterable & RawRepresentable<String>, Curated: CaseIterable & RawRepresentable<String> & Hashable {
    let converted = Generated.allCases.map(convert)
    #expect(converted.map(\.rawValue) == Generated.allCases.map(\.rawValue), sourceLocation: sourceLocation)
    #expect(Set(converted).count == Curated.allCases.count, sourceLocation: sourceLocation)
}

/// The same, and each client case the client sends converts back to the contract's case of its value.
private func expectSame<Generated, Curated>(
    _ convert: (Generated) -> Curated, _ back: (Curated) -> Generated, sourceLocation: SourceLocation = #_sourceLocation
) where Generated: CaseIterable & RawRepresentable<String>, Curated: CaseIterable & RawRepresentable<String> & Hashable {
    expectSame(convert, sourceLocation: sourceLocation)
    #expect(Curated.allCases.map(back).map(\.rawValue) == Curated.allCases.map(\.rawValue), sourceLocation: sourceLocation)
}
