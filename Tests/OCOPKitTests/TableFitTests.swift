import Foundation
import Testing
@testable import OCOPKit

/// Tables fitted to a terminal (TableLayout): long text cut at letters with `…`, middle
/// columns hidden behind one `…` column, a footer naming them; never in pipes or formats.
@Suite("Tables that fit the terminal")
struct TableFitTests {
    func table(_ columns: [String], _ types: [DataType], _ rows: [[Value]], width: Int?, named: Set<String> = []) -> String {
        var o = RenderOptions()
        o.fitWidth = width
        o.named = named
        return Renderer.render(ResultTable(columns: columns, types: types, count: rows.count) { r, c in rows[r][c] }, o)
    }

    static let wide: (columns: [String], types: [DataType], rows: [[Value]]) = {
        let columns = (0..<12).map { "c\($0)" }
        let types = [DataType](repeating: .text, count: 12)
        let rows: [[Value]] = (0..<3).map { r in (0..<12).map { .text("value \(r) of column \($0) is long") } }
        return (columns, types, rows)
    }()

    @Test("a table that fits is untouched; one that does not is as wide as the window, every line")
    func fitsTheWidth() {
        let w = TableFitTests.wide
        let whole = table(w.columns, w.types, w.rows, width: nil)
        #expect(!whole.contains("not shown"))
        for width in [40, 60, 80, 120] {
            let out = table(w.columns, w.types, w.rows, width: width)
            for line in out.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(width): \(line)")
            }
            #expect(out.contains("12 columns"))
        }
        let narrow = table(["a", "b"], [.text, .integer], [[.text("x"), .integer(1)]], width: 80)
        #expect(narrow == table(["a", "b"], [.text, .integer], [[.text("x"), .integer(1)]], width: nil))
    }

    @Test("first long text is shortened with …, only then columns are hidden, named ones kept; the footer names the hidden")
    func shortenThenHide() {
        // two long text columns and numbers: shortening alone makes it fit
        let long = String(repeating: "Bắc Kạn ", count: 6)
        let out = table(["id", "name", "n"], [.text, .text, .integer], [[.text("SP1"), .text(long), .integer(123456)]], width: 40)
        #expect(out.contains("…"))
        #expect(out.contains("123,456"), "numbers are never cut")
        #expect(!out.contains("not shown"))
        // twelve columns at 60: the named c6 stays, hidden ones are listed
        let w = TableFitTests.wide
        let fitted = table(w.columns, w.types, w.rows, width: 60, named: ["c6"])
        let header = fitted.split(separator: "\n")[1]
        #expect(header.contains(" c6 ") && header.contains(" c0 ") && header.contains(" … "))
        let hidden = TableLayout.fit(natural: [Int](repeating: 30, count: 12), shrinkable: [Bool](repeating: true, count: 12),
                                     named: [6], width: 60).hidden(of: 12)
        #expect(!hidden.isEmpty && !hidden.contains(6) && !hidden.contains(0))
        #expect(fitted.replacingOccurrences(of: "\n  ", with: " ").contains("not shown: " + hidden.map { "c\($0)" }.joined(separator: ", ")))
    }

    @Test("cuts fall between letters: NFD Vietnamese, CJK (two columns a letter) and emoji")
    func graphemeCuts() {
        let nfd = "Nghe\u{0323}\u{0302} \u{0111}en Chơ\u{0323} \u{0110}ô\u{0300}n Ba\u{0306}\u{0301}c Ka\u{0323}n"
        let cut = DisplayWidth.truncate(nfd, to: 8)
        #expect(cut == "Nghe\u{0323}\u{0302} \u{0111}e…" && DisplayWidth.of(cut) == 8)
        let cjk = DisplayWidth.truncate("越南越南越南", to: 6)
        #expect(cut.hasSuffix("…") && cjk == "越南…" && DisplayWidth.of(cjk) == 5)
        let out = table(["a", "b", "c"], [.text, .text, .text], [[.text(String(repeating: "越南", count: 20)), .text(nfd), .text("👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽")]], width: 50)
        for line in out.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 50, "\(line)") }
        #expect(Set(out.split(separator: "\n").prefix(4).map { DisplayWidth.of(String($0)) }).count == 1, "the box lines up:\n\(out)")
    }

    @Test("footers wrap to the window and hang under their first word")
    func wrapping() {
        let text = "12 columns, 4 shown; not shown: category, producer_id, score, certified_on, expires_on"
        let wrapped = TextWrap.wrap(text, width: 30)
        #expect(wrapped.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 30 })
        #expect(wrapped.replacingOccurrences(of: "\n  ", with: " ") == text)
        let laidOut = "  where CONDITION      keep the rows where it holds and more words here"
        let lines = TextWrap.wrap(laidOut, width: 40).split(separator: "\n")
        #expect(lines.count > 1 && lines.allSatisfy { DisplayWidth.of(String($0)) <= 40 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 23)) && !$0.hasPrefix(String(repeating: " ", count: 24)) })
        #expect(TextWrap.wrap(String(repeating: "x", count: 25), width: 10).split(separator: "\n").allSatisfy { $0.count <= 10 })
    }

    @Test("pipes, --format csv|json|markdown and exports keep every column whole")
    func pipesAreWhole() throws {
        let q = "products where stars >= 4 and province = \"Bắc Kạn\""
        let piped = try ReportKit.ocop(["--today", "2026-11-29", "-e", q], environment: ["COLUMNS": "60"])
        #expect(piped.exit == 0)
        #expect(piped.out.contains("price_vnd") && piped.out.contains("certified_on") && !piped.out.contains("not shown"))
        #expect(!piped.out.contains("…"))
        for format in ["csv", "json", "markdown"] {
            let r = try ReportKit.ocop(["--today", "2026-11-29", "--format", format, "-e", q], environment: ["COLUMNS": "60"])
            #expect(r.out.contains("certified_on") && !r.out.contains("…") && !r.out.contains("not shown"), "\(format)")
        }
    }
}

/// Numbers as each language writes them where people read them; never in csv, json or exports.
@Suite("Numbers per language")
struct NumberLanguageTests {
    @Test("1,000,000 and 91.14 in English; 1.000.000 and 91,14 in Vietnamese")
    func grouping() {
        #expect(ValueFormat.grouped(1_000_000, .en) == "1,000,000" && ValueFormat.grouped(1_000_000, .vi) == "1.000.000")
        #expect(ValueFormat.grouped(-1204, .vi) == "-1.204" && ValueFormat.grouped(999, .vi) == "999")
        #expect(ValueFormat.groupedDecimal(91.14, .en) == "91.14" && ValueFormat.groupedDecimal(91.14, .vi) == "91,14")
        #expect(ValueFormat.groupedDecimal(-12345.5, .vi) == "-12.345,5" && ValueFormat.groupedDecimal(12345.5, .en) == "12,345.5")
        #expect(ValueFormat.groupedDecimal(80, .vi) == "80")
        let ds = Loader.sample()
        #expect(ds.summary(.vi).hasPrefix("214 products") && ds.summary(.en) == ds.summary)
    }

    @Test("a Vietnamese table on a terminal writes 105.000 and 87,68; csv, json and export keep 105000 and 87.68")
    func perFormat() throws {
        let q = "products where id = \"SP0053\" select id, score, price_vnd"
        let env = PTYProcess.environment(home: FileManager.default.temporaryDirectory)
        let p = try PTYProcess(["--lang", "vi", "-e", q], environment: env, columns: 80)
        #expect(try p.waitForExit() == 0)
        let screen = String(decoding: p.output, as: UTF8.self)
        #expect(screen.contains("105.000") && screen.contains("87,68"), "\(screen)")
        for format in ["csv", "json", "markdown"] {
            let r = try ReportKit.ocop(["--today", "2026-11-29", "--lang", "vi", "--format", format, "-e", q])
            #expect(r.out.contains("105000") && r.out.contains("87.68") && !r.out.contains("105.000"), "\(format): \(r.out)")
        }
    }
}
