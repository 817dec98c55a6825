import Synchronization

internal import CCurl

/// The flag that task cancellation sets and the transfer reads, and the wake-up of the transfer's
/// wait for the network.
///
/// The transfer loop checks the flag each time its wait ends, and `cancel` ends the wait at once
/// (`curl_multi_wakeup`); libcurl's progress callback reads it too, and aborts a transfer that is
/// busy sending or receiving.
final class CurlCancellation: Sendable {
    private let flag = Atomic<Bool>(false)
    private let bodyStream: CurlRequestBodyStream?
    /// The multi handle the transfer waits in, while it does.
    private let waiting = Mutex<MultiHandle?>(nil)

    private struct MultiHandle: @unchecked Sendable {
        var pointer: UnsafeMutableRawPointer
    }

    init(bodyStream: CurlRequestBodyStream?) {
        self.bodyStream = bodyStream
    }

    var isCancelled: Bool { flag.load(ordering: .acquiring) }

    /// Marks the transfer cancelled, wakes its wait for the network, and wakes a read callback
    /// waiting for request body bytes.
    func cancel() {
        flag.store(true, ordering: .releasing)
        waiting.withLock { multi in
            if let multi { _ = curl_multi_wakeup(multi.pointer) }
        }
        bodyStream?.close()
    }

    /// Called by the transfer before it waits in `multi`; `detach` before the handle may go away.
    func attach(_ multi: UnsafeMutableRawPointer) {
        waiting.withLock { $0 = MultiHandle(pointer: multi) }
    }

    func detach() {
        waiting.withLock { $0 = nil }
    }
}
