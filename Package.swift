// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ocop",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ocop", targets: ["ocop"]),
        .library(name: "OCOPKit", targets: ["OCOPKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // the .xlsx container (a zip); the sheet XML is read by our own scanner (Spreadsheet/SheetXML.swift)
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // All semantics: text, data, language, evaluation, output. No terminal, no libedit.
        .target(
            name: "OCOPKit",
            // ArgumentParser: the command line's policy is the library's (Program/), so tests run it
            // in-process; BuildInfo: the commit `--version` names
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "BuildInfo",
            ],
            exclude: ["Sample/README.md"],
            resources: [
                .embedInCode("Sample/products.csv"),
                .embedInCode("Sample/producers.csv"),
                .embedInCode("Sample/certifications.csv"),
                .embedInCode("Sample/units.csv"),
                .embedInCode("Sample/new_units.csv"),
            ],
            // Dynamic exclusivity checks cost ~5% of a million-row load (perf: AccessSet::insert,
            // swift_beginAccess in the interning loop); static checks still apply.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // libedit through its native <histedit.h>, with fixed-signature wrappers for the
        // variadic calls Swift cannot import (see CEditLine/shim.h).
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The one small wrapper over libedit, plus the REPL loop that uses it.
        .target(
            name: "Terminal",
            dependencies: ["CEditLine", "OCOPKit"]
        ),
        // The commit the binary was built from, for `ocop --version` (written by `make build`).
        .target(name: "BuildInfo"),
        .executableTarget(
            name: "ocop",
            dependencies: ["OCOPKit", "Terminal"]
        ),
        .testTarget(
            name: "OCOPKitTests",
            dependencies: ["OCOPKit"],
            exclude: ["Fixtures"]
        ),
    ]
)
