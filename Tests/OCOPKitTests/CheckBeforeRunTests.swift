import Foundation
import Testing
@testable import OCOPKit

/// Issue 14's promise, driven through the built binary: no error is found after output has
/// started when it could have been found before. Each script prints (a query, a `print`, a
/// `let`, an export) before its line-N error: a clause-order, type, unknown-field or
/// unknown-function error, in a query, a `let` variable's use, a `print` interpolation, an
/// assert, a chart or an export. The check finds it before line 1 runs, so standard output
/// stays empty and no file is written; with `--keep-going` every such error of the script is
/// listed, and the statements without one run. Only what the data alone decides (a division
/// by zero on some row) is found while running.
@Suite("Errors before output")
struct CheckBeforeRunTests {
    /// Statements that print something, run before the bad line.
    static let before = [
        "products where stars = 5 count",
        "print \"report\"",
        "let bk = products where province = \"Bắc Kạn\" select id, name",
        "bk count",
        "products sort by score desc select id, score limit 2",
    ]

    /// A bad statement, what kind of error it is, and the column the error points at.
    static let bad: [(statement: String, what: String, column: Int)] = [
        ("products count sort by name", "clause order: count ends a statement", 16),
        ("products group by province group by stars", "clause order: a second group by", 28),
        ("products where name > 3 count", "type: text against a number", 16),
        ("products group by category select category, avg(name)", "type: avg of text", 45),
        ("products where provnce = \"x\" count", "unknown field", 16),
        ("bk where stars = 4 count", "unknown field of a let's result", 10),
        ("products select id, scor / 10", "unknown field inside an expression", 21),
        ("products select fooo(score)", "unknown function", 17),
        ("print \"{products where nme = 1 count}\"", "unknown field in a print", 24),
        ("assert (products where sc > 1 count) = 3", "unknown field in an assert", 24),
        ("products count chart", "a chart of one number", 16),
        ("products where stsrs = 5 export \"five.csv\"", "unknown field in an export", 16),
    ]

    func script(_ badLine: String) -> String { (Self.before + [badLine, "producers count"]).joined(separator: "\n") + "\n" }

    @Test("the good statements print on their own (so an empty output below means the check stopped them)")
    func goodStatementsPrint() throws {
        let dir = Support.folder(["good.ocop": (Self.before + ["producers count"]).joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReportKit.ocop(["run", "good.ocop"], cwd: dir)
        #expect(r.exit == 0, "\(r)")
        #expect(r.out.hasPrefix("6\nreport\n"), "\(r.out)")
        #expect(r.out.hasSuffix("138\n"), "\(r.out)")
    }

    @Test("a line-6 error of any kind: nothing printed, no file written, exit 1, the error at its line and column")
    func nothingPrintsBeforeTheError() throws {
        for b in Self.bad {
            let dir = Support.folder(["s.ocop": script(b.statement)])
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try ReportKit.ocop(["run", "s.ocop"], cwd: dir)
            #expect(r.exit == 1, "\(b.what): \(r)")
            #expect(r.out == "", "\(b.what): output before the error:\n\(r.out)")
            #expect(r.err.hasPrefix("s.ocop:6:\(b.column): error: "), "\(b.what): \(r.err)")
            #expect(r.err.components(separatedBy: ": error: ").count == 2, "\(b.what): one error only\n\(r.err)")
            #expect(ReportKit.files(in: dir) == ["s.ocop"], "\(b.what): a file was written")
        }
    }

    @Test("--keep-going lists every check error of the script, in order, then runs the statements without one")
    func keepGoingListsAll() throws {
        // the good statements, then every bad one, then one more good one
        let lines = Self.before + Self.bad.map(\.statement) + ["producers count"]
        let dir = Support.folder(["all.ocop": lines.joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReportKit.ocop(["--keep-going", "run", "all.ocop"], cwd: dir)
        #expect(r.exit == 1)
        let places = r.err.split(separator: "\n").filter { $0.hasPrefix("all.ocop:") && $0.contains(": error: ") }
            .map { String($0.prefix { $0 != " " }) }
        let expected = Self.bad.enumerated().map { "all.ocop:\(Self.before.count + 1 + $0.offset):\($0.element.column):" }
        #expect(places == expected, "\(r.err)")
        #expect(r.out.hasPrefix("6\nreport\n") && r.out.hasSuffix("138\n"), "\(r.out)")
        #expect(ReportKit.files(in: dir) == ["all.ocop"], "the export with an error wrote a file")
    }

    @Test("in the session, every check error comes before the first output, with --keep-going too")
    func errorsComeFirst() {
        for keepGoing in [false, true] {
            let sink = PlanTests.OrderSink()
            let s = Session(dataset: Loader.sample(), options: SessionOptions(today: Support.today), sink: sink)
            let lines = Self.before + Self.bad.filter { !$0.statement.contains("export") }.map(\.statement) + ["producers count"]
            _ = s.run(lines.joined(separator: "\n"), name: "s.ocop", keepGoing: keepGoing)
            let kinds = sink.log.map { $0.hasPrefix("err:") ? "err" : "out" }
            let errors = keepGoing ? Self.bad.count - 1 : 1
            #expect(Array(kinds.prefix(errors)) == Array(repeating: "err", count: errors), "\(sink.log)")
            #expect(!kinds.dropFirst(errors).contains("err"), "\(sink.log)")
            #expect(kinds.count == (keepGoing ? errors + Self.before.count - 1 + 1 : 1), "\(sink.log)")
        }
    }

    @Test("what only the rows decide is found while running: a division by zero on line 3 comes after line 1's output")
    func rowErrorsComeWhenRunning() throws {
        let dir = Support.folder(["z.ocop": "products count\nprint \"next\"\nproducts select id, score / (stars - stars)\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReportKit.ocop(["run", "z.ocop"], cwd: dir)
        #expect(r.exit == 1)
        #expect(r.out == "214\nnext\n", "\(r)")
        #expect(r.err.hasPrefix("z.ocop:3:"), "\(r.err)")
    }
}
