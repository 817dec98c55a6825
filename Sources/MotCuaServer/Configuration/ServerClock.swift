import Foundation
import MotCuaFoundation

/// Where the server reads the time. Production uses the system clock; tests inject a settable one
/// so deadline behaviour is tested without sleeping.
public struct ServerClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    public var now: Date { read() }

    public static let system = ServerClock { Date() }
}

/// A clock tests set and advance by hand.
public final class ManualClock: Sendable {
    private let instant: LockedValue<Date>

    public init(_ start: Date) { instant = LockedValue(start) }

    public var now: Date { instant.withLock { $0 } }
    public func set(_ date: Date) { instant.withLock { $0 = date } }
    public func advance(by seconds: TimeInterval) { instant.withLock { $0 += seconds } }

    public var serverClock: ServerClock { ServerClock { self.now } }
}
