import ArgumentParser
import Foundation
import MotCuaClient

/// `motcua events ...`.
struct EventCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Read the change feed of the province's dossiers (portal, admin, auditor).",
        subcommands: [Tail.self])

    struct Tail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the feed's events as JSON lines, one event per line.",
            discussion: """
                Prints the events after --after (default 0: the whole feed) and stops at the current end; with \
                --follow it then waits for new events (long polling) until interrupted. Keep the id of the last \
                line you processed and pass it as --after to go on from there. A portal account reading after N \
                acknowledges the events up to N (Decision 766 synchronisation).

                EXAMPLES
                  motcua events tail --after 1042
                  motcua events tail --follow | jq -c '{id, type, code: .dossierCode, status: .dossier.status}'
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Start after this event id.") var after: Int64 = 0
        @Flag(help: "Keep waiting for new events.") var follow = false
        @Option(help: "Events per request, 1-1000.") var pageSize: Int = 500

        mutating func run() async throws {
            let client = try global.client()
            // Long polls end well before the request timeout.
            let wait = max(1, min(25, global.timeout - 5))
            let events = follow
                ? client.events.follow(after: after, pageSize: pageSize, wait: wait)
                : client.events.all(after: after, pageSize: pageSize)
            for try await event in events {
                // Written unbuffered, so a follower piping into another program sees each event at once.
                FileHandle.standardOutput.write(try Output.lineEncoder.encode(event) + Data("\n".utf8))
            }
        }
    }
}

/// `motcua webhooks ...`.
struct WebhookCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Signed HTTP callbacks of the change feed (admin).",
        subcommands: [Add.self, List.self, Remove.self, Deliveries.self, Redeliver.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a webhook; prints its signing secret, shown only this once.",
            discussion: """
                EXAMPLES
                  motcua webhooks add https://dichvucong.example.gov.vn/motcua/events
                  motcua webhooks add https://receiver.example/hook --event dossier.resolve --event dossier.return
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Where events are POSTed.") var url: String
        @Option(name: .customLong("event"), help: "An event type to send (repeat for several; default: all).") var events: [String] = []
        @Option(help: "The HMAC secret, 32-200 characters (default: generated).") var secret: String?
        @Option(help: "What the webhook is for.") var description: String?
        @Option(help: "Deliver the events after this id (default: only new events).") var startAfter: Int64?

        mutating func run() async throws {
            let types = try events.map { name in
                guard let type = EventType(rawValue: name) else {
                    throw ValidationError("--event: one of \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return type
            }
            let created = try await global.client().webhooks.create(
                .init(url: url, eventTypes: types, secret: secret, description: description, startAfter: startAfter))
            if global.format == .json {
                try Output.printJSON(created)
            } else {
                try Output.single(created.webhook, columns: Columns.webhook, format: global.format)
                Terminal.printError("secret: \(created.secret)  (shown only now: keep it to verify signatures)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the province's webhooks with their delivery counts.")
        @OptionGroup var global: GlobalOptions

        mutating func run() async throws {
            try Output.list(try await global.client().webhooks.list(), columns: Columns.webhook, format: global.format)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete a webhook and its pending deliveries.",
            discussion: "EXAMPLE\n  motcua webhooks rm 3")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The webhook id.") var id: Int64

        mutating func run() async throws {
            try await global.client().webhooks.delete(id)
            Terminal.printError("webhook \(id) deleted.")
        }
    }

    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A webhook's deliveries, newest first.",
            discussion: "EXAMPLE\n  motcua webhooks deliveries 3 --state dead")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The webhook id.") var id: Int64
        @Option(help: "pending, delivered or dead.") var state: String?
        @Option(help: "At most this many (default 50).") var limit: Int = 50

        mutating func run() async throws {
            let wanted = try state.map { name in
                guard let state = DeliveryState(rawValue: name) else { throw ValidationError("--state: pending, delivered or dead") }
                return state
            }
            var items: [WebhookDelivery] = []
            for try await delivery in try global.client().webhooks.allDeliveries(id, state: wanted, pageSize: min(limit, 500)) {
                items.append(delivery)
                if items.count == limit { break }
            }
            try Output.list(items, columns: Columns.delivery, format: global.format)
        }
    }

    struct Redeliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a delivery again (a dead letter gets a fresh set of attempts).",
            discussion: "EXAMPLE\n  motcua webhooks redeliver 3 1187")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The webhook id.") var id: Int64
        @Argument(help: "The delivery id.") var delivery: Int64

        mutating func run() async throws {
            let queued = try await global.client().webhooks.redeliver(id, delivery: delivery)
            try Output.single(queued, columns: Columns.delivery, format: global.format)
        }
    }
}
