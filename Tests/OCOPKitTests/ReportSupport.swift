import Foundation
@testable import OCOPKit

/// Helpers for the report, export, chart and script tests: sessions with chosen options, the
/// built `ocop` binary, python3 as an independent CSV reader, scratch folders.
enum ReportKit {
    static let today = Day(iso: "2026-11-29")!

    /// The repository root, from this file's path (Tests/OCOPKitTests/ReportSupport.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What a run printed and the exit code the command line gives for it.
    typealias Run = Support.Run

    static func exitCode(_ o: Session.Outcome) -> Int32 { o.exitCode }

    /// A session on `dataset` (the sample by default) with options changed by `configure`.
    static func session(_ dataset: Dataset? = nil, _ configure: (inout SessionOptions) -> Void = { _ in }) -> (Session, StringSink) {
        var o = SessionOptions(today: today)
        configure(&o)
        let sink = StringSink()
        return (Session(dataset: dataset ?? Loader.sample(), options: o, sink: sink), sink)
    }

    /// Runs `script` as `ocop run` would, with command-line parameters and options.
    static func run(_ script: String, name: String = "<test>", dataset: Dataset? = nil,
                    params: [String: String] = [:], keepGoing: Bool = false,
                    _ configure: (inout SessionOptions) -> Void = { _ in }) -> Run {
        let (s, sink) = session(dataset, configure)
        for (k, v) in params { s.setParameter(k, text: v) }
        let outcome = s.run(script, name: name, keepGoing: keepGoing)
        return Run(out: sink.output, err: sink.errors, exit: exitCode(outcome))
    }

    /// A fresh empty folder, symlinks resolved (so paths compare equal to realpath's).
    static func folder() -> URL {
        let url = URL(fileURLWithPath: Export.realPath(NSTemporaryDirectory()))
            .appendingPathComponent("ocop-report-tests-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func files(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    // MARK: the binary

    /// The built `ocop`, beside the running test binary (directory of /proc/self/exe; on Linux
    /// the test bundle is a file in the build folder, a macOS bundle a folder tree), or
    /// OCOP_BINARY when set.
    static let binary: URL? = {
        if let b = ProcessInfo.processInfo.environment["OCOP_BINARY"] { return URL(fileURLWithPath: b) }
        var dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.pathComponents.contains(where: { $0.hasSuffix(".xctest") }) { dir = dir.deletingLastPathComponent() }
        let bin = dir.appendingPathComponent("ocop")
        return FileManager.default.isExecutableFile(atPath: bin.path) ? bin : nil
    }()

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `ocop --today 2026-11-29 ARGS` in `cwd`, `stdin` piped in; stdout and stderr go
    /// to files, not pipes (a full pipe the test does not read yet would stall the child).
    /// `environment` is added to this process's (NO_COLOR set, COLUMNS removed), or with
    /// `inherit: false` is the whole environment.
    ///
    /// `shell`, when given, is a sh command line in which `ocop "$@"` is this run of ocop: how a
    /// test closes a stream (`ocop "$@" >&-`), points one at /dev/full or pipes into `head`.
    static func ocop(_ args: [String], stdin: [UInt8] = [], cwd: URL = root,
                     environment: [String: String] = [:], inherit: Bool = true, shell: String? = nil) throws -> Run {
        guard let bin = binary else {
            throw Missing(description: "the ocop binary is not next to the test bundle: run swift build --build-tests first")
        }
        let tmp = folder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let inURL = tmp.appendingPathComponent("in"), outURL = tmp.appendingPathComponent("out"), errURL = tmp.appendingPathComponent("err")
        try Data(stdin).write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let p = Process()
        p.executableURL = bin
        p.arguments = ["--today", "2026-11-29"] + args
        if let shell {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "ocop() { \"$OCOP_SHELL_BINARY\" \"$@\"; }; " + shell, "sh"] + p.arguments!
        }
        p.currentDirectoryURL = cwd
        p.standardInput = try FileHandle(forReadingFrom: inURL)
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        var env = inherit ? ProcessInfo.processInfo.environment : [:]
        if inherit {
            env["NO_COLOR"] = "1"
            env.removeValue(forKey: "COLUMNS")
        }
        for (k, v) in environment { env[k] = v }
        if shell != nil { env["OCOP_SHELL_BINARY"] = bin.path }
        p.environment = env
        try p.run()
        p.waitUntilExit()
        // decoded by hand: String(contentsOf:) would drop a byte order mark
        return Run(out: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   err: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), exit: p.terminationStatus)
    }

    // MARK: python3

    /// Rows of `csv` as python3's csv module reads them (an independent RFC 4180 reader);
    /// `encoding` utf-8-sig drops a byte order mark, as Excel does.
    static func pythonCSV(_ bytes: Data, encoding: String = "utf-8") throws -> [[String]] {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.csv"), output = dir.appendingPathComponent("out.json")
        try bytes.write(to: input)
        let script = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='\(encoding)') as f:
            rows = list(csv.reader(f, strict=True))
        with open(sys.argv[2], 'w', encoding='utf-8') as f:
            json.dump(rows, f, ensure_ascii=False)
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, input.path, output.path]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Missing(description: "python3 could not read the CSV") }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output))
        return json as? [[String]] ?? []
    }
}
