/// One page of a list and the cursor of the next page (nil on the last page): what the stores return
/// and what the client library hands back.
public struct Page<Item: Sendable>: Sendable {
    /// The items of this page.
    public var items: [Item]
    /// Pass as `cursor` to get the next page; nil on the last page.
    public var nextCursor: String?

    /// Creates a page.
    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
