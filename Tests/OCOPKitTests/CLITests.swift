import Foundation
import Testing
@testable import OCOPKit

/// The built `ocop` binary, run as a user would: arguments, stdin, working directory, and
/// what comes back on stdout, stderr and as the exit code (0 ok, 1 query error, 2 command line
/// or data). The binary sits next to the test bundle (`swift build --build-tests` builds both).
@Suite("Command line")
struct CLITests {
    /// Runs `ocop ARGS` with `--today 2026-11-29` first, `stdin` piped in (empty by default).
    func ocop(_ args: [String], stdin: String = "", cwd: URL = Support.root) throws -> Support.Run {
        try ReportKit.ocop(args, stdin: Array(stdin.utf8), cwd: cwd)
    }

    var fixtures: String { Support.fixtures.path }

    // MARK: exit codes

    @Test("success: exit 0, the answer on stdout, nothing on stderr")
    func success() throws {
        let r = try ocop(["-e", "products count"])
        #expect(r == Support.Run(out: "214\n", err: "", exit: 0))
        let two = try ocop(["-e", "products where stars = 5 count", "-e", "producers count"])
        #expect(two.out == "6\n138\n")
    }

    @Test("a syntax error: exit 1, the place, the line, a caret and a suggestion on stderr")
    func syntaxError() throws {
        let r = try ocop(["-e", "products were stars >= 4"])
        #expect(r.exit == 1)
        #expect(r.out == "")
        #expect(r.err == "<command line>:1:10: error: unknown clause 'were'\n  products were stars >= 4\n           ^^^^\n  hint: did you mean 'where'?\n  see: help where\n")
    }

    @Test("an unknown field: exit 1, the message names it and suggests the nearest")
    func unknownField() throws {
        let r = try ocop(["-e", #"products where provnce = "Bắc Kạn""#])
        #expect(r.exit == 1)
        #expect(r.err == "<command line>:1:16: error: unknown field 'provnce'\n  products where provnce = \"Bắc Kạn\"\n                 ^^^^^^^\n  hint: did you mean 'province'?\n  see: help products\n")
    }

    @Test("a runtime error exits 1")
    func runtimeError() throws {
        let r = try ocop(["-e", "products select stars / 0 as x"])
        #expect(r.exit == 1)
        #expect(r.err.hasPrefix("<command line>:1:25: error: division by zero\n"))
    }

    @Test("a missing data folder: exit 2")
    func missingDataFolder() throws {
        let r = try ocop(["--data", "/no/such/folder", "-e", "products count"])
        #expect(r.exit == 2)
        #expect(r.out == "")
        #expect(r.err == "/no/such/folder: error: no such data folder or file\n  hint: give a folder that holds the list, or the list itself: --data \"Danh sách.xlsx\"\n")
        let noProducts = try ocop(["--data", "\(fixtures)/no-products", "-e", "products count"])
        #expect(noProducts.exit == 2)
        #expect(noProducts.err.contains("no products list in this folder"))
    }

    @Test("a malformed CSV: exit 2 with file:line:col")
    func malformedCSV() throws {
        let r = try ocop(["--data", "\(fixtures)/malformed-csv", "-e", "products count"])
        #expect(r.exit == 2)
        #expect(r.out == "")
        #expect(r.err == "\(fixtures)/malformed-csv/products.csv:3:24: error: a row has 6 fields, the header has 11\n  hint: every row needs one value (or an empty cell) per column\n")
    }

    @Test("bad command lines: exit 2 with a message on stderr")
    func badCommandLines() throws {
        let unknown = try ocop(["--bogus"])
        #expect(unknown.exit == 2)
        #expect(unknown.err.contains("Unknown option '--bogus'"))
        let runAlone = try ocop(["run"])
        #expect(runAlone.exit == 2)
        #expect(runAlone.err == "ocop: run needs a script file: ocop run FILE\n")
        let badToday = try ocop(["--today", "2026-13-01", "-e", "products count"])
        #expect(badToday.exit == 2)
        #expect(badToday.err.contains("--today '2026-13-01' is not a date"))
        let badFormat = try ocop(["--format", "xml", "-e", "products count"])
        #expect(badFormat.exit == 2)
        let noFile = try ocop(["run", "/no/such/script.ocop"])
        #expect(noFile.exit == 2)
        #expect(noFile.err.contains("cannot read script '/no/such/script.ocop'"))
        let both = try ocop(["run", "x.ocop", "-e", "products count"])
        #expect(both.exit == 2)
        let word = try ocop(["execute", "x"])
        #expect(word.exit == 2)
        #expect(word.err.contains("unknown command 'execute'"))
    }

    @Test("ocop FILE runs a script as ocop run FILE does, so a script with #!/usr/bin/env ocop runs by name")
    func scriptByName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-byname-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("five.ocop")
        try "#!/usr/bin/env ocop\nproducts where stars = 5\n  and score >= 90\ncount\n".write(to: file, atomically: true, encoding: .utf8)
        let byName = try ocop([file.path, "--today", "2026-11-29"])
        let byRun = try ocop(["run", file.path, "--today", "2026-11-29"])
        #expect(byName.exit == 0 && byName.err.isEmpty)
        #expect(byName.out == byRun.out && Int(byName.out.trimmingCharacters(in: .newlines)) != nil)
        let missing = try ocop([dir.appendingPathComponent("nothere.ocop").path])
        #expect(missing.exit == 2 && missing.err.contains("cannot read script"))
        let folder = try ocop([dir.path])
        #expect(folder.exit == 2)
        #expect(folder.err == "ocop: '\(dir.path)' is a folder\n  hint: ocop --data \(dir.path) opens the dataset in it\n")
    }

    @Test("a bad setting inside a script is a script error: exit 1, as with -e")
    func badSettingInScript() throws {
        let piped = try ocop([], stdin: "products count\nset max_rows lots\n")
        #expect(piped.exit == 1)
        #expect(piped.out == "214\n")
        #expect(piped.err.hasPrefix("<stdin>:2:5: error: max_rows is a number of rows, or all\n"))
        #expect(try ocop(["-e", "set format xml"]).exit == 1)
    }

    @Test("--help exits 0 and names the ways to run")
    func help() throws {
        let r = try ocop(["--help"])
        #expect(r.exit == 0)
        #expect(r.out.contains("ocop run FILE"))
    }

    // MARK: ways to run

    @Test("run FILE runs a script; a first line starting #! is ignored")
    func runScript() throws {
        let r = try ocop(["run", "\(fixtures)/scripts/report.ocop"])
        #expect(r.exit == 0)
        #expect(r.err == "")
        #expect(r.out == """
        ┌────────┬──────────────────────────────────┬───────┐
        │ id     │ name                             │ score │
        ├────────┼──────────────────────────────────┼───────┤
        │ SP0053 │ Hồng không hạt sấy dẻo Dương Sơn │ 87.68 │
        │ SP0023 │ Bánh gio Kim Lư                  │    87 │
        │ SP0194 │ Rượu mơ Dương Sơn                │    84 │
        └────────┴──────────────────────────────────┴───────┘
        3 rows
        59

        """)
    }

    @Test("an error in a script names the script file and line; a check error comes before any output")
    func scriptError() throws {
        let dir = Support.folder(["bad.ocop": "#!/usr/bin/env ocop run\nproducts count\n\nproducts where stars >= 4 and provnce = 1\nproducts count\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ocop(["run", "bad.ocop"], cwd: dir)
        #expect(r.exit == 1)
        #expect(r.out == "")
        #expect(r.err.hasPrefix("bad.ocop:4:31: error: unknown field 'provnce'\n"))
    }

    @Test("piped standard input runs as a script")
    func stdinScript() throws {
        let r = try ocop([], stdin: "# from a pipe\nlet bk = products where province = \"Bắc Kạn\"\nbk where stars = 4 count\nproducers count\n")
        #expect(r == Support.Run(out: "24\n138\n", err: "", exit: 0))
        let bad = try ocop([], stdin: "products count\nprodcts count\n")
        #expect(bad.exit == 1)
        #expect(bad.out == "")
        #expect(bad.err.hasPrefix("<stdin>:2:1: error: unknown table or variable 'prodcts'\n"))
    }

    @Test("--data DIR loads products.csv and producers.csv from the folder")
    func dataFolderCSV() throws {
        let r = try ocop(["--data", "\(fixtures)/tiny-csv", "--format", "csv", "-e",
                          "products select id, name, certified_on, expires_on, organic, producer.kind"])
        #expect(r.exit == 0)
        #expect(r.err == "")
        #expect(r.out == """
        id,name,certified_on,expires_on,organic,producer.kind
        T01,Miến dong Tài Hoan,2024-06-25,2027-06-25,true,Hợp tác xã
        T02,"Măng ớt, măng chua",2024-03-24,2027-03-24,false,Hợp tác xã
        T03,"Trà ""Shan tuyết"" cổ thụ",2020-02-29,2023-02-28,,Doanh nghiệp
        T04,Tinh bột nghệ nếp đỏ,2021-12-20,2025-01-10,true,Doanh nghiệp
        T05,Vải thiều sấy,2025-11-04,2028-11-04,false,Hộ kinh doanh

        """)
        let counts = try ocop(["--data", "\(fixtures)/tiny-csv", "-e", "producers where count(products) >= 2 count", "-e", "products where district is null count"])
        #expect(counts.out == "2\n1\n")
    }

    @Test("--data DIR with products.json")
    func dataFolderJSON() throws {
        let r = try ocop(["--data", "\(fixtures)/tiny-json", "-e", "products where expires_on < today count",
                          "-e", #"products where producer.name contains "tân cương" count"#])
        #expect(r == Support.Run(out: "2\n1\n", err: "", exit: 0))
    }

    @Test("the sample is embedded: ocop works from any working directory")
    func otherWorkingDirectory() throws {
        let dir = Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ocop(["-e", "products count", "-e", "producers count"], cwd: dir)
        #expect(r == Support.Run(out: "214\n138\n", err: "", exit: 0))
        let script = try ocop(["run", "\(fixtures)/scripts/report.ocop"], cwd: URL(fileURLWithPath: "/"))
        #expect(script.exit == 0)
        #expect(script.out.hasSuffix("3 rows\n59\n"))
    }

    @Test("--format csv and json")
    func formats() throws {
        #expect(try ocop(["--format", "csv", "-e", "products where stars = 5 limit 2 select id, score"]).out == "id,score\nSP0014,\nSP0027,90\n")
        #expect(try ocop(["--format", "json", "-e", "products where stars = 5 limit 1 select id, score"]).out == "[\n  {\"id\": \"SP0014\", \"score\": null}\n]\n")
    }

    /// The binary and the library facade print the same thing, as
    /// `ocop --today 2026-11-29 run Examples/NAME.ocop` from the repository root. A few
    /// examples, not all: each run costs a process start and a load, and GoldenTests covers
    /// every example through the facade.
    @Test("examples print their expected files through the binary too",
          arguments: ["grouped-where", "let-variables", "text-matching", "errors-unknown-field", "errors-syntax-were"])
    func examplesThroughBinary(_ name: String) throws {
        guard !GoldenTests.recording, let expected = GoldenTests.expected(name) else { return }
        let r = try ocop(["run", "Examples/\(name).ocop"])
        #expect(r.exit == expected.exit)
        #expect(r.err == expected.err)
        #expect(r.out == expected.out)
    }
}
