import Foundation
import Synchronization

/// The transport's own threads and its reusable easy handles.
///
/// `curl_easy_perform` blocks its thread for the whole transfer. Swift's cooperative pool has one
/// thread per core (two here), and a test's in-process server runs on that same pool, so blocking
/// it would stall the server the client is waiting for. Transfers therefore run on threads this
/// executor starts (up to `maxConnections`, on demand) and fed from a lock-protected queue.
/// `DispatchQueue.global()` is not used: on Linux it shares threads with Swift concurrency.
///
/// Idle handles are kept on a stack, so the most recently used one (whose connection is most
/// likely still open) serves the next request: sequential requests stay on one connection.
final class CurlExecutor: @unchecked Sendable {
    /// Receives a handle lent by the executor (nil if none is idle yet). The job may create one,
    /// and whatever handle it leaves in the parameter is put back for the next transfer. The job
    /// returns its completion (resuming the caller), which runs only after the handle is back:
    /// otherwise the caller's next request could find no idle handle and open a second connection.
    typealias Job = @Sendable (inout CurlEasy?) -> @Sendable () -> Void

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var idleHandles: [CurlEasy] = []
    private var threadCount = 0
    private var idleThreadCount = 0
    private var isShutDown = false

    private let maxThreads: Int
    private let openedConnectionCount = Atomic<Int>(0)

    init(maxThreads: Int) {
        self.maxThreads = max(1, maxThreads)
    }

    /// How many new connections transfers have opened so far (libcurl's CURLINFO_NUM_CONNECTS).
    var openedConnections: Int { openedConnectionCount.load(ordering: .relaxed) }

    func recordOpenedConnections(_ count: Int) {
        if count > 0 { openedConnectionCount.add(count, ordering: .relaxed) }
    }

    /// Queues `job` for a transport thread, starting a thread if every existing one is busy.
    func submit(_ job: @escaping Job) {
        condition.lock()
        jobs.append(job)
        let startThread = jobs.count > idleThreadCount && threadCount < maxThreads
        if startThread { threadCount += 1 }
        condition.signal()
        condition.unlock()
        if startThread {
            let thread = Thread { [self] in runWorker() }
            thread.name = "motcua-curl"
            thread.start()
        }
    }

    /// Lets the threads finish queued jobs and exit; they free the idle handles with them.
    func shutDown() {
        condition.lock()
        isShutDown = true
        condition.broadcast()
        condition.unlock()
    }

    private func runWorker() {
        condition.lock()
        while true {
            while jobs.isEmpty && !isShutDown {
                idleThreadCount += 1
                condition.wait()
                idleThreadCount -= 1
            }
            if jobs.isEmpty {
                threadCount -= 1
                if threadCount == 0 { idleHandles.removeAll() }
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            var handle = idleHandles.popLast()
            condition.unlock()

            let complete = job(&handle)

            condition.lock()
            if let handle { idleHandles.append(handle) }
            condition.unlock()
            complete()
            condition.lock()
        }
    }
}
