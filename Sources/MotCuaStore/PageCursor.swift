import Foundation
@_exported import struct MotCuaFoundation.Page  // what the stores' lists return

/// An opaque keyset-pagination cursor: the sort key of the last row of a page, base64url-encoded.
/// Clients pass it back verbatim; a cursor that does not decode is a 400, never a 500.
public struct PageCursor: Sendable, Equatable {
    public var values: [String]

    public init(_ values: [String]) { self.values = values }

    /// Decodes a cursor expecting `count` key values.
    public init(decoding text: String, count: Int) throws(StoreError) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let values = try? JSONDecoder().decode([String].self, from: data), values.count == count
        else { throw .invalidCursor }
        self.values = values
    }

    public var encoded: String {
        let data = (try? JSONEncoder().encode(values)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

extension Page {
    /// Builds a page from `limit + 1` fetched rows: the extra row only says that another page exists.
    public init(fetched: [Item], limit: Int, cursor: (Item) -> [String]) {
        if fetched.count > limit {
            let items = Array(fetched.prefix(limit))
            self.init(items: items, nextCursor: PageCursor(cursor(items[limit - 1])).encoded)
        } else {
            self.init(items: fetched, nextCursor: nil)
        }
    }
}
