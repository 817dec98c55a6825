import Hummingbird
import MotCuaFoundation

/// The paths and methods the router serves, to tell a 405 (known path, other method) from a 404.
struct RouteTable: Sendable {
    private var routes: [(segments: [Substring], method: String)] = []

    init<Context>(_ router: Router<Context>) {
        routes = router.routes.map { route in
            (route.path.description.split(separator: "/", omittingEmptySubsequences: true), route.method.rawValue)
        }
    }

    /// The methods allowed on `path`, sorted; empty when no route has this path.
    func methods(forPath path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        var methods = Set<String>()
        for route in routes where route.segments.count == parts.count {
            let matches = zip(route.segments, parts).allSatisfy { pattern, part in
                pattern == part || pattern.hasPrefix(":") || pattern.hasPrefix("{")
            }
            if matches { methods.insert(route.method) }
        }
        return methods.sorted()
    }

    /// Holds the table for middleware created before the routes exist.
    final class Box: Sendable {
        private let table = LockedValue(RouteTable())
        func set(_ routes: RouteTable) { table.withLock { $0 = routes } }
        func get() -> RouteTable { table.withLock { $0 } }
    }

    private init() {}
}
