import Foundation
import MotCuaPostgres
import MotCuaTestSupport
import Testing

@Suite("Query composition and error mapping")
struct QueryAndErrorTests {
    @Test("interpolated values become numbered parameters and composed queries renumber")
    func composition() {
        let id = 7
        let name: String? = nil
        var query: PostgresQuery = "SELECT * FROM t WHERE id = \(id) AND name = \(name)"
        let filters: [PostgresQuery] = ["status = \("open")", "unit_id = ANY(\([1, 2]))"]
        query += " AND " + PostgresQuery.joined(filters, separator: " AND ")
        query.append(unescaped: " ORDER BY \"order\"")
        #expect(query.sql == "SELECT * FROM t WHERE id = $1 AND name = $2 AND status = $3 AND unit_id = ANY($4) ORDER BY \"order\"")
        #expect(query.binds == ["7", nil, "open", "{\"1\",\"2\"}"])
        #expect(!query.description.contains("open"))
    }

    @Test("a composed dynamic filter runs on the server")
    func composedFilterRuns() async throws {
        try await TestDatabase.withPool { pool in
            var filters: [PostgresQuery] = ["g > \(2)"]
            filters.append("g <> ALL(\([4, 5])::int[])")
            filters.append("'$1' <> \("x")")  // a literal "$1" in SQL must not be renumbered
            let query: PostgresQuery = "SELECT g FROM generate_series(1, 7) g WHERE \(PostgresQuery.joined(filters, separator: " AND ")) ORDER BY g"
            let values = try await pool.query(query).map { try $0.decode(Int.self, at: 0) }
            #expect(values == [3, 6, 7])
        }
    }

    @Test("text with a NUL character is refused, not cut short at it")
    func nulCharacterIsRefused() async throws {
        try await TestDatabase.withPool { pool in
            let sneaky = "Nguyễn Văn A\u{0}; admin"
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT \(sneaky)::text") }
            #expect(error?.sqlState == "22021")
            let ordinary = try await pool.query("SELECT \("ordinary")::text").map { try $0.decode(String.self, at: 0) }
            #expect(ordinary == ["ordinary"])
        }
    }

    @Test("server errors map to codes with constraint names, and descriptions hide values")
    func errorCodes() async throws {
        try await TestDatabase.withPool { pool in
            try await pool.withConnection { connection in
                try await connection.simpleQuery(
                    """
                    CREATE TEMP TABLE units (id int PRIMARY KEY);
                    CREATE TEMP TABLE people (
                        email text CONSTRAINT people_email_key UNIQUE,
                        unit_id int REFERENCES units(id),
                        name text NOT NULL,
                        age int CHECK (age >= 0)
                    );
                    INSERT INTO units VALUES (1);
                    """)
                try await connection.execute("INSERT INTO people VALUES (\("secret@example.vn"), 1, 'An', 1)")
                let unique = await #expect(throws: PostgresError.self) {
                    try await connection.execute("INSERT INTO people VALUES (\("secret@example.vn"), 1, 'Bình', 2)")
                }
                #expect(unique?.code == .uniqueViolation)
                #expect(unique?.constraint == "people_email_key")
                #expect(unique?.sqlState == "23505")
                #expect(unique.map { !"\($0)".contains("secret") } == true)
                #expect(unique?.debugDescription.contains("secret") == true)

                let foreignKey = await #expect(throws: PostgresError.self) {
                    try await connection.execute("INSERT INTO people VALUES ('b@x', \(99), 'Chi', 3)")
                }
                #expect(foreignKey?.code == .foreignKeyViolation)
                let notNull = await #expect(throws: PostgresError.self) {
                    try await connection.execute("INSERT INTO people VALUES ('c@x', 1, \(String?.none), 3)")
                }
                #expect(notNull?.code == .notNullViolation)
                #expect(notNull?.column == "name")
                let check = await #expect(throws: PostgresError.self) {
                    try await connection.execute("INSERT INTO people VALUES ('d@x', 1, 'Dũng', \(-1))")
                }
                #expect(check?.code == .checkViolation)
                let syntax = await #expect(throws: PostgresError.self) { try await connection.query("SELEC 1") }
                #expect(syntax?.code == .syntaxError)
                let badText = await #expect(throws: PostgresError.self) { try await connection.query("SELECT \("abc")::int") }
                #expect(badText?.code == .invalidTextRepresentation)
                // The connection is still usable after errors.
                #expect(try await connection.query("SELECT count(*) FROM people")[0].decode(Int.self, at: 0) == 1)
            }
        }
    }

    @Test("a cached prepared statement survives a change of the table's columns")
    func preparedStatementAfterDDL() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { pool in
            try await pool.withConnection { connection in
                try await connection.simpleQuery("CREATE TEMP TABLE shapes (a int); INSERT INTO shapes VALUES (1)")
                #expect(try await connection.query("SELECT * FROM shapes").columns == ["a"])
                try await connection.simpleQuery("ALTER TABLE shapes ADD COLUMN b text")
                #expect(try await connection.query("SELECT * FROM shapes").columns == ["a", "b"])
            }
        }
    }

    @Test("update counts come from the command tag")
    func affectedRows() async throws {
        try await TestDatabase.withPool { pool in
            try await TestDatabase.withTable("id int", pool: pool) { (table) async throws -> Void in
                #expect(try await pool.execute("INSERT INTO \(unescaped: table) SELECT generate_series(1, 5)") == 5)
                #expect(try await pool.execute("DELETE FROM \(unescaped: table) WHERE id > \(3)") == 2)
            }
        }
    }

    @Test("configuration descriptions never show the password")
    func redactedConfiguration() throws {
        let configuration = try PostgresConfiguration(
            url: "postgresql://officer:s3cret@db1:5432,db2:5433/motcua?target_session_attrs=read-write")
        #expect(!configuration.description.contains("s3cret"))
        #expect(configuration.value(for: "host") == "db1,db2")
        #expect(configuration.value(for: "port") == "5432,5433")
        #expect(configuration.value(for: "target_session_attrs") == "read-write")
        #expect(throws: PostgresError.self) { try PostgresConfiguration(url: "postgresql://[bad") }
    }

    @Test("session settings are pinned on every pooled connection")
    func sessionSettings() async throws {
        var configuration = try TestDatabase.configuration()
        configuration.sessionSettings = [("jit", "off"), ("work_mem", "7MB")]
        configuration.statementTimeoutMilliseconds = 4000
        try await TestDatabase.withPool(maxConnections: 2, connection: configuration) { (pool) async throws -> Void in
            let rows = try await pool.query("SELECT current_setting('jit'), current_setting('work_mem'), current_setting('statement_timeout')")
            #expect(try rows[0].decode((String, String, String).self) == ("off", "7MB", "4s"))
        }
    }

    @Test("a multi-host URL skips an unreachable first host")
    func multiHost() async throws {
        let base = try TestDatabase.configuration()
        let host = base.value(for: "host") ?? "127.0.0.1"
        let port = base.value(for: "port") ?? "5432"
        let user = base.value(for: "user") ?? "postgres"
        let database = base.value(for: "dbname") ?? "postgres"
        let configuration: PostgresConfiguration
        if host.hasPrefix("/") {
            configuration = PostgresConfiguration(parameters: [
                ("host", "127.0.0.1,\(host)"), ("port", "1,\(port)"), ("user", user), ("dbname", database),
                ("target_session_attrs", "read-write"),
            ])
        } else {
            configuration = try PostgresConfiguration(
                url: "postgresql://\(user)@127.0.0.1:1,\(host):\(port)/\(database)?target_session_attrs=read-write")
        }
        try await TestDatabase.withPool(maxConnections: 1, connection: configuration) { (pool) async throws -> Void in
            #expect(try await pool.query("SELECT 1")[0].decode(Int.self, at: 0) == 1)
        }
    }
}
