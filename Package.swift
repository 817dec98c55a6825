// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// For the database layers: async functions run on the caller's executor, so a helper that takes a
/// pooled connection needs no annotation. (Not for the server: Hummingbird's middleware signatures
/// expect the default isolation.)
let databaseSwiftSettings = swiftSettings + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]

let package = Package(
    name: "motcua",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "motcua-server", targets: ["motcua-server"]),
        .executable(name: "motcua", targets: ["motcua"]),
        .executable(name: "motcua-bench", targets: ["motcua-bench"]),
        .library(name: "MotCuaClient", targets: ["MotCuaClient"]),
        .library(name: "MotCuaDomain", targets: ["MotCuaDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // MARK: C system libraries

        /// libpq, PostgreSQL's C client library.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        /// libcurl with typed, non-variadic setopt/getinfo shims.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // MARK: Libraries

        /// Swift over libpq: configuration, connections, a pool Service, interpolated queries, rows, transactions, migrations.
        .target(
            name: "MotCuaPostgres",
            dependencies: [
                "CLibPQ",
                "MotCuaFoundation",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: databaseSwiftSettings
        ),
        /// The rules of a commune one-stop centre: calendar, deadlines, statuses, timeliness, scoring. Pure, no I/O.
        .target(name: "MotCuaDomain", dependencies: ["MotCuaFoundation"], swiftSettings: swiftSettings),
        /// The leaf every module may use: civil-date arithmetic, CSV (with formula neutralisation), terminal-safe
        /// text, the one lock type. No dependencies.
        .target(name: "MotCuaFoundation", swiftSettings: swiftSettings),
        /// QR Code (ISO/IEC 18004) encoder, byte mode, drawn as SVG: the receipt's link to the lookup page. Pure, no I/O.
        .target(name: "QRCode", swiftSettings: swiftSettings),
        /// Types, server stubs and client generated from openapi.yaml.
        .target(
            name: "MotCuaAPI",
            dependencies: [
                "MotCuaFoundation",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        /// SQL for units, users, tokens, procedures, calendar, dossiers, events and evaluations; migrations as resources.
        .target(
            name: "MotCuaStore",
            dependencies: [
                "MotCuaPostgres",
                "MotCuaDomain",
                "MotCuaFoundation",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Migrations")],
            swiftSettings: databaseSwiftSettings
        ),
        /// The HTTP server: composition root, handlers, auth, error mapping, background services, embedded database.
        .target(
            name: "MotCuaServer",
            dependencies: [
                "MotCuaAPI",
                // The libcurl transport, for webhook deliveries.
                "MotCuaClient",
                "MotCuaStore",
                "MotCuaDomain",
                "MotCuaPostgres",
                "MotCuaFoundation",
                "QRCode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        /// Public client library: libcurl transport and a curated async API over the generated client.
        .target(
            name: "MotCuaClient",
            dependencies: [
                "CCurl",
                "MotCuaAPI",
                "MotCuaFoundation",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Executables

        /// The server: serve | migrate | seed | create-admin.
        .executableTarget(
            name: "motcua-server",
            dependencies: [
                "MotCuaServer",
                "MotCuaStore",
                "MotCuaDomain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        /// Command-line tool for officers' scripts, on MotCuaClient.
        .executableTarget(
            name: "motcua",
            dependencies: [
                "MotCuaClient",
                "MotCuaFoundation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        /// Benchmark of the client: sequential GETs through MotCuaClient (scripts/bench-client.sh).
        .executableTarget(
            name: "motcua-bench",
            dependencies: ["MotCuaClient"],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests

        .testTarget(
            name: "MotCuaDomainTests",
            dependencies: ["MotCuaDomain", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"], swiftSettings: swiftSettings),
        .testTarget(name: "MotCuaFoundationTests", dependencies: ["MotCuaFoundation"], swiftSettings: swiftSettings),
        /// The harness the test targets share: the test database, pools, fixture names, the server
        /// configuration tests run with, the app under test (on PostgreSQL, or on in-memory and scripted
        /// stores), its HTTP client, fixtures and problem assertions.
        .target(
            name: "MotCuaTestSupport",
            dependencies: [
                "MotCuaServer",
                "MotCuaStore",
                "MotCuaPostgres",
                "MotCuaDomain",
                "MotCuaFoundation",
                "MotCuaAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/MotCuaTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MotCuaPostgresTests",
            dependencies: ["MotCuaPostgres", "MotCuaTestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MotCuaServerTests",
            dependencies: [
                "MotCuaServer",
                "MotCuaStore",
                "MotCuaPostgres",
                "MotCuaDomain",
                "MotCuaTestSupport",
                "QRCode",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        /// Handler tests through the real router on in-memory account, catalog and webhook stores and
        /// scripted dossiers, evaluations and change feed: no database.
        .testTarget(
            name: "MotCuaHandlerTests",
            dependencies: [
                "MotCuaServer", "MotCuaStore", "MotCuaDomain", "MotCuaPostgres", "MotCuaAPI", "MotCuaFoundation", "MotCuaTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            swiftSettings: swiftSettings
        ),
        /// The list query's plans on 250,000 dossiers (about a minute): `make test` runs it last, alone.
        .testTarget(
            name: "MotCuaExplainTests",
            dependencies: ["MotCuaServer", "MotCuaStore", "MotCuaPostgres", "MotCuaDomain", "MotCuaTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MotCuaClientTests",
            dependencies: [
                "MotCuaClient",
                "MotCuaServer",
                "MotCuaStore",
                "MotCuaPostgres",
                "MotCuaDomain",
                "MotCuaTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
