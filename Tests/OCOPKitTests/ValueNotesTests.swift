import Foundation
import Testing
@testable import OCOPKit

/// The notes beside an empty result ("did you mean "Bắc Kạn"", "write district is null")
/// reach every statement that runs a query: a direct query, `let`, `print`, `assert`, and a
/// value given by `--param` (issue 14). Driven through the built binary, as a user runs it.
@Suite("Value notes reach every statement")
struct ValueNotesTests {
    static let meant = #"0 rows. province has no "Bac Kan"; did you mean "Bắc Kạn" (84 products)?"#
    static let null = "0 rows. district = null is never true (a comparison with null is unknown); write district is null"

    func script(_ text: String, _ args: [String] = []) throws -> Support.Run {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.ocop")
        try Data(text.utf8).write(to: file)
        return try ReportKit.ocop(args + ["run", file.path])
    }

    func occurrences(_ s: String, in text: String) -> Int { text.components(separatedBy: s).count - 1 }

    @Test("a misspelt value gets its note in a query, a let, a print and under --param")
    func misspeltValue() throws {
        let statements = [
            #"products where province = "Bac Kan" count"#,
            #"let x = products where province = "Bac Kan""#,
            #"print "n = {products where province = 'Bac Kan' count}""#,
        ]
        for s in statements {
            let r = try script(s)
            #expect(r.exit == 0, "\(s): \(r)")
            #expect(r.err == Self.meant + "\n", "\(s): \(r)")
        }
        // the value comes from the command line: the same note, for the query and the print
        let param = """
        param tinh = "Bắc Kạn"
        products where province = $tinh count
        print "{$tinh}: {products where province = $tinh count}"
        let here = products where province in [$tinh, "Nowhere"]
        """
        let given = try script(param, ["--param", "tinh=Bac Kan"])
        #expect(given.exit == 0, "\(given)")
        #expect(given.out == "0\nBac Kan: 0\n", "\(given)")
        // said once for the run, not once per statement
        #expect(occurrences(Self.meant, in: given.err) == 1, "\(given)")
        #expect(given.err.contains(#"province has no "Nowhere""#), "\(given)")
        // the default is right: no note
        let right = try script(param)
        #expect(right.err == "", "\(right)")
    }

    @Test("a report run with a misspelt --param says what was meant, in the assert that fails")
    func reportWithMisspeltParam() throws {
        let r = try ReportKit.ocop(["run", "Examples/report-province-monthly.ocop", "--param", "province=Bac Kan"])
        #expect(r.exit == 1, "\(r)")
        #expect(r.err.contains("error: no products in Bac Kan: check the spelling"), "\(r)")
        #expect(r.err.contains("  note: " + Self.meant + "\n"), "\(r)")
    }

    @Test("district = null finds 0 and says to write is null, in a query, a let and a print")
    func nullCompared() throws {
        for s in ["products where district = null count", "let x = products where district = null",
                  "print \"{products where district = null count}\""] {
            let r = try script(s)
            #expect(r.exit == 0, "\(s): \(r)")
            #expect(r.err == Self.null + "\n", "\(s): \(r)")
        }
        let vi = try ReportKit.ocop(["--lang", "vi", "-e", "print \"{products where district = null count}\""])
        #expect(vi.err.contains("hãy viết district is null"), "\(vi)")
    }

    @Test("an assert that holds says nothing about its empty query")
    func assertHolds() throws {
        let r = try script(#"assert products where province = "Bac Kan" count = 0"#)
        #expect(r == Support.Run(out: "", err: "", exit: 0), "\(r)")
    }
}
