import Foundation
import OpenAPIRuntime

/// RFC 3339 timestamps as the server writes them (`2026-02-13T09:00:00Z`), read with or without
/// fractional seconds so that a server that adds them does not break older clients.
struct TolerantDateTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String {
        date.formatted(.iso8601)
    }

    func decode(_ text: String) throws -> Date {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        throw DecodingError.dataCorrupted(
            .init(codingPath: [], debugDescription: "Expected an RFC 3339 date-time, got \(text)"))
    }
}
