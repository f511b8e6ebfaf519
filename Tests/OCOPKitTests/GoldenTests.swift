import Foundation
import Testing
@testable import OCOPKit

/// Every `Examples/NAME.ocop` runs through the library facade (as `ocop --today 2026-11-29 run
/// Examples/NAME.ocop` would from the repository root) and must print exactly what
/// `Examples/NAME.out` holds on stdout; stderr and the exit code are in `Examples/NAME.err`,
/// which exists only when a script fails or writes to stderr. Format: Examples/README.md.
///
/// `OCOP_RECORD=1 swift test --filter Golden` re-records every expected file: review the diff.
@Suite("Golden examples")
struct GoldenTests {
    static let recording = ProcessInfo.processInfo.environment["OCOP_RECORD"] == "1"

    /// The example names (without `.ocop`), sorted.
    static func exampleNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Support.examples.path)) ?? []
        return files.filter { $0.hasSuffix(".ocop") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// What an example's expected files say, or nil when it has none.
    static func expected(_ name: String) -> Support.Run? {
        let base = Support.examples.appendingPathComponent(name)
        guard let out = try? String(contentsOf: base.appendingPathExtension("out"), encoding: .utf8) else { return nil }
        guard let errFile = try? String(contentsOf: base.appendingPathExtension("err"), encoding: .utf8) else {
            return Support.Run(out: out, err: "", exit: 0)
        }
        // the last line is `exit: N`; everything before it is stderr
        var lines = errFile.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let last = lines.popLast(), last.hasPrefix("exit: "), let code = Int32(last.dropFirst(6)) else {
            return Support.Run(out: out, err: errFile, exit: -1)
        }
        return Support.Run(out: out, err: lines.map { $0 + "\n" }.joined(), exit: code)
    }

    static func record(_ name: String, _ run: Support.Run) throws {
        let base = Support.examples.appendingPathComponent(name)
        try run.out.write(to: base.appendingPathExtension("out"), atomically: true, encoding: .utf8)
        let errURL = base.appendingPathExtension("err")
        if run.err.isEmpty && run.exit == 0 {
            try? FileManager.default.removeItem(at: errURL)
        } else {
            try (run.err + "exit: \(run.exit)\n").write(to: errURL, atomically: true, encoding: .utf8)
        }
    }

    @Test("Examples/*.ocop print their expected output", arguments: exampleNames())
    func example(_ name: String) throws {
        let script = try String(contentsOf: Support.examples.appendingPathComponent(name + ".ocop"), encoding: .utf8)
        var actual = Support.run(script, name: "Examples/\(name).ocop", dataset: try Self.dataset(script))
        // files named as from the repository root, as `ocop --data Examples/… run` names them
        actual.out = actual.out.replacingOccurrences(of: Support.root.path + "/", with: "")
        actual.err = actual.err.replacingOccurrences(of: Support.root.path + "/", with: "")
        if Self.recording {
            try Self.record(name, actual)
            return
        }
        guard let expected = Self.expected(name) else {
            Issue.record("Examples/\(name).out is missing: record it with OCOP_RECORD=1 swift test --filter Golden")
            return
        }
        #expect(actual.exit == expected.exit, "exit code of Examples/\(name).ocop")
        #expect(actual.err == expected.err, "stderr of Examples/\(name).ocop")
        #expect(actual.out == expected.out, "stdout of Examples/\(name).ocop")
        if let difference = Self.firstDifference(actual.out, expected.out) {
            Issue.record("Examples/\(name).out \(difference)")
        }
    }

    /// The folder or data file a script names in a `# data: PATH` line (relative to the repository root,
    /// as `ocop --data PATH run` takes it from there); nil runs it on the sample.
    static func dataset(_ script: String) throws -> Dataset? {
        guard let line = script.split(separator: "\n").first(where: { $0.hasPrefix("# data: ") }) else { return nil }
        return try Loader.load(Support.root.appendingPathComponent(String(line.dropFirst("# data: ".count))).path)
    }

    /// `line N:` with both versions of the first line that differs (a whole table is hard to read).
    static func firstDifference(_ actual: String, _ expected: String) -> String? {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        guard let i = (0..<max(a.count, e.count)).first(where: { $0 >= a.count || $0 >= e.count || a[$0] != e[$0] }) else { return nil }
        func line(_ l: [Substring]) -> String { i < l.count ? String(l[i]) : "<end>" }
        return "line \(i + 1):\n  expected: \(line(e))\n  actual:   \(line(a))"
    }

    @Test("every expected file belongs to an example, and there are examples")
    func noOrphans() throws {
        let names = Set(Self.exampleNames())
        #expect(names.count >= 10)
        let files = try FileManager.default.contentsOfDirectory(atPath: Support.examples.path)
        for f in files where f.hasSuffix(".out") || f.hasSuffix(".err") {
            #expect(names.contains(String(f.dropLast(4))), "Examples/\(f) has no matching .ocop script")
        }
    }

    /// The statements the foundation issue lists must each appear, verbatim, in some example.
    @Test("the foundation issue's 22 statements are all examples")
    func foundationStatementsCovered() throws {
        let all = try Self.exampleNames().map {
            try String(contentsOf: Support.examples.appendingPathComponent($0 + ".ocop"), encoding: .utf8)
        }.joined(separator: "\n")
        let lines = Set(all.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for statement in Self.foundationStatements {
            #expect(lines.contains(statement), "no example runs: \(statement)")
        }
    }

    static let foundationStatements = [
        #"products where stars >= 3"#,
        #"products where stars >= 4 and province = "Bắc Kạn""#,
        #"products where stars = 5 or (stars = 4 and score >= 85)"#,
        #"products where not (category = "Thực phẩm")"#,
        #"products where category in ["Thực phẩm", "Đồ uống"]"#,
        #"products where name contains "nghệ""#,
        #"products where producer.kind = "Hợp tác xã""#,
        #"products where expires_on < today"#,
        #"products where certified_on >= 2022-01-01 and expires_on <= today + 90 days"#,
        #"products where district is null"#,
        #"products select name, stars, producer.name"#,
        #"products select name, score / 10 as points"#,
        #"products sort by stars desc, name limit 10"#,
        #"products count"#,
        #"products where stars >= 3 count"#,
        #"products group by province count"#,
        #"products group by province, stars count"#,
        #"products group by category select category, count() as n, avg(score) as avg_score sort by n desc"#,
        #"products group by province select province, count() as n where n >= 10"#,
        #"producers where count(products) >= 3 select name, kind, count(products) as n"#,
        #"let bk = products where province = "Bắc Kạn""#,
        #"bk where stars = 4 count"#,
    ]
}
