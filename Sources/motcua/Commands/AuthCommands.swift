import ArgumentParser
import Foundation
import MotCuaClient

/// `motcua login`.
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Log in and store the token for later commands.",
        discussion: """
            The password is read from stdin with --password-stdin, else from $MOTCUA_PASSWORD, else asked for on the terminal (not echoed). The token and server are stored in $XDG_CONFIG_HOME/motcua/credentials (default ~/.config/motcua/credentials) with mode 0600.

            EXAMPLES
              motcua login tiepnhan.tanphu --server https://motcua.tanphu.gov.vn
              printf '%s\\n' "$PASSWORD" | motcua login admin --password-stdin
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Your username.")
    var username: String

    @Flag(help: "Read the password from the first line of stdin.")
    var passwordStdin = false

    mutating func run() async throws {
        let password = try readPassword()
        let client = try global.client()
        client.token = nil
        let session = try await client.auth.login(username: username, password: password)
        let credentials = Credentials(
            server: client.serverURL.absoluteString, token: session.token, username: session.user.username,
            expiresAt: session.expiresAt)
        try credentials.save()
        let columns: [Column<StoredSession>] = [
            Column("username") { $0.user.username }, Column("fullName") { $0.user.fullName },
            Column("unit") { $0.user.unitCode }, Column("roles") { $0.user.roles.map(\.rawValue).joined(separator: " ") },
            Column("expiresAt") { Output.timestamp($0.expiresAt) },
        ]
        if global.format == .table {
            Terminal.printError("Logged in to \(client.serverURL.absoluteString); token stored in \(Credentials.fileURL().path)")
        }
        try Output.single(StoredSession(expiresAt: session.expiresAt, user: session.user), columns: columns, format: global.format)
    }

    func readPassword() throws -> String {
        try Secret.read(fromStdin: passwordStdin, environment: "MOTCUA_PASSWORD", prompt: "Password for \(username): ")
    }
}

/// `motcua logout`.
struct Logout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Revoke the stored token and forget it.",
        discussion: """
            The credentials file is removed even when the server cannot be reached or already forgot the token.

            EXAMPLE
              motcua logout
            """)

    @OptionGroup var global: GlobalOptions

    mutating func run() async throws {
        let client = try global.client()
        defer { Credentials.delete() }
        guard client.token != nil else {
            Terminal.printError("Not logged in.")
            return
        }
        do {
            try await client.auth.logout()
        } catch MotCuaClientError.problem(let problem) where problem.status == 401 {
            // Already expired or revoked: forgetting it is all that is left to do.
        }
        Terminal.printError("Logged out.")
    }
}

/// What `login` prints: the session, with its token stored in the credentials file instead of shown.
struct StoredSession: Encodable {
    let token = "(stored)"
    let expiresAt: Date
    let user: User
}
