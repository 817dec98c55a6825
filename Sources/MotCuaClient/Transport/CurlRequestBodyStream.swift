import Foundation
import OpenAPIRuntime

/// Hands a request body from the task that iterates the `HTTPBody` to libcurl's read callback,
/// which runs on a transport thread and may block there.
///
/// Chunks are passed by reference (an `ArraySlice` shares its storage), so the only copy is the one
/// into libcurl's upload buffer. The producer waits (asynchronously, off any thread) once
/// `highWatermark` bytes are queued, so a large or endless body never piles up in memory.
final class CurlRequestBodyStream: @unchecked Sendable {
    // All mutable state below is guarded by `condition`, except `current`, which only the single
    // consumer (the transfer's thread) touches.
    private let condition = NSCondition()
    private var chunks: [HTTPBody.ByteChunk] = []
    private var queuedBytes = 0
    private var isFinished = false
    private var isClosed = false
    private var producerFailure: (any Error)?
    private var waitingProducer: CheckedContinuation<Bool, Never>?
    private var current = HTTPBody.ByteChunk()
    private let highWatermark: Int

    init(highWatermark: Int = 256 * 1024) {
        self.highWatermark = highWatermark
    }

    /// The error the body's sequence threw, if that is why the upload stopped.
    var failure: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return producerFailure
    }

    // MARK: - Producer (async)

    /// Iterates `body` into the stream until it ends, fails, or the transfer closes the stream.
    func feed(from body: HTTPBody) async {
        do {
            for try await chunk in body {
                guard await write(chunk) else { return }
            }
            finish(failure: nil)
        } catch {
            finish(failure: error)
        }
    }

    private func write(_ chunk: HTTPBody.ByteChunk) async -> Bool {
        guard let mustWait = enqueue(chunk) else { return false }
        guard mustWait else { return true }
        return await withCheckedContinuation { continuation in
            condition.lock()
            if isClosed || queuedBytes < highWatermark {
                let open = !isClosed
                condition.unlock()
                continuation.resume(returning: open)
            } else {
                waitingProducer = continuation
                condition.unlock()
            }
        }
    }

    /// Queues a chunk. - Returns: whether the producer must wait for room, or nil if closed.
    private func enqueue(_ chunk: HTTPBody.ByteChunk) -> Bool? {
        condition.lock()
        defer { condition.unlock() }
        guard !isClosed else { return nil }
        chunks.append(chunk)
        queuedBytes += chunk.count
        condition.signal()
        return queuedBytes >= highWatermark
    }

    private func finish(failure: (any Error)?) {
        condition.lock()
        isFinished = true
        producerFailure = failure
        condition.signal()
        condition.unlock()
    }

    // MARK: - Consumer (the transfer's thread)

    /// Copies up to `destination.count` bytes for libcurl, blocking until some are available.
    /// - Returns: the number of bytes copied, 0 at the end of the body, or nil to abort the upload
    ///   (the body failed, or the stream was closed by cancellation).
    func read(into destination: UnsafeMutableRawBufferPointer) -> Int? {
        while current.isEmpty {
            condition.lock()
            while chunks.isEmpty && !isFinished && !isClosed { condition.wait() }
            if isClosed || producerFailure != nil {
                condition.unlock()
                return nil
            }
            if chunks.isEmpty {
                condition.unlock()
                return 0
            }
            current = chunks.removeFirst()
            queuedBytes -= current.count
            let producer = queuedBytes < highWatermark ? waitingProducer.take() : nil
            condition.unlock()
            producer?.resume(returning: true)
        }
        let count = min(destination.count, current.count)
        current.withUnsafeBytes { source in
            destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(count)))
        }
        current = current.dropFirst(count)
        return count
    }

    /// Stops both sides: a blocked read returns nil and a waiting producer gives up. Called when the
    /// task is cancelled and when the transfer ends (the server may answer before reading it all).
    func close() {
        condition.lock()
        isClosed = true
        let producer = waitingProducer.take()
        condition.broadcast()
        condition.unlock()
        producer?.resume(returning: false)
    }
}
