import Foundation
import Testing
@testable import OCOPKit

/// Text in the data or the statement that would attack the terminal or flood it (issue 13,
/// items 8 and 10), driven through the built binary: escape sequences are shown, never obeyed,
/// wherever ocop writes for a person, while csv, json, markdown and exports keep the data's
/// bytes; and what any one message quotes is bounded.
@Suite("Hostile text in data and statements")
struct HostileTextTests {
    /// A title change (OSC 0 … BEL), a screen clear, a colour, a carriage return and a C1 CSI.
    static let attack = "Bad\u{1B}]0;pwned\u{07}\u{1B}[2J\r\u{9B}31mname"
    static let province = "Hà\u{1B}[31mNội"

    /// A folder whose products have the attack in a name, a province and a header.
    func folder() -> URL {
        Support.folder(["products.csv": """
            id,name,category,stars,province,no\u{1B}[1mte
            SP1,"\(Self.attack)",Thực phẩm,4,Bắc Kạn,x
            SP2,Ok,Thực phẩm,3,\(Self.province),y

            """])
    }

    /// Control characters a terminal would obey: everything below 0x20 but the line end, DEL, C1.
    static func controls(_ s: String) -> [Unicode.Scalar] {
        s.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }
    }

    @Test("tables, records, charts, print, the 0-rows note and error messages show control characters as symbols",
          arguments: [
              "products",
              "products where id = \"SP1\"",
              "set display vertical\nproducts",
              "products group by name count chart",
              "products where province = \"Hà Nội\"",
              "products where province = \"Ha\u{1B}[2JNoi\" count",
              "products where nosuch = 1",
              "print \"{products where id = 'SP1' select name}\"",
              "assert products count = 3, \"{products where id = 'SP1' select name}\"",
              "products where name = \"\u{1B}[2J\u{07}\" and stars = \"x\"",
              "products where name = \"\u{1B}[2J\u{07}\" and nosuch\u{1B}[2J = 1",
          ])
    func shownNotObeyed(script: String) throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReportKit.ocop(["--data", dir.path], stdin: Array((script + "\n").utf8))
        #expect(Self.controls(r.out).isEmpty, "stdout of \(script): \(r.out.debugDescription)")
        #expect(Self.controls(r.err).isEmpty, "stderr of \(script): \(r.err.debugDescription)")
        #expect(r.exit <= 1, "\(r)")
    }

    @Test("what each shows: the symbols in place of the sequence, the table still aligned")
    func whatIsShown() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = try ReportKit.ocop(["--data", dir.path, "-e", "products select id, name"])
        #expect(table.out.contains("│ Bad␛]0;pwned␇␛[2J �31mname │"), "\(table)")
        let widths = Set(table.out.split(separator: "\n").filter { $0.hasPrefix("│") || $0.hasPrefix("┌") }.map { DisplayWidth.of(String($0)) })
        #expect(widths.count == 1, "every line of the table is as wide: \(table.out)")
        let note = try ReportKit.ocop(["--data", dir.path, "-e", "products where province = \"X\u{1B}[2J\""])
        #expect(note.err.contains("0 rows. province has no \"X␛[2J\"."), "\(note)")
        let record = try ReportKit.ocop(["--data", dir.path], stdin: Array("set display vertical\nproducts where id = \"SP2\"\n".utf8))
        #expect(record.out.contains("\nprovince: Hà␛[31mNội\n") && record.out.contains("\nno␛[1mte: y\n"), "\(record)")
        let hint = try ReportKit.ocop(["--data", dir.path, "-e", "products where nosuch = 1"])
        #expect(hint.err.contains("no␛[1mte"), "\(hint)")
        #expect(hint.exit == 1)
    }

    @Test("csv, json, markdown and an exported file keep the data's bytes")
    func dataFormatsKeepTheBytes() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try ReportKit.ocop(["--data", dir.path, "--format", "csv", "-e", "products where id = \"SP1\" select name"])
        #expect(csv.out == "name\n\"\(Self.attack)\"\n", "\(csv.out.debugDescription)")
        let json = try ReportKit.ocop(["--data", dir.path, "--format", "json", "-e", "products where id = \"SP1\" select name"])
        #expect(json.out == "[\n  {\"name\": \"Bad\\u001b]0;pwned\\u0007\\u001b[2J\\r\u{9B}31mname\"}\n]\n", "\(json.out.debugDescription)")
        let md = try ReportKit.ocop(["--data", dir.path, "--format", "markdown", "-e", "products where id = \"SP2\" select province"])
        #expect(md.out.contains("| \(Self.province) |"), "\(md.out.debugDescription)")
        let out = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("names.csv")
        let export = try ReportKit.ocop(["--data", dir.path, "-e", "products select name export \"\(target.path)\""])
        #expect(export.exit == 0, "\(export)")
        #expect(try String(contentsOf: target, encoding: .utf8) == "name\n\"\(Self.attack)\"\nOk\n")
    }

    // MARK: bounded quotes (item 10)

    @Test("a 2 MB name in a statement gives a short message that quotes its start and says its length")
    func hugeIdentifier() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("long.ocop")
        try ("products where " + String(repeating: "x", count: 2_000_000) + " = 1\n").write(to: script, atomically: false, encoding: .utf8)
        let r = try ReportKit.ocop(["run", script.path])
        #expect(r.exit == 1)
        #expect(r.err.utf8.count < 2_000, "a bounded message: \(r.err.utf8.count) bytes")
        // the start of the name, cut, and the length of what was cut
        #expect(r.err.contains("unknown field 'xxxxxxxxxx") && r.err.contains("x… (2,000,"), "\(r.err)")
        let vi = try ReportKit.ocop(["--lang", "vi", "run", script.path])
        #expect(vi.err.contains("x… (2.000.") && vi.err.contains("ký tự)"), "\(vi.err)")
    }

    @Test("a table of 100,000 columns: the hint names the first ones and counts the rest")
    func hugeColumnList() throws {
        let columns = 100_000
        let names = (0..<columns).map { "c\($0)" }
        let dir = Support.folder(["products.csv": names.joined(separator: ",") + "\n" + Array(repeating: "1", count: columns).joined(separator: ",") + "\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReportKit.ocop(["--data", dir.path, "-e", "products where nosuch = 1"])
        #expect(r.exit == 1, "\(r.err.prefix(2_000))")
        #expect(r.err.utf8.count < 4_000, "a bounded message: \(r.err.utf8.count) bytes")
        #expect(r.err.contains("unknown field 'nosuch'") && r.err.contains("c0, c1, c2"), "\(r.err)")
        #expect(r.err.contains("characters)") || r.err.contains("more"), "\(r.err)")
    }

    @Test("quoted pieces and lists are cut with their length; lists with how many more, in both languages")
    func renderer() {
        let en = DiagnosticRenderer(lang: .en), vi = DiagnosticRenderer(lang: .vi)
        let long = String(repeating: "ắ", count: 500)
        let note = en.text(.noteNoValue(field: "name", value: long))
        #expect(note == "0 rows. name has no \"" + String(repeating: "ắ", count: Visible.quoteLimit) + "… (500 characters)\".", "\(note)")
        #expect(vi.text(.noteNoValue(field: "name", value: long)).contains("… (500 ký tự)"))
        let hidden = (0..<100).map { "c\($0)" }
        let footer = en.text(.columnsHidden(n: 107, shown: 7, hidden: hidden))
        #expect(footer.contains("c29, and 70 more.") && !footer.contains("c30"), "\(footer)")
        #expect(vi.text(.columnsHidden(n: 107, shown: 7, hidden: hidden)).contains("c29, và 70 mục nữa."))
        #expect(en.text(.noteNoValue(field: "name", value: "a\u{1B}[2J\u{7F}b")) == "0 rows. name has no \"a␛[2J␡b\".")
        // text given whole (verbatim) is bounded as one piece
        let built = en.text(.verbatim(text: "unknown field '" + String(repeating: "x", count: 10_000) + "'"))
        #expect(built.count < Visible.messageLimit + 40 && built.hasSuffix("… (10,016 characters)"), "\(built)")
    }
}

/// An error cut to fit the window keeps its colours and its caret under the same letters,
/// also past a tab (issue 16).
@Suite("Errors fitted to the window")
struct FittedErrorTests {
    static let statements = ["products where (stars >= 4 and province = \"Bắc Kạn\"", "products wehre stars = 5",
                             "products where nosuch = 1", "products sort by", "products where\tstars = \"x\""]

    @Test("recolouring a plain rendering gives exactly the colours the renderer writes", arguments: statements)
    func recolour(statement: String) throws {
        let session = Session(dataset: Loader.sample(), options: SessionOptions(today: Support.today), sink: StringSink())
        var found: Diagnostic?
        for item in Parser.parseEach(Source(name: "<repl>", text: statement)) { if case .failure(let d) = item { found = d } }
        if found == nil {
            let sink = StringSink()
            _ = Session(dataset: session.dataset, options: SessionOptions(today: Support.today), sink: sink).run(statement)
            #expect(!sink.errors.isEmpty)
            return
        }
        let d = try #require(found)
        for lang in Lang.allCases {
            let plain = DiagnosticRenderer(lang: lang, color: false).render(d)
            let colored = DiagnosticRenderer(lang: lang, color: true)
            #expect(colored.colored(plain) == colored.render(d), "\(lang): \(colored.render(d).debugDescription)")
        }
    }

    @Test("at 40 columns with colour: the window of the line, the red caret under the word, a pasted tab kept in both lines")
    func fittedWithColour() throws {
        let home = PTYProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        var env = PTYProcess.environment(home: home)
        env.removeValue(forKey: "NO_COLOR")
        let statement = "products where stars >= 4 and province = \"Bắc Kạn\" and\tnosuch = 1"
        let p = try PTYProcess([], environment: env, columns: 40)
        try p.waitForEditing()
        // pasted (a typed Tab completes): the terminal marks the paste, and its tab is text
        p.send("\u{1B}[200~" + statement + "\u{1B}[201~\r")
        let shown = try p.expect("ocop> ")
        #expect(shown.contains("\u{1B}[1;31m"), "red is kept: \(shown.debugDescription)")
        let lines = PTYProcess.screenLines(shown)
        guard let caret = lines.firstIndex(where: { $0.contains("^") && $0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "^" } }), caret > 0 else {
            Issue.record("no caret line: \(lines)")
            return
        }
        // the terminal expands tabs to stops of 8 in both lines alike
        func expanded(_ s: String) -> [Character] {
            var out: [Character] = []
            for ch in s { if ch == "\t" { repeat { out.append(" ") } while out.count % 8 != 0 } else { out.append(ch) } }
            return out
        }
        #expect(lines[caret - 1].contains("\t") && lines[caret].contains("\t"), "the tab reached the statement and the caret line keeps it:\n\(lines[caret - 1].debugDescription)\n\(lines[caret].debugDescription)")
        let source = expanded(lines[caret - 1]), marks = expanded(lines[caret])
        let under = String(zip(source, marks).filter { $0.1 == "^" }.map { $0.0 })
        #expect(under == "nosuch", "caret under \(under):\n\(lines[caret - 1])\n\(lines[caret])")
        // the error's lines (after the echo of what was typed) fit the window
        let error = lines.drop { !$0.hasPrefix("<repl>") }
        #expect(!error.isEmpty, "\(lines)")
        for line in error { #expect(expanded(line).reduce(0) { $0 + DisplayWidth.columns(of: $1) } <= 40, "\(line)") }
        try p.waitForTerminal(canonical: false)
        #expect(try p.quit() == 0)
    }
}
