import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaDomain
@testable import MotCuaServer
import MotCuaTestSupport
import Testing

/// The hand-written routes of the two hottest reads (`HotRoutes`) answer byte for byte what the
/// generated layer answers: one server with them, one without, on the same database, asked the same
/// requests about dossiers in every status, as every role.
@Suite struct HotRoutesTests {
    /// GET by code and list pages from both servers, for each caller: bodies, status, ETag and type equal.
    @Test func bothPathsAnswerTheSameBytes() async throws {
        try await withTestApp(configure: { $0.hotRoutes = false }) { generated, env in
            try await withTestApp { hot, _ in
                let world = try await env.makeDossierWorld()
                var codes: [String] = []
                for status in DossierStatus.allCases {
                    codes.append(try await makeDossier(in: status, world, hot).code)
                }
                // Text the encoders must escape alike: quotes, backslashes, controls, slashes, Vietnamese, emoji.
                var odd = world.body(name: "Lê \"Tí\" \\ Tèo/😀\u{01}\t\n\u{7f}")
                odd.note = "Ghi chú: a/b <c> & \u{1f} đ"
                odd.applicant.email = nil
                odd.externalReference = "PORTAL/\(Fixture.username("x"))"
                let filed = try await hot.file(odd, as: world.reception)
                let paying = try await hot.perform("request-payment", try await makeDossier(in: .inProgress, world, hot).code,
                                                   ActionBody.paymentRequest, as: world.reception)
                try await hot.perform("pay", paying.code, ActionBody.payment, as: world.reception)
                codes += [filed.code, paying.code]

                let paths = codes.map { "/v1/dossiers/\($0)" } + [
                    "/v1/dossiers/\(world.unitA)-000000-0000", "/v1/dossiers?unit=\(world.unitA)", "/v1/dossiers?unit=\(world.unitA)&limit=3",
                    "/v1/dossiers?status=in_progress&unit=\(world.unitA)", "/v1/dossiers?q=L%C3%AA", "/v1/dossiers?q=Le+Ti",
                    "/v1/dossiers?overdue=false&limit=2", "/v1/dossiers?updatedSince=2020-01-01T00:00:00Z", "/v1/dossiers?limit=0",
                    "/v1/dossiers?status=nonsense", "/v1/dossiers?limit=2&limit=3",
                ]
                for user in [world.reception, world.leader, world.specialist, world.receptionB, world.admin, world.auditor, world.portal] {
                    for path in paths {
                        try await Self.expectSame(path, headers: [.authorization: "Bearer \(user.token)"], generated, hot)
                    }
                    // The next page of a list, by the cursor the first page gave.
                    let first = try await hot.list("unit=\(world.unitA)&limit=2", as: user)
                    if let cursor = first.nextCursor {
                        try await Self.expectSame("/v1/dossiers?unit=\(world.unitA)&limit=2&cursor=\(cursor)",
                                                  headers: [.authorization: "Bearer \(user.token)"], generated, hot)
                    }
                }
                // No token, and Accept headers the hot code passes on to the generated layer.
                try await Self.expectSame("/v1/dossiers/\(filed.code)", headers: [:], generated, hot)
                for accept in ["application/json", "*/*", "application/json;q=0.5, text/html", "text/html", "application/json;q=0"] {
                    try await Self.expectSame(
                        "/v1/dossiers/\(filed.code)", headers: [.authorization: "Bearer \(world.reception.token)", .accept: accept], generated, hot)
                }
            }
        }
    }

    /// The list parameters the hot route reads itself are exactly the contract's: a new one must be
    /// taught to it, or it would be ignored on the hot path.
    @Test func theHotListReadsEveryParameterOfTheContract() throws {
        let contract = try String(decoding: MotCuaContract.document(), as: UTF8.self)
        let constraints = try ContractConstraints(yaml: contract)
        let operation = try #require(constraints.operation(method: "GET", route: "/v1/dossiers"))
        #expect(Set(operation.query.keys) == HotRoutes.listParameters)
    }

    @Test func acceptHeadersThatCoverJSON() {
        func accepts(_ value: String?) -> Bool {
            var headers = HTTPFields()
            if let value { headers[.accept] = value }
            return HotRoutes.acceptsJSON(headers)
        }
        #expect(accepts(nil) && accepts("application/json") && accepts("*/*") && accepts("text/html, application/*;q=0.1"))
        #expect(accepts("Application/JSON; charset=utf-8"))
        #expect(!accepts("text/html") && !accepts("application/json;q=0") && !accepts("application/json; q=0.0, text/csv"))
    }

    static func expectSame(
        _ path: String, headers: HTTPFields, _ generated: APIClient, _ hot: APIClient, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let expected = try await generated.get(path, headers: headers)
        let actual = try await hot.get(path, headers: headers)
        #expect(actual.status == expected.status, "\(path)", sourceLocation: sourceLocation)
        // A problem names its own request's id; everything else is the same byte for byte.
        func withoutRequestID(_ text: String) -> String { text.replacing(/"requestId":"[0-9a-f]+"/, with: "") }
        #expect(withoutRequestID(actual.text) == withoutRequestID(expected.text), "\(path)", sourceLocation: sourceLocation)
        for name in [HTTPField.Name.eTag, .contentType, .contentLength] {
            #expect(actual.headers[name] == expected.headers[name], "\(path): \(name)", sourceLocation: sourceLocation)
        }
    }
}
