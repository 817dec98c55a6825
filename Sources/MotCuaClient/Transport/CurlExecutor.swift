import Foundation
import Synchronization

/// The transport's own threads, as a Swift `TaskExecutor`, and its reusable easy handles.
///
/// `curl_easy_perform` blocks its thread for the whole transfer. Swift's cooperative pool has one
/// thread per core (two here), and a test's in-process server runs on that same pool, so blocking
/// it would stall the server the client is waiting for. A transfer therefore runs in the calling
/// task while it prefers this executor (`withTaskExecutorPreference`): the task moves to one of the
/// executor's threads (started on demand, up to `maxConnections`), performs the transfer there and
/// moves back. Compared with queueing the transfer and resuming the task from a continuation, that
/// is one thread hand-off less per request, which is most of the client's own latency.
/// `DispatchQueue.global()` is not used: on Linux it shares threads with Swift concurrency.
///
/// Idle handles are kept on a stack, so the most recently used one (whose connection is most
/// likely still open) serves the next request: sequential requests stay on one connection.
final class CurlExecutor: TaskExecutor, @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
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

    /// Runs a piece of a task that prefers this executor on one of its threads.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
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

    /// Lends `body` an idle easy handle (a new one when none is idle) and takes it back afterwards,
    /// before the caller goes on, so the caller's next request finds it and reuses its connection.
    func withHandle<T>(_ body: (CurlEasy) throws -> T) throws -> T {
        condition.lock()
        let idle = idleHandles.popLast()
        condition.unlock()
        let easy = try idle ?? CurlEasy()
        defer {
            condition.lock()
            idleHandles.append(easy)
            condition.unlock()
        }
        return try body(easy)
    }

    /// Lets the threads end once the queue is empty; called when the last transport copy is gone.
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
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
            condition.lock()
        }
    }
}
