import MotCuaAPI

/// A model type of the client that stores the generated type it wraps, so an answer converts without
/// copying and encodes as the server sent it. The generated type never appears in the public API.
protocol SchemaBacked: Sendable {
    associatedtype Schema: Sendable
    init(schema: Schema)
}

extension MotCuaClient {
    /// Runs one generated-client call and wraps its answer in the client's model type.
    func call<Model: SchemaBacked>(_ body: (Client) async throws -> Model.Schema) async throws -> Model {
        Model(schema: try await call(body))
    }

    /// Runs one generated-client call and wraps each item of its answer in the client's model type.
    func call<Model: SchemaBacked>(_ body: (Client) async throws -> [Model.Schema]) async throws -> [Model] {
        try await call(body).map(Model.init(schema:))
    }
}

extension Page where Item: SchemaBacked {
    /// A page of the client's model type from a page of the generated one.
    init(_ items: [Item.Schema], nextCursor: Nullable<String>?) {
        self.init(items: items.map(Item.init(schema:)), nextCursor: nextCursor?.value)
    }
}
