import ArgumentParser

/// The root command.
struct MotCua: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motcua",
        abstract: "Work with a MotCua one-stop centre server from the command line.",
        discussion: """
            Log in once; the token is stored in $XDG_CONFIG_HOME/motcua/credentials (default ~/.config/motcua/credentials, mode 0600) and used by every later command against the same server. $MOTCUA_TOKEN overrides it.

            EXAMPLES
              motcua login tiepnhan.tanphu --server http://127.0.0.1:8080
              motcua procedures list --q "dang ky khai sinh"
              motcua dossiers submit dossier.json
              motcua dossiers list --status received --overdue --output csv > overdue.csv
              motcua dossiers assign H15.50.05.13-260213-0001 --assignee chuyenvien.tp --if-match 2
              motcua dossiers import intake.csv
              motcua events tail --follow
              motcua webhooks add https://receiver.example/hook

            Every command takes --server URL (default $MOTCUA_URL, then the server you logged in to, then http://127.0.0.1:8080) and --output table|json|csv (default table on a terminal, json otherwise).

            \(ExitStatus.helpText)
            """,
        subcommands: [
            Login.self, Logout.self, ProcedureCommands.self, DossierCommands.self, EvaluationCommands.self,
            CalendarCommands.self, EventCommands.self, WebhookCommands.self, UserCommands.self, ChangePassword.self,
        ]
    )
}
