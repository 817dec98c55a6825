import Foundation
import MotCuaAPI

extension MotCuaClient {
    /// The procedure catalog. Reading is public; publishing needs an admin token.
    ///
    /// ```swift
    /// // accent-insensitive search over every page
    /// for try await procedure in client.procedures.all(q: "dang ky khai sinh") {
    ///     print(procedure.code, procedure.name, procedure.processingTime.value)
    /// }
    /// let birth = try await client.procedures.get("1.001193")
    /// let first = try await client.procedures.get("1.001193", version: 1)
    /// ```
    public struct Procedures: Sendable {
        let client: MotCuaClient

        /// One page of the catalog (current versions, ordered by code).
        ///
        /// - Parameters:
        ///   - q: words of the name or part of the code, accents optional.
        ///   - field: only this field (lĩnh vực), matched exactly.
        public func list(q: String? = nil, field: String? = nil, limit: Int? = nil, cursor: String? = nil) async throws -> Page<Procedure> {
            let page = try await client.call {
                try await $0.listProcedures(query: .init(q: q, field: field, limit: limit, cursor: cursor)).ok.body.json
            }
            return Page(page.items, nextCursor: page.nextCursor)
        }

        /// Every procedure matching `q` and `field`, page after page.
        public func all(q: String? = nil, field: String? = nil, pageSize: Int = 500) -> Paginated<Procedure> {
            Paginated { cursor in
                let page = try await list(q: q, field: field, limit: pageSize, cursor: cursor)
                return (page.items, page.nextCursor)
            }
        }

        /// Searches the catalog: the first page of `list(q:)`.
        public func search(_ q: String, limit: Int? = nil) async throws -> [Procedure] {
            try await list(q: q, limit: limit).items
        }

        /// The current version of a procedure.
        ///
        /// - Throws: `MotCuaClientError.problem` with code `not-found` for an unknown code.
        public func get(_ code: String) async throws -> Procedure {
            try await client.call { try await $0.getProcedure(path: .init(code: code)).ok.body.json }
        }

        /// One version of a procedure.
        public func get(_ code: String, version: Int) async throws -> Procedure {
            try await client.call {
                try await $0.getProcedureVersion(path: .init(code: code, version: version)).ok.body.json
            }
        }

        /// Publishes a new version of a procedure (admin only); version 1 when the code is new.
        ///
        /// PUT is idempotent for retries: a retried request at worst publishes an identical version.
        @discardableResult
        public func put(_ code: String, _ procedure: ProcedureInput) async throws -> Procedure {
            try await client.call {
                switch try await $0.putProcedure(path: .init(code: code), body: .json(procedure.schema)) {
                case .ok(let ok): try ok.body.json
                case .created(let created): try created.body.json
                case .undocumented(let status, _):
                    throw MotCuaClientError.unexpectedResponse(status: status, body: nil)
                default:
                    throw MotCuaClientError.unexpectedResponse(status: 0, body: nil)
                }
            }
        }
    }
}
