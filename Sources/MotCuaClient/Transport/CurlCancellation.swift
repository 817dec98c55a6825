import Synchronization

/// The flag that task cancellation sets and the transfer's progress callback reads.
///
/// libcurl calls the progress callback many times a second during a transfer and about once a
/// second while waiting, and aborts the transfer when it returns non-zero; the flag is the only
/// state shared between the cancelling task and the transport thread.
final class CurlCancellation: Sendable {
    private let flag = Atomic<Bool>(false)
    private let bodyStream: CurlRequestBodyStream?

    init(bodyStream: CurlRequestBodyStream?) {
        self.bodyStream = bodyStream
    }

    var isCancelled: Bool { flag.load(ordering: .acquiring) }

    /// Marks the transfer cancelled and wakes a read callback waiting for request body bytes.
    func cancel() {
        flag.store(true, ordering: .releasing)
        bodyStream?.close()
    }
}
