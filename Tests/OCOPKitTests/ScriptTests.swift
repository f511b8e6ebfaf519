import Foundation
import Testing
@testable import OCOPKit

/// Scripts: param and --param, print with {…}, assert, stopping at the first error or
/// --keep-going, quiet statements and --verbose, date arithmetic at month ends.
@Suite("Scripts")
struct ScriptTests {
    // MARK: parameters

    static let report = """
    param province = "Bắc Kạn"
    param since = 2024-01-01
    print "{$province}: {products where province = $province and certified_on >= $since count}"
    """

    @Test("param gives a default; a command-line value overrides it, typed like a literal")
    func parameters() {
        #expect(ReportKit.run(Self.report).out == "Bắc Kạn: 23\n")
        #expect(ReportKit.run(Self.report, params: ["province": "Bắc Giang"]).out == "Bắc Giang: 10\n")
        #expect(ReportKit.run(Self.report, params: ["since": "2026-01-01"]).out == "Bắc Kạn: 0\n")
        // dd/mm/yyyy is a date too; surrounding quotes are dropped; text is NFC
        #expect(ReportKit.run(Self.report, params: ["since": "01/01/2024", "province": "\"Bắc Giang\""]).out == "Bắc Giang: 10\n")
        #expect(ReportKit.run(Self.report, params: ["province": "Bắc Giang".decomposedStringWithCanonicalMapping]).out == "Bắc Giang: 10\n")
        // $name may be used without a param statement when given
        #expect(ReportKit.run("print \"{$n + 1}\"", params: ["n": "41"]).out == "42\n")
        #expect(ReportKit.run("print \"{$x}\"", params: ["x": "91.5"]).out == "91.5\n")
        // a keyword may name a parameter
        #expect(ReportKit.run("param days = 90\nprint \"{today + $days days}\"").out == "2027-02-27\n")
        // a default may be any value: today - 30 days, a query's count
        #expect(ReportKit.run("param since = today - 30 days\nparam n = (products count)\nprint \"{$since} {$n}\"").out == "2026-10-30 214\n")
    }

    @Test("a command-line value takes the type of the default, or is refused with exit 2")
    func parameterTypes() {
        // text default: 123 stays text; decimal default: 80 becomes 80.0
        #expect(ReportKit.run("param province = \"x\"\nprint \"{$province = '123'}\"", params: ["province": "123"]).out == "true\n")
        #expect(ReportKit.run("param min = 50.5\nproducts where score >= $min count", params: ["min": "80"]).out == "12\n")
        let bad = ReportKit.run("param since = 2024-01-01\nprint \"{$since}\"", name: "r.ocop", params: ["since": "yesterday"])
        #expect(bad.exit == 2)
        #expect(bad.out == "")
        #expect(bad.err.hasPrefix("r.ocop:1:7: error: --param since=yesterday is not a date\n"))
        #expect(bad.err.contains("hint: the default 2024-01-01 is a date; give one like it"))
    }

    @Test("a parameter without a default or a value stops the script before it prints: exit 2")
    func missingParameter() {
        let r = ReportKit.run("print \"start\"\nparam province\nprint \"{$province}\"", name: "report.ocop")
        #expect(r.exit == 2)
        #expect(r.out == "", "nothing runs")
        #expect(r.err == """
        report.ocop:2:7: error: parameter 'province' has no value
          param province
                ^^^^^^^^
          hint: give it on the command line: ocop run report.ocop --param province=…
          hint: or give it a default: param province = …
          see: help param

        """)
        #expect(ReportKit.run("param province\nprint \"{$province}\"", params: ["province": "Lạng Sơn"]).out == "Lạng Sơn\n")
        // even with --keep-going a missing parameter stops everything
        #expect(ReportKit.run("products count\nparam p", keepGoing: true).exit == 2)
        // an undeclared, ungiven $name is an error in the statement that uses it
        let unknown = ReportKit.run("print \"{$provnce}\"", params: ["province": "x"])
        #expect(unknown.exit == 1 && unknown.err.contains("unknown parameter '$provnce'") && unknown.err.contains("did you mean '$province'?"))
    }

    @Test("the command line: --param overrides, a missing one exits 2, a misspelt one exits 2")
    func parametersOnTheCommandLine() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("report.ocop")
        try Data("param province\nparam stars = 4\nprint \"{$province}: {products where province = $province and stars >= $stars count}\"\n".utf8).write(to: script)
        let ok = try ReportKit.ocop(["run", script.path, "--param", "province=Bắc Giang", "--param", "stars=5"])
        #expect(ok == ReportKit.Run(out: "Bắc Giang: 1\n", err: "", exit: 0))
        let missing = try ReportKit.ocop(["run", script.path])
        #expect(missing.exit == 2)
        #expect(missing.out == "")
        #expect(missing.err.hasPrefix("\(script.path):1:7: error: parameter 'province' has no value"))
        let misspelt = try ReportKit.ocop(["run", script.path, "--param", "province=Bắc Kạn", "--param", "star=5"])
        #expect(misspelt.exit == 2)
        #expect(misspelt.err.contains("--param star is not a parameter of \(script.path)"))
        #expect(misspelt.err.contains("did you mean --param stars=…?"))
        // the example report, for another province
        let example = try ReportKit.ocop(["run", "Examples/report-province-monthly.ocop", "--param", "province=Bắc Giang"])
        #expect(example.exit == 0)
        #expect(example.out.hasPrefix("BÁO CÁO OCOP THÁNG 11/2026 — Bắc Giang\n"))
    }

    // MARK: print

    @Test("print: {…} holds a value, a parameter, or a query (its count or its one value)")
    func printInterpolation() {
        let r = ReportKit.run("""
        param province = "Bắc Kạn"
        print "Sản phẩm 4 sao ở {$province}: {products where stars = 4 and province = $province count}"
        print "{products where id = 'SP0014' select name} ({products where id = 'SP0014' select stars}★)"
        print "{products where stars = 5 and province = 'Bắc Giang' select name}; {products where stars = 9 select name}|"
        print "{1 + 2 * 3} {round(10 / 4, 1)} {2024-01-31 + 1 month} {lower('ĐỒ UỐNG')} {null}|"
        print "braces: \\{ and \\}, quotes: \\" and 'single', tab:\\tend"
        print 'single quoted {"double inside"}'
        print ""
        print "{(products count) - (producers count)}"
        """)
        // the empty query inside a print gets its note, as a direct query would (ValueNotesTests)
        #expect(r.err == "0 rows. stars ranges 3–5 here.\n")
        #expect(r.out == """
        Sản phẩm 4 sao ở Bắc Kạn: 24
        Vải thiều Lục Ngạn (5★)
        Vải thiều Lục Ngạn; |
        7 2.5 2024-02-29 đồ uống |
        braces: { and }, quotes: " and 'single', tab:\tend
        single quoted double inside

        76

        """)
    }

    @Test("print errors point into the text")
    func printErrors() {
        func err(_ s: String) -> String { ReportKit.run(s, name: "p.ocop").err }
        #expect(err("print \"a {products count\"").hasPrefix("p.ocop:1:10: error: '{' is not closed in this text\n"))
        #expect(err("print \"a } b\"").hasPrefix("p.ocop:1:10: error: '}' without a '{' before it\n"))
        #expect(err("print \"{}\"").hasPrefix("p.ocop:1:8: error: nothing inside '{}'\n"))
        #expect(err("print \"{products where province = \\\"x\\\" count}\"").hasPrefix("p.ocop:1:35: error: inside {…} of \"…\" text, write text with single quotes"))
        #expect(err("print \"{provnce}\"").contains("p.ocop:1:9: error: 'provnce' is not a value here: there is no current row"))
        #expect(err("print \"{products}\"").contains("hint: a table is not one value; count it: {products count}"))
        #expect(err("print \"{products where stars = 5 select name, stars}\"").contains("must give one column"))
        #expect(err("print \"{3 days}\"").contains("a duration is not a value to print"))
        #expect(err("print products count").contains("expected text in quotes after 'print'"))
        #expect(err("print \"{products where stars = 5 count chart}\"").contains("expected '}'"))
    }

    // MARK: assert

    @Test("a passing assert prints nothing; a failing one stops with its message and place: exit 1")
    func assertions() {
        #expect(ReportKit.run("assert products where stars > 5 count = 0, \"stars out of range\"") == ReportKit.Run(out: "", err: "", exit: 0))
        let r = ReportKit.run("""
        products where stars = 5 count
        assert products where stars >= 4 count = 0, "too many stars: {products where stars >= 4 count}"
        products count
        """, name: "check.ocop")
        #expect(r.exit == 1)
        #expect(r.out == "6\n")
        #expect(r.err == """
        check.ocop:2:1: error: too many stars: 64
          assert products where stars >= 4 count = 0, "too many stars: {products where stars >= 4 count}"
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          hint: products where stars >= 4 count is 64; expected = 0

        """)
        // without a message, the condition is the message; any condition works
        let plain = ReportKit.run("assert (products count) < 100")
        #expect(plain.err.hasPrefix("<test>:1:1: error: assertion failed: (products count) < 100\n"))
        #expect(ReportKit.run("assert today > 2026-01-01 and 'a' != 'b'").exit == 0)
        #expect(ReportKit.run("param p = 3\nassert $p between 1 and 5, \"p out of range\"").exit == 0)
        // unknown (a null) is not true
        let unknown = ReportKit.run("assert null = 1, \"x\"")
        #expect(unknown.exit == 1 && unknown.err.contains("hint: null is null; expected = 1"))
        // a query alone is not a condition; types are checked
        #expect(ReportKit.run("assert products where stars > 5").err.contains("assert needs a condition"))
        #expect(ReportKit.run("assert products count = 'many'").exit == 1)
    }

    @Test("the command line: a failed assertion exits 1 with the script's position")
    func assertOnTheCommandLine() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("check.ocop")
        try Data("#!/usr/bin/env ocop\nproducts count\nassert products where stars > 4 count = 0, \"five stars found\"\n".utf8).write(to: script)
        let r = try ReportKit.ocop(["run", script.path])
        #expect(r.exit == 1)
        #expect(r.out == "214\n")
        #expect(r.err.hasPrefix("\(script.path):3:1: error: five stars found\n"))
    }

    // MARK: stopping and --keep-going

    static let faulty = """
    products where stars = 5 count
    products where provnce = "x" count
    products were stars >= 4
    print "still here"
    print "unterminated
    assert products count = 1, "wrong count"
    producers count
    """

    @Test("a script stops at its first error; a syntax or check error anywhere stops it before it starts")
    func stopsAtFirstError() {
        let checked = ReportKit.run("products count\nproducts where provnce = 'x' count\nproducers count", name: "s.ocop")
        #expect(checked.exit == 1)
        #expect(checked.out == "", "the unknown field on line 2 is found before line 1 prints")
        #expect(checked.err.hasPrefix("s.ocop:2:16: error: unknown field 'provnce'"))
        // an error that only the rows can show stops the script where it happens
        let runtime = ReportKit.run("products count\nproducts where stars / 0 > 1 count\nproducers count", name: "s.ocop")
        #expect(runtime.exit == 1)
        #expect(runtime.out == "214\n")
        #expect(runtime.err.hasPrefix("s.ocop:2:24: error: division by zero"))
        let syntax = ReportKit.run(Self.faulty, name: "s.ocop")
        #expect(syntax.exit == 1)
        #expect(syntax.out == "")
        #expect(syntax.err.hasPrefix("s.ocop:3:10: error: unknown clause 'were'"), "the first error by position, not the lexer's")
        #expect(syntax.err.components(separatedBy: "error:").count == 2)
    }

    @Test("--keep-going runs every statement that parses and reports every error, in order: exit 1")
    func keepGoing() {
        let r = ReportKit.run(Self.faulty, name: "s.ocop", keepGoing: true)
        #expect(r.exit == 1)
        #expect(r.out == "6\nstill here\n138\n")
        let places = r.err.split(separator: "\n").filter { $0.hasPrefix("s.ocop:") }.map { $0.prefix { $0 != " " } }
        #expect(places == ["s.ocop:2:16:", "s.ocop:3:10:", "s.ocop:5:7:", "s.ocop:6:1:"])
        #expect(r.err.contains("unterminated text"))
        #expect(r.err.contains("error: wrong count"))
    }

    @Test("the parser recovers at the next statement, including after clause-keyword lines")
    func recovery() {
        let items = Parser.parseEach(Source(name: "t", text: "products wher x\n  where stars = 4\nproducts count; products sort\nproducers count\nlet = 3\nproducts"))
        let summary = items.map { item -> String in
            switch item {
            case .success(let s): return "ok \(s.range.start)"
            case .failure(let d): return "error \(d.range?.start ?? -1)"
            }
        }
        #expect(summary.count == 6)
        #expect(summary[0].hasPrefix("error"))
        #expect(summary[1].hasPrefix("ok"), "products count")
        #expect(summary[2].hasPrefix("error"), "sort without by")
        #expect(summary[3].hasPrefix("ok"), "producers count")
        #expect(summary[4].hasPrefix("error"), "let without a name")
        #expect(summary[5].hasPrefix("ok"), "products")
    }

    @Test("--keep-going on the command line")
    func keepGoingCommandLine() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("s.ocop")
        try Data(Self.faulty.utf8).write(to: script)
        let r = try ReportKit.ocop(["--keep-going", "run", script.path])
        #expect(r.exit == 1)
        #expect(r.out == "6\nstill here\n138\n")
        #expect(r.err.components(separatedBy: ": error: ").count == 5)
        let stop = try ReportKit.ocop(["run", script.path])
        #expect(stop.exit == 1 && stop.out == "")
    }

    // MARK: quiet statements

    @Test("let, param and export print nothing; --verbose says what they did on stderr")
    func quietAndVerbose() {
        let script = "let bk = products where province = 'Bắc Kạn'\nparam n = 4\nparam d = 2024-01-31\nbk where stars = $n count"
        #expect(ReportKit.run(script) == ReportKit.Run(out: "24\n", err: "", exit: 0))
        let verbose = ReportKit.run(script, params: ["n": "5"]) { $0.verbose = true }
        #expect(verbose == ReportKit.Run(out: "4\n", err: "bk: 84 rows\nparam n = 5 (from --param)\nparam d = 2024-01-31\n", exit: 0))
        #expect(ReportKit.run("set verbose on\nparam t = 'x'").err == "param t = \"x\"\n")
    }

    // MARK: dates

    @Test("month arithmetic is month-end safe", arguments: [
        ("2021-02-28 + 36 months", "2024-02-28"),
        ("2020-02-29 + 12 months", "2021-02-28"),
        ("2020-02-29 + 1 year", "2021-02-28"),
        ("2020-02-29 + 4 years", "2024-02-29"),
        ("2021-01-31 + 1 month", "2021-02-28"),
        ("2024-01-31 + 1 month", "2024-02-29"),
        ("2021-03-31 - 1 month", "2021-02-28"),
        ("2021-05-31 + 1 month", "2021-06-30"),
        ("2021-12-31 + 2 months", "2022-02-28"),
        ("2021-03-01 - 1 day", "2021-02-28"),
        ("2024-03-01 - 1 day", "2024-02-29"),
        ("31/12/2024 + 1 day", "2025-01-01"),
        ("today - 30 days", "2026-10-30"),
        ("today + 90 days", "2027-02-27"),
        ("today - 2 weeks", "2026-11-15"),
        ("36 months + 2023-11-30", "2026-11-30"),
    ])
    func monthEnds(_ expr: String, _ expected: String) {
        #expect(ReportKit.run("print \"{\(expr)}\"").out == expected + "\n", "\(expr)")
    }

    @Test("year(), month(), days_between(), date differences; dd/mm/yyyy with date_style vn")
    func dateFunctions() {
        let r = ReportKit.run("""
        print "{year(today)} {month(today)} {day(today)} {days_between(2024-01-01, 2024-12-31)} {days_between(today, 2026-11-01)}"
        print "{2024-03-01 - 2024-02-01} {2023-03-01 - 2023-02-01} {year(2020-02-29 + 12 months)}"
        set date_style vn
        print "{today} {2021-02-28 + 36 months} {29/02/2020 + 12 months}"
        products where id = 'SP0027' select certified_on, certified_on + 36 months as default_expiry
        """)
        #expect(r.err == "")
        #expect(r.out.hasPrefix("2026 11 29 365 -28\n29 28 2021\n29/11/2026 28/02/2024 28/02/2021\n"))
        #expect(r.out.contains("│ 25/06/2019   │ 25/06/2022     │"))
        #expect(Day(iso: "2020-02-29")!.adding(months: 12) == Day(iso: "2021-02-28"))
        #expect(Day(iso: "9999-12-31")!.adding(months: 1) == nil)
        #expect(ReportKit.run("print \"{9999-12-31 + 1 month}\"").err.contains("date out of range"))
    }

    // MARK: a query as a value

    @Test("a query used as a value runs once: in where, in print, in assert")
    func queryAsValue() {
        #expect(ReportKit.run("products where score > (products select avg(score)) count").out == "48\n")
        #expect(ReportKit.run("products where province = (products where id = 'SP0014' select province) count").out == "74\n")
        let many = ReportKit.run("products where score > (products select score) count")
        #expect(many.exit == 1 && many.err.contains("a query used as a value must give one value, but this one gives 214 rows"))
        let related = ReportKit.run("producers where (products count) > 1 count")
        #expect(related.exit == 1 && related.err.contains("can only appear inside count(…)"))
    }
}
