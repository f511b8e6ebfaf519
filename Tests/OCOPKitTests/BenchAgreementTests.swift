import Foundation
import Testing

/// Issue 17's proof runs `make bench` (Tools/bench.py), which checks that ocop, DuckDB,
/// sqlite3 and a Python reference agree on every question. `make bench` is optional, so its
/// agreement check is smoke-tested here on 2,000 generated products with ocop, sqlite3 and the
/// reference (no DuckDB: it is installed by `make bench` only). No time is asserted.
@Suite("make bench: the three-way agreement check", .serialized)
struct BenchAgreementTests {
    /// The datasets go to .build/fixtures/bench (replaced each run), not bench-data/.
    static let dataRoot: URL = {
        let dir = ReportKit.root.appendingPathComponent(".build/fixtures/bench", isDirectory: true)
        try? FileManager.default.removeItem(at: dir)  // absent on a first run
        return dir
    }()

    /// Runs Tools/bench.py on 2,000 rows with `ocop` (a path) as the ocop binary.
    static func bench(ocop: String) throws -> (out: String, err: String, exit: Int32) {
        let tmp = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let outURL = tmp.appendingPathComponent("out"), errURL = tmp.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", ReportKit.root.appendingPathComponent("Tools/bench.py").path,
                       "--sizes", "2000", "--runs", "1", "--startup-runs", "0", "--tools", "ocop,sqlite3",
                       "--ocop", ocop, "--data-root", dataRoot.path, "--out", "-"]
        p.currentDirectoryURL = ReportKit.root
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        p.waitUntilExit()
        return (String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                String(decoding: try Data(contentsOf: errURL), as: UTF8.self), p.terminationStatus)
    }

    static func binary() throws -> URL {
        guard let b = ReportKit.binary else {
            throw ReportKit.Missing(description: "the ocop binary is not next to the test bundle: run swift build --build-tests first")
        }
        return b
    }

    /// The question rows of the printed table: number → the voices that agreed.
    static func voices(_ out: String) -> [Int: [String]] {
        var v: [Int: [String]] = [:]
        for line in out.split(separator: "\n") {
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let q = cells.first.flatMap({ Int($0) }), line.contains("ocop") else { continue }
            let tail = line.components(separatedBy: "  ").filter { !$0.isEmpty }.last ?? ""
            v[q] = tail.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return v
    }

    @Test("every question of the suite is answered alike by ocop, sqlite3 (where it can say it) and Python")
    func agree() throws {
        let r = try Self.bench(ocop: try Self.binary().path)
        #expect(r.exit == 0, "bench.py failed:\n\(r.out)\n\(r.err)")
        #expect(!r.out.contains("ANSWERS DIFFER"))
        let v = Self.voices(r.out)
        #expect(v.count == 18, "the question table: \(r.out)")
        for (q, who) in v {
            #expect(who.contains("ocop") && who.count >= 2, "question \(q) agreed by \(who) only")
        }
        // the questions sqlite3 can say are checked three ways
        for q in [1, 2, 3, 4, 5, 11, 12, 13, 16, 17, 18] {
            #expect(v[q].map { $0.contains("sqlite3") } == true, "question \(q): \(v[q] ?? [])")
        }
    }

    @Test("a wrong answer fails the check: an ocop whose question 12 is off by one makes bench.py exit 1 naming it")
    func disagreementFails() throws {
        let real = try Self.binary().path
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wrapper = dir.appendingPathComponent("ocop-off-by-one")
        // the line after ##Q12's header is its count: add one to it
        let script = """
            #!/bin/sh
            "\(real)" "$@" | awk 'q == 2 { $0 = $0 + 1; q = 0 } q == 1 { q = 2 } /^##Q12$/ { q = 1 } { print }'
            """
        try script.write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let r = try Self.bench(ocop: wrapper.path)
        #expect(r.exit == 1, "\(r.out)\n\(r.err)")
        #expect(r.out.contains("ANSWERS DIFFER"))
        #expect(r.out.contains("question 12 (producers with >= 3 products, count), ocop vs sqlite3"), "\(r.out)")
    }
}
