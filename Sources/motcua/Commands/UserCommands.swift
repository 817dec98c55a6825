import ArgumentParser
import Foundation
import MotCuaClient

/// `motcua users ...`: the accounts an admin manages.
struct UserCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Change, deactivate and log out accounts, and reset their passwords (admin of their province).",
        subcommands: [Update.self, ResetPassword.self, LogoutEverywhere.self, LoginAudit.self])

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a user's name, unit, roles or active state; only what is given changes.",
            discussion: """
                Deactivating revokes the user's tokens and API keys at once.

                EXAMPLES
                  motcua users update chuyenvien.tanphu --deactivate
                  motcua users update lanhdao.tanphu --roles leader,specialist --unit H15.50.05.14
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The username.") var username: String
        @Option(help: "The full name.") var name: String?
        @Option(help: "The unit code (within the province).") var unit: String?
        @Option(help: "Comma-separated roles, replacing the current ones.") var roles: String?
        @Flag(inversion: .prefixedEnableDisable, help: "Activate or deactivate the account.") var active: Bool?
        @Flag(help: "Deactivate the account (the same as --disable-active).") var deactivate = false

        mutating func run() async throws {
            let parsedRoles = try roles.map { list in
                try list.split(separator: ",").map { name in
                    guard let role = Role(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                        throw ValidationError("--roles: each one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return role
                }
            }
            let user = try await global.client().users.update(
                username, fullName: name, unitCode: unit, roles: parsedRoles, active: deactivate ? false : active)
            try Output.single(user, columns: Columns.user, format: global.format)
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Set a new password for a user who forgot theirs; every session of the user ends.",
            discussion: """
                The new password is read from stdin with --password-stdin, else from $MOTCUA_NEW_PASSWORD, else asked for on the terminal.

                EXAMPLE
                  printf '%s\\n' "$TEMPORARY" | motcua users reset-password tiepnhan.tanphu --password-stdin
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The username.") var username: String
        @Flag(help: "Read the new password from the first line of stdin.") var passwordStdin = false

        mutating func run() async throws {
            let password = try Secret.read(
                fromStdin: passwordStdin, environment: "MOTCUA_NEW_PASSWORD", prompt: "New password for \(username): ")
            try await global.client().users.resetPassword(username, to: password)
            Terminal.printError("Password of \(username) reset; their sessions have ended.")
        }
    }

    struct LogoutEverywhere: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "logout-everywhere",
            abstract: "Revoke every token of a user (yourself, or a user of your province as admin).",
            discussion: "EXAMPLE\n  motcua users logout-everywhere chuyenvien.tanphu")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The username.") var username: String

        mutating func run() async throws {
            try await global.client().users.logOutEverywhere(username)
            Terminal.printError("Every token of \(username) is revoked.")
        }
    }

    struct LoginAudit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "login-audit",
            abstract: "Password logins, newest first (admin, auditor: your province's accounts).",
            discussion: """
                EXAMPLES
                  motcua users login-audit --username tiepnhan.tanphu
                  motcua users login-audit --outcome failed --limit 100 --output csv
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only attempts for this username.") var username: String?
        @Option(help: "succeeded or failed.") var outcome: String?
        @Option(help: "At most this many attempts, 1-500.") var limit: Int = 50

        mutating func run() async throws {
            let parsed = try outcome.map { text in
                guard let value = LoginOutcome(rawValue: text) else { throw ValidationError("--outcome: succeeded or failed") }
                return value
            }
            let page = try await global.client().auth.loginAudit(username: username, outcome: parsed, limit: limit)
            try Output.list(page.items, columns: Columns.loginAttempt, format: global.format)
        }
    }
}

/// `motcua password`: change your own password.
struct ChangePassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Change your password; your other sessions end, this one keeps working.",
        discussion: """
            With --password-stdin the first line of stdin is the current password and the second the new one; else $MOTCUA_PASSWORD and $MOTCUA_NEW_PASSWORD; else both are asked for on the terminal.

            EXAMPLE
              printf '%s\\n%s\\n' "$OLD" "$NEW" | motcua password --password-stdin
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Read the current and the new password from the first two lines of stdin.") var passwordStdin = false

    mutating func run() async throws {
        let current = try Secret.read(fromStdin: passwordStdin, environment: "MOTCUA_PASSWORD", prompt: "Current password: ")
        let new = try Secret.read(fromStdin: passwordStdin, environment: "MOTCUA_NEW_PASSWORD", prompt: "New password: ")
        try await global.client().auth.changePassword(from: current, to: new)
        Terminal.printError("Password changed; your other sessions have ended.")
    }
}

/// A password from stdin, the environment or the terminal, in that order.
enum Secret {
    static func read(fromStdin: Bool, environment name: String, prompt: String) throws -> String {
        if fromStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("--password-stdin: no password on stdin") }
            return line
        }
        if let value = ProcessInfo.processInfo.environment[name], !value.isEmpty { return value }
        guard Terminal.stdinIsTerminal, let value = Terminal.readSecret(prompt: prompt), !value.isEmpty else {
            throw ValidationError("no password: use --password-stdin, set \(name), or run on a terminal")
        }
        return value
    }
}
