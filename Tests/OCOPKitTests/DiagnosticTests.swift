import Foundation
import Testing
@testable import OCOPKit

@Suite("Diagnostics rendering")
struct DiagnosticTests {
    func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

    @Test("file:line:col: error: message, the source line, a caret under the exact range, a hint")
    func layout() {
        let text = "products count\n# the next line is wrong\nproducts where provnce = \"Bắc Kạn\"\n"
        let start = text.utf8.count - "provnce = \"Bắc Kạn\"\n".utf8.count
        let source = Source(name: "script.ocop", text: text)
        let d = Diagnostic(.name, "unknown field 'provnce'", at: SourceRange(start, start + 7), in: source, hints: ["did you mean 'province'?"])
        #expect(source.slice(d.range!) == "provnce")
        #expect(d.rendered() == """
        script.ocop:3:16: error: unknown field 'provnce'
          products where provnce = "Bắc Kạn"
                         ^^^^^^^
          hint: did you mean 'province'?

        """)
    }

    @Test("columns and carets count Characters, so text before the range may be Vietnamese (NFC or NFD)")
    func columnsCountCharacters() {
        for quoted in ["\"Bắc Kạn\"", "\"Ba\u{0306}\u{0301}c Ka\u{0323}n\""] {
            let text = "products where province = \(quoted) and provnce = 1"
            let start = text.utf8.count - "provnce = 1".utf8.count
            let d = Diagnostic(.name, "unknown field 'provnce'", at: SourceRange(start, start + 7), in: Source(name: "<repl>", text: text))
            let lines = d.rendered().split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[0] == "<repl>:1:41: error: unknown field 'provnce'")
            #expect(lines[2] == "  " + String(repeating: " ", count: 40) + "^^^^^^^")
            // the caret sits under the name in Characters
            #expect(lines[1].dropFirst(2).dropFirst(40).hasPrefix("provnce"))
        }
    }

    @Test("a caret under Vietnamese text is as wide as the text in Characters")
    func caretUnderVietnamese() {
        let text = "products where tỉnh = 1"
        let d = Diagnostic(.name, "unknown field 'tỉnh'", at: SourceRange(15, 15 + "tỉnh".utf8.count), in: Source(name: "x", text: text))
        #expect(d.rendered() == "x:1:16: error: unknown field 'tỉnh'\n  products where tỉnh = 1\n" + spaces(17) + "^^^^\n")
    }

    @Test("an error at the end of the input puts one caret after the last character")
    func atEnd() {
        let text = "products where"
        let d = Diagnostic(.syntax, "expected a value", at: SourceRange(14, 14), in: Source(name: "<command line>", text: text))
        #expect(d.rendered() == "<command line>:1:15: error: expected a value\n  products where\n" + spaces(16) + "^\n")
    }

    @Test("a tab before the range is a tab in the caret line, so the caret stays under the text")
    func tabs() {
        let text = "products where\tstars = \"x\""
        let d = Diagnostic(.type, "bad", at: SourceRange(15, 20), in: Source(name: "s", text: text))
        #expect(d.rendered() == "s:1:16: error: bad\n  products where\tstars = \"x\"\n" + spaces(16) + "\t^^^^^\n")
    }

    @Test("control characters in the shown line become visible symbols and count one column")
    func controlCharacters() {
        let text = "products where \u{1}\u{1B}[2J stars = 1"
        let start = text.utf8.count - "stars = 1".utf8.count
        let d = Diagnostic(.syntax, "bad", at: SourceRange(start, start + 5), in: Source(name: "s", text: text))
        #expect(d.rendered() == "s:1:22: error: bad\n  products where \u{2401}\u{241B}[2J stars = 1\n" + spaces(23) + "^^^^^\n")
        #expect(!d.rendered().contains("\u{1B}"))
    }

    @Test("a range over several lines is underlined on its first line only")
    func multiLineRange() {
        let text = "products where (stars = 4\n  and x)"
        let d = Diagnostic(.syntax, "bad", at: SourceRange(15, text.utf8.count), in: Source(name: "s", text: text))
        #expect(d.rendered() == "s:1:16: error: bad\n  products where (stars = 4\n" + spaces(17) + "^^^^^^^^^^\n")
    }

    @Test("CRLF scripts: the carriage return is not part of the shown line")
    func crlf() {
        let text = "products count\r\nproducts were x\r\n"
        let d = Diagnostic(.syntax, "unknown clause 'were'", at: SourceRange(25, 29), in: Source(name: "s", text: text))
        #expect(d.rendered() == "s:2:10: error: unknown clause 'were'\n  products were x\n" + spaces(11) + "^^^^\n")
    }

    @Test("a source that is one statement of a larger text counts lines from its first line")
    func firstLine() {
        let d = Diagnostic(.name, "x", at: SourceRange(0, 3), in: Source(name: "<repl>", text: "bkk count", firstLine: 12))
        #expect(d.rendered().hasPrefix("<repl>:12:1: error: x\n"))
    }

    @Test("data errors name file:line:col without a source line; usage errors have no place")
    func dataAndUsage() {
        #expect(Diagnostic.data("line 3 has 6 fields, the header has 11", file: "data/products.csv", line: 3, column: 13, hints: ["every row needs one value"]).rendered()
                == "data/products.csv:3:13: error: line 3 has 6 fields, the header has 11\n  hint: every row needs one value\n")
        #expect(Diagnostic.data("not valid JSON", file: "d/products.json", line: 2).rendered() == "d/products.json:2: error: not valid JSON\n")
        #expect(Diagnostic.data("no such data folder", file: "/x").rendered() == "/x: error: no such data folder\n")
        #expect(Diagnostic(.usage, "run needs a script file").rendered() == "error: run needs a script file\n")
    }

    @Test("colour is optional and off by default")
    func color() {
        let d = Diagnostic(.syntax, "bad", at: SourceRange(0, 1), in: Source(name: "s", text: "x"), hints: ["h"])
        #expect(!d.rendered().contains("\u{1B}"))
        let colored = d.rendered(color: true)
        #expect(colored.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(colored.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == d.rendered())
    }

    @Test("a session writes diagnostics to the error sink and nothing to the output")
    func throughTheSession() {
        let r = Support.run("products count\nproducts where provnce = \"Bắc Kạn\"\nproducts count", name: "script.ocop")
        #expect(r.out == "", "checked before the first statement runs")
        #expect(r.err == "script.ocop:2:16: error: unknown field 'provnce'\n  products where provnce = \"Bắc Kạn\"\n                 ^^^^^^^\n  hint: did you mean 'province'?\n  see: help products\n")
        #expect(r.exit == 1)
    }

    @Test("edit distance picks the nearest name, or none when nothing is near")
    func didYouMean() {
        #expect(EditDistance.nearest("provnce", in: ["province", "producer", "price_vnd"]) == "province")
        #expect(EditDistance.nearest("were", in: ["where", "select", "count"]) == "where")
        #expect(EditDistance.nearest("zzzzzz", in: ["where", "select"]) == nil)
        #expect(EditDistance.distance("kitten", "sitting") == 3)
    }
}

extension Diagnostic {
    /// A diagnostic whose message and hints are given as text, the same in every language:
    /// for the tests of layout (carets, tabs, control characters), which are about where, not what.
    init(_ kind: Kind, _ text: String, at range: SourceRange? = nil, in source: Source? = nil, hints: [String] = []) {
        self.init(kind, .verbatim(text: text), at: range, in: source, help: hints.map { .verbatim(text: $0) })
    }

    static func data(_ text: String, file: String, line: Int? = nil, column: Int? = nil, hints: [String] = []) -> Diagnostic {
        data(.verbatim(text: text), file: file, line: line, column: column, help: hints.map { .verbatim(text: $0) })
    }
}
