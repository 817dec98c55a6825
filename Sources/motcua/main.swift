// The `motcua` command-line tool. Parsing, dispatch and exit codes are in `CommandLineTool`.
await CommandLineTool.main()
