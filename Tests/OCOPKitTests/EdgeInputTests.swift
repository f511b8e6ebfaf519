import Foundation
import Testing
@testable import OCOPKit

/// The smaller promises of issue 13 (item 11), through the built binary: the limits of whole
/// numbers, long flat chains against real nesting, exact averages, NUL in file names.
@Suite("Edge inputs")
struct EdgeInputTests {
    func run(_ script: String) throws -> ReportKit.Run {
        try ReportKit.ocop(["--format", "csv"], stdin: Array((script + "\n").utf8))
    }

    @Test("a flat chain of 201, 400 and 1,001 operands is one level, not nesting; its answer is right")
    func flatChains() throws {
        for n in [201, 400, 1_001] {
            let r = try run("products limit 1 select " + Array(repeating: "1", count: n).joined(separator: " + ") + " as x")
            #expect(r == ReportKit.Run(out: "x\n\(n)\n", err: "", exit: 0), "\(n): \(r)")
        }
        let mixed = try run("products where id = \"SP0156\" select " + Array(repeating: "stars", count: 300).joined(separator: " * 1 + ") + " - 1 as x")
        #expect(mixed.out == "x\n1499\n", "\(mixed)")
        // inside parentheses and beside a group key, as compile would find them
        let grouped = try run("products group by stars + 1 select stars + 1 + 2 + 3 as x sort by x")
        #expect(grouped == ReportKit.Run(out: "x\n9\n10\n11\n", err: "", exit: 0), "\(grouped)")
    }

    @Test("a chain longer than 1,000 operators, and real nesting deeper than 200 levels, are each a clear message, not a crash")
    func limits() throws {
        let long = try run("products limit 1 select " + Array(repeating: "1", count: 1_002).joined(separator: "+") + " as x")
        #expect(long.exit == 1, "\(long)")
        #expect(long.err.contains("error: expression too long (more than 1,000 arithmetic operators in a chain)"), "\(long.err)")
        let deep = try run("products limit 1 select " + String(repeating: "(", count: 201) + "1" + String(repeating: ")", count: 201) + " as x")
        #expect(deep.exit == 1, "\(deep)")
        #expect(deep.err.contains("error: expression nested too deeply (more than 200 levels)"), "\(deep.err)")
        let minus = try run("products limit 1 select " + String(repeating: "-", count: 10_000) + "1 as x")
        #expect(minus.exit == 1 && minus.err.contains("nested too deeply"), "\(minus)")
        // a long chain inside deep nesting: bounded by both, never the stack
        let both = try run("products limit 1 select " + String(repeating: "(", count: 99) + Array(repeating: "1", count: 1_000).joined(separator: "+")
                           + String(repeating: ")", count: 99) + " as x")
        #expect(both == ReportKit.Run(out: "x\n1000\n", err: "", exit: 0), "\(both)")
    }

    @Test("whole numbers run to ±9,223,372,036,854,775,807: one further is an overflow that names the range; help + says so")
    func wholeNumberRange() throws {
        let edge = try run("products limit 1 select -9223372036854775807 as low, 9223372036854775807 as high")
        #expect(edge.out == "low,high\n-9223372036854775807,9223372036854775807\n", "\(edge)")
        let below = try run("products limit 1 select (-9223372036854775807 - 1) as x")
        #expect(below.exit == 1 && below.err.contains("overflow") && below.err.contains("9,223,372,036,854,775,807"), "\(below)")
        let help = try ReportKit.ocop(["-e", "help +"])
        #expect(help.out.contains("-9,223,372,036,854,775,807 to 9,223,372,036,854,775,807"), "\(help)")
        let vi = try ReportKit.ocop(["--lang", "vi", "-e", "help +"])
        #expect(vi.out.contains("-9.223.372.036.854.775.807 đến 9.223.372.036.854.775.807"), "\(vi)")
    }

    @Test("avg of whole numbers from their exact sum; a mean past 2^53 shows no digits the number does not hold")
    func exactAverage() throws {
        let big = try run("products limit 1 select avg(9223372036854775807) as x")
        #expect(big.out == "x\n9223372036854776000\n", "\(big)")  // was …808, digits a double does not hold
        // 2^53 + 1 + 1: a running double sum drops both ones (mean …330.67); the exact mean is …331.33
        let dir = Support.folder(["products.csv": "id,price_vnd\nA,9007199254740992\nB,1\nC,1\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let mean = try ReportKit.ocop(["--data", dir.path, "--format", "csv", "-e", "products select avg(price_vnd) as m limit 1"])
        #expect(mean.out == "m\n3002399751580331.5\n", "the nearest double to …331.33: \(mean)")
        #expect(ValueFormat.decimal(9223372036854775808.0) == "9223372036854776000")
        #expect(ValueFormat.decimal(-1.5e20) == "-150000000000000000000")
        #expect(ValueFormat.decimal(1234567890123.25) == "1234567890123.25")
        #expect(ValueFormat.decimal(91.14) == "91.14")
    }

    @Test("a NUL inside an export or compare name is refused where it stands; no file is written")
    func nulInFileNames() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("nul.ocop")
        let name = dir.appendingPathComponent("out").path
        try Data(("products limit 1 export \"\(name)\u{0}.csv\"\n").utf8).write(to: script)
        let r = try ReportKit.ocop(["run", script.path])
        #expect(r.exit == 1, "\(r)")
        let column = "products limit 1 export \"\(name)".count + 1
        #expect(r.err.hasPrefix("\(script.path):1:\(column): error: a file name cannot hold a NUL character: \"\(name)␀.csv\"\n"), "\(r.err)")
        #expect(r.err.contains("hint: the system would end the name at the NUL"), "\(r.err)")
        #expect(ReportKit.files(in: dir) == ["nul.ocop"], "nothing written: \(ReportKit.files(in: dir))")
        try Data("compare \"\(dir.path)\u{0}x\" count\n".utf8).write(to: script)
        let c = try ReportKit.ocop(["--lang", "vi", "run", script.path])
        #expect(c.exit == 1 && c.err.contains("tên tệp không thể chứa ký tự NUL: \"\(dir.path)␀x\""), "\(c)")
    }
}

/// Words of `tables` and of the load-warning summary come from the catalogues (issue 16): with
/// `--lang vi` no English word the user did not type, numbers written as each language does.
@Suite("tables and the warning summary in both languages")
struct TablesLanguageTests {
    @Test("tables: rows and variables in the session's language")
    func tables() throws {
        let script = Array("let five = products where stars = 5\ntables\n".utf8)
        let en = try ReportKit.ocop([], stdin: script)
        #expect(en.out.contains("products (214 rows): id, name, category") && en.out.contains("five (variable, 6 rows)"), "\(en)")
        let vi = try ReportKit.ocop(["--lang", "vi"], stdin: script)
        #expect(vi.out.contains("products (214 dòng): id, name, category") && vi.out.contains("five (biến, 6 dòng)"), "\(vi)")
        for word in ["rows", "row", "variable"] { #expect(!vi.out.contains(word), "\(word) in: \(vi.out)") }
    }

    @Test("the load-warning summary: its words and its grouped numbers in en and vi")
    func warningSummary() throws {
        let rows = (0..<1_200).map { "T\($0),Miến dong,Thực phẩm,,5,91,2024-06-25,,Nowhere \($0),Na Rì,Côn Minh" }
        let dir = Support.folder(["products.csv": ([Support.header] + rows).joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let en = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
        #expect(en.out == "1200\n" && en.err.contains("1,200 warnings in the data"), "\(en.err)")
        let vi = try ReportKit.ocop(["--lang", "vi", "--data", dir.path, "-e", "products count"])
        #expect(vi.err.contains("1.200 cảnh báo trong dữ liệu"), "\(vi.err)")
        for word in ["warning in", "warnings in", "type", "the data", "address", "list them"] { #expect(!vi.err.contains(word), "\(word) in: \(vi.err)") }
    }
}
