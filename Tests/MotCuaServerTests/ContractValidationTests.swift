import Foundation
import HTTPTypes
import HummingbirdTesting
import MotCuaAPI
import MotCuaTestSupport
import NIOCore
@testable import MotCuaServer
import Testing
import Yams

/// Patterns, lengths, ranges and sizes of the contract are enforced (the generated code checks only
/// types, required properties and enums): a body outside them is a 422 naming every field, a query
/// parameter a 400, and nothing changes.
/// Here: requests that reach stored dossiers; the rest runs without a database in `MotCuaHandlerTests`.
@Suite struct ContractValidationTests {
    @Test func intakeOutsideTheContractIs422ListingEveryFieldAndFilesNothing() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            var body = world.body(idNumber: "12-34")
            body.applicant.phone = "call me"
            body.applicant.fullName = String(repeating: "Ễ", count: 201)
            body.documents[0].code = "bad code!"
            body.note = String(repeating: "x", count: 2001)
            let response = try await client.post("/v1/dossiers", json: body, token: world.reception.token)
            let problem = try expectProblem(
                response, .unprocessableContent, code: "validation-failed",
                invalidParams: ["applicant.fullName", "applicant.idNumber", "applicant.phone", "documents[0].code", "note"])
            let reasons = Dictionary(uniqueKeysWithValues: (problem.invalidParams ?? []).map { ($0.name, $0.reason) })
            #expect(reasons["applicant.idNumber"] == "must be 6-20 letters or digits")  // the contract's x-pattern-reason
            #expect(reasons["applicant.fullName"] == "must have at most 200 characters")
            let listed = try await client.get("/v1/dossiers", token: world.reception.token)
            #expect(try expectJSON(listed, as: DossierPageBody.self).items.isEmpty)
        }
    }

    @Test func aBodyWithoutAJSONContentTypeIs415AndFilesNothing() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            var body = world.body()
            body.note = String(repeating: "x", count: 2001)
            let bytes = ByteBuffer(bytes: try JSON.encoder.encode(body))
            for contentType in [nil, "text/plain", "application/x-www-form-urlencoded", "application/jsonx"] {
                var headers: HTTPFields = [.authorization: "Bearer \(world.reception.token)"]
                if let contentType { headers[.contentType] = contentType }
                let response = try await client.base.executeRequest(uri: "/v1/dossiers", method: .post, headers: headers, body: bytes)
                let problem = try expectProblem(response, .unsupportedMediaType, code: "unsupported-media-type")
                #expect(problem.detail == "Send the body with Content-Type application/json.", "\(contentType ?? "none")")
            }
            // Parameters of the media type do not matter; the body is then checked as JSON.
            let withCharset = try await client.send(
                .post, "/v1/dossiers", json: body, token: world.reception.token, headers: [.contentType: "Application/JSON; charset=utf-8"])
            try expectProblem(withCharset, .unprocessableContent, code: "validation-failed", invalidParams: ["note"])
            let listed = try await client.get("/v1/dossiers", token: world.reception.token)
            #expect(try expectJSON(listed, as: DossierPageBody.self).items.isEmpty)
            // A required body that is missing altogether stays the generated decoder's to answer.
            let empty = try await client.base.executeRequest(
                uri: "/v1/dossiers", method: .post, headers: [.authorization: "Bearer \(world.reception.token)"], body: nil)
            #expect([HTTPResponse.Status.badRequest, .unprocessableContent].contains(empty.status))
        }
    }

    @Test func actionBodiesOnRoutesWithParametersAreChecked() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            let dossier = try await client.file(world.body(channel: "online"), as: world.portal)
            let response = try await client.send(
                .post, "/v1/dossiers/\(dossier.code)/request-supplement", raw: #"{"reason":"","items":[]}"#, token: world.reception.token)
            try expectProblem(response, .unprocessableContent, code: "validation-failed", invalidParams: ["items", "reason"])
            let unchanged = try expectJSON(try await client.get("/v1/dossiers/\(dossier.code)", token: world.reception.token), as: DossierView.self)
            #expect(unchanged.status == dossier.status && unchanged.version == dossier.version)
        }
    }

    @Test func lengthsCountCharactersNotBytes() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            // 200 Vietnamese letters are 600 bytes of UTF-8, and allowed.
            let body = world.body(name: String(repeating: "Ễ", count: 200))
            _ = try expectJSON(try await client.post("/v1/dossiers", json: body, token: world.reception.token), .created, as: DossierView.self)
        }
    }

    @Test func queryParametersOutsideTheContractAre400() async throws {
        try await withTestApp { client, env in
            let world = try await env.makeDossierWorld()
            for (query, name) in [("limit=0", "limit"), ("limit=501", "limit"), ("q=" + String(repeating: "a", count: 201), "q")] {
                let response = try await client.get("/v1/dossiers?\(query)", token: world.reception.token)
                try expectProblem(response, .badRequest, code: "malformed-request", invalidParams: [name])
            }
            let week = try await client.get("/v1/evaluations/officers?unit=\(world.unitA)&week=2026-27", token: world.leader.token)
            try expectProblem(week, .badRequest, code: "malformed-request", invalidParams: ["week"])
            #expect(try await client.get("/v1/dossiers?limit=500", token: world.reception.token).status == .ok)
        }
    }

}
