import Foundation
import MotCuaAPI
import OpenAPIRuntime

extension MotCuaClient {
    /// Dossiers: intake, reads, lists and history. The actions are in `MotCuaClient+DossierActions`.
    ///
    /// ```swift
    /// let dossier = try await client.dossiers.submit(input)            // Idempotency-Key added
    /// let again = try await client.dossiers.get(dossier.code)
    /// let events = try await client.dossiers.history(dossier.code)
    /// for try await late in client.dossiers.all(filter: .init(unit: "H15.50.05.13", overdue: true)) {
    ///     print(late.code, late.dueDate ?? "")
    /// }
    /// ```
    public struct Dossiers: Sendable {
        let client: MotCuaClient

        /// Files a dossier.
        ///
        /// The request always carries an `Idempotency-Key` (a new UUID unless you pass one), so it is
        /// retried safely after a dropped connection: the server answers a repeated key with the
        /// dossier it created the first time. Pass your own key to make retries across runs safe too
        /// (the same key with a different body is refused with `idempotency-conflict`).
        ///
        /// - Returns: the dossier with its code, due date (counter and post) and `lookupKey`.
        @discardableResult
        public func submit(_ dossier: DossierInput, idempotencyKey: String? = nil) async throws -> Dossier {
            let key = idempotencyKey ?? UUID().uuidString
            return try await client.call {
                try await $0.createDossier(headers: .init(idempotencyKey: key), body: .json(dossier.schema)).created.body.json
            }
        }

        /// One dossier by its code; `version` is its ETag for `ifMatch`.
        public func get(_ code: String) async throws -> Dossier {
            try await client.call { try await $0.getDossier(path: .init(code: code)).ok.body.json }
        }

        /// One page of dossiers, newest first.
        public func list(filter: Filter = .init(), limit: Int? = nil, cursor: String? = nil) async throws -> Page<Dossier> {
            let query = filter.query(limit: limit, cursor: cursor)
            let page = try await client.call { try await $0.listDossiers(query: query).ok.body.json }
            return Page(page.items, nextCursor: page.nextCursor)
        }

        /// Every dossier matching `filter`, newest first, fetched `pageSize` at a time.
        public func all(filter: Filter = .init(), pageSize: Int = 500) -> Paginated<Dossier> {
            Paginated { cursor in
                let page = try await list(filter: filter, limit: pageSize, cursor: cursor)
                return (page.items, page.nextCursor)
            }
        }

        /// How many dossiers the caller sees per status, and the open ones overdue or due by the next
        /// working day (of `unit` only, when given): a dashboard's figures.
        public func counts(unit: String? = nil) async throws -> DossierCounts {
            try await client.call { try await $0.countDossiers(query: .init(unit: unit)).ok.body.json }
        }

        /// An official form of the dossier as a printable A4 HTML page (the receipt needs a reception
        /// or leader account of the receiving unit; a form not issued yet is a `form-not-issued` conflict).
        public func form(_ code: String, _ form: DossierForm) async throws -> String {
            try await client.call {
                let body = try await $0.printDossierForm(path: .init(code: code, form: form.schema)).ok.body.html
                return try await String(collecting: body, upTo: 4 << 20)
            }
        }

        /// Every event of the dossier, oldest first: status changes, handovers with their step
        /// deadlines and timeliness, fees, apologies, ratings.
        public func history(_ code: String) async throws -> [HistoryEvent] {
            try await client.call { try await $0.getDossierHistory(path: .init(code: code)).ok.body.json.items }
        }

        /// Which dossiers `list` and `all` return. Every field is optional; dates are `YYYY-MM-DD`.
        public struct Filter: Sendable, Hashable {
            /// Only this status.
            public var status: DossierStatus?
            /// Only this procedure code.
            public var procedure: String?
            /// Only dossiers this unit receives or handles.
            public var unit: String?
            /// Only dossiers currently assigned to this username.
            public var assignee: String?
            /// `true`: only open dossiers past their due date; `false`: only the others.
            public var overdue: Bool?
            /// Only open dossiers due on or before this date.
            public var dueBefore: String?
            /// Received (or submitted) on or after this date.
            public var receivedFrom: String?
            /// Received (or submitted) on or before this date.
            public var receivedTo: String?
            /// Part of the code or of the applicant's name, accents optional.
            public var q: String?
            /// The filing system's own id of the dossier (the portal's).
            public var externalReference: String?
            /// Only dossiers changed at or after this instant (reconciliation with the feed).
            public var updatedSince: Date?

            /// Creates a filter.
            public init(
                status: DossierStatus? = nil, procedure: String? = nil, unit: String? = nil, assignee: String? = nil,
                overdue: Bool? = nil, dueBefore: String? = nil, receivedFrom: String? = nil, receivedTo: String? = nil,
                q: String? = nil, externalReference: String? = nil, updatedSince: Date? = nil
            ) {
                self.externalReference = externalReference
                self.updatedSince = updatedSince
                self.status = status
                self.procedure = procedure
                self.unit = unit
                self.assignee = assignee
                self.overdue = overdue
                self.dueBefore = dueBefore
                self.receivedFrom = receivedFrom
                self.receivedTo = receivedTo
                self.q = q
            }

            func query(limit: Int?, cursor: String?) -> Operations.ListDossiers.Input.Query {
                .init(
                    status: status?.schema, procedure: procedure, unit: unit, assignee: assignee, overdue: overdue,
                    dueBefore: dueBefore, receivedFrom: receivedFrom, receivedTo: receivedTo, q: q,
                    externalReference: externalReference, updatedSince: updatedSince, limit: limit, cursor: cursor)
            }
        }
    }
}
