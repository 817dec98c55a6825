// `Page` is the one type of a page for the stores and the client; callers of the client name it as theirs.
@_exported import struct MotCuaFoundation.Page

/// Every item of a paged list, fetching the next page only when the previous one is used up.
///
/// ```swift
/// var count = 0
/// for try await dossier in client.dossiers.all(filter: .init(overdue: true)) {
///     count += 1
///     print(dossier.code, dossier.dueDate ?? "")
/// }
/// ```
///
/// Each iteration starts from the first page again. Breaking out of the loop stops fetching.
public struct Paginated<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page after `cursor` (nil for the first page): its items and the next cursor.
    public typealias FetchPage = @Sendable (_ cursor: String?) async throws -> (items: [Element], nextCursor: String?)

    private let fetch: FetchPage

    /// Creates a sequence over the pages `fetch` returns.
    public init(fetch: @escaping FetchPage) {
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(fetch: fetch)
    }

    /// Walks the pages one at a time.
    public struct Iterator: AsyncIteratorProtocol {
        private let fetch: FetchPage
        private var buffer: [Element] = []
        private var index = 0
        private var cursor: String?
        private var finished = false

        init(fetch: @escaping FetchPage) {
            self.fetch = fetch
        }

        public mutating func next() async throws -> Element? {
            while index == buffer.count {
                guard !finished else { return nil }
                try Task.checkCancellation()
                let page = try await fetch(cursor)
                buffer = page.items
                index = 0
                cursor = page.nextCursor
                // A server that returned a cursor with an empty page would otherwise loop forever.
                finished = page.nextCursor == nil || (page.items.isEmpty)
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    /// Collects every item into an array (use on bounded lists).
    public func collect() async throws -> [Element] {
        var items: [Element] = []
        for try await item in self { items.append(item) }
        return items
    }
}

