import Foundation
import Testing
@testable import OCOPKit

/// With `--lang vi` a user sees no English word they did not type (issue 14): every example
/// and every known-bad input runs in Vietnamese, and every word of its output (stdout and
/// stderr) written in ASCII letters only must be one the user can account for: a word of the
/// Vietnamese catalogues (which also write `where`, `count`, `products`: the language), what the
/// user typed (the script), the names of the language (keywords, functions, settings, help
/// topics) and of the data (tables, fields), or a word of the data itself (its text values).
/// So an English word from a catalogue or written in the code fails, whichever it is.
@Suite("Vietnamese output has no English word the user did not type")
struct VietnameseWordsTests {
    /// Lowercased runs of three or more ASCII letters, placeholders `{…}` left out, and a word
    /// cut short by `…` (a value shortened to fit its column) too.
    static func words(_ text: String) -> Set<String> {
        var out = Set<String>()
        var word = ""
        var depth = 0
        func flush() {
            if word.count >= 3 { out.insert(word.lowercased()) }
            word = ""
        }
        for c in text.unicodeScalars {
            if c == "{" { depth += 1; flush(); continue }
            if c == "}" { depth = max(0, depth - 1); flush(); continue }
            if c == "…" { word = ""; continue }
            if depth == 0, c.isASCII, CharacterSet.letters.contains(c) { word.unicodeScalars.append(c) } else { flush() }
        }
        flush()
        return out
    }

    static let english: Set<String> = {
        let en = Catalogue.english.values.map(words) + Msg.english.values.map(words)
        return en.reduce(into: Set<String>()) { $0.formUnion($1) }
    }()

    static let vietnamese: Set<String> = {
        let vi = Catalogue.vietnamese.values.map(words) + Msg.vietnamese.values.map(words)
        return vi.reduce(into: Set<String>()) { $0.formUnion($1) }
    }()

    /// The language's own names: keywords, functions, settings, commands and lesson words.
    static let language: Set<String> = {
        var s = Set(Keyword.allCases.map(\.rawValue)).union(FunctionSpec.names).union(Setting.names)
        s.formUnion(["true", "false", "null", "days", "day", "weeks", "months", "years", "today", "all"])
        s.formUnion(Help.topics.keys.flatMap(words))
        return Set(s.map { $0.lowercased() })
    }()

    /// Table and field names and the words of every text value of `ds`.
    static func dataWords(_ ds: Dataset) -> Set<String> {
        // the change of each row of `compare`'s table is a value of that table (new, renamed, …)
        var s = Set(Compare.changes)
        for name in ds.tableOrder {
            guard let t = ds.tables[name] else { continue }
            s.formUnion(words(name))
            for f in t.fieldNames { s.formUnion(words(f)) }
            // stored columns and derived ones (new_province, status) alike
            for c in t.fieldNames.compactMap({ t.field($0, today: Support.today) }) {
                guard case .text(let codes, let pool) = c.storage else { continue }
                var seen = Set<UInt32>()
                for code in codes where code != StringPool.nullCode && seen.insert(code).inserted {
                    s.formUnion(words(pool.string(code)))
                }
            }
        }
        return s
    }

    /// The English-only words of `output` that are not in `typed` nor in the data.
    static func foreign(_ output: String, typed: String, data: Set<String>) -> [String] {
        let allowed = vietnamese.union(language).union(words(typed)).union(data)
        return words(output).filter { !allowed.contains($0) }.sorted()
    }

    static func runVietnamese(_ script: String, name: String, dataset: Dataset) -> String {
        var options = SessionOptions(today: Support.today)
        options.lang = .vi
        let sink = StringSink()
        _ = Session(dataset: dataset, options: options, sink: sink).run(script, name: name)
        // the file's own name is not a message
        return (sink.output + sink.errors).replacingOccurrences(of: name, with: "")
            .replacingOccurrences(of: Support.root.path, with: "")
    }

    @Test("the word check finds an English word in Vietnamese output and passes what the user typed")
    func checkWorks() {
        #expect(Self.english.contains("overflow") && !Self.vietnamese.contains("overflow"))
        #expect(Self.foreign("tràn số nguyên: overflow", typed: "", data: []) == ["overflow"])
        #expect(Self.foreign("3 unrated (derived)", typed: "", data: []) == ["derived", "unrated"])
        #expect(Self.foreign("không có trường 'overflow'", typed: "products where overflow = 1", data: []) == [])
        #expect(Self.foreign("không có bảng 'products'; gõ where", typed: "", data: []) == [])
    }

    @Test("every example in Vietnamese", arguments: GoldenTests.exampleNames())
    func example(_ name: String) throws {
        let script = try String(contentsOf: Support.examples.appendingPathComponent(name + ".ocop"), encoding: .utf8)
        let ds = try GoldenTests.dataset(script) ?? Loader.sample()
        let output = Self.runVietnamese(script, name: "Examples/\(name).ocop", dataset: ds)
        let found = Self.foreign(output, typed: script, data: Self.dataWords(ds))
        #expect(found == [], "Examples/\(name).ocop in Vietnamese shows English: \(found)\n\(output)")
    }

    @Test("every known-bad input in Vietnamese", arguments: BadInputMessagesTests.cases)
    func badInput(_ name: String) throws {
        let script = try String(contentsOf: BadInputMessagesTests.folder.appendingPathComponent(name + ".ocop"), encoding: .utf8)
        let ds = Loader.sample()
        let output = Self.runVietnamese(script, name: name + ".ocop", dataset: ds)
        let found = Self.foreign(output, typed: script, data: Self.dataWords(ds))
        #expect(found == [], "\(name).ocop in Vietnamese shows English: \(found)\n\(output)")
    }

    // MARK: what the examples and bad inputs did not reach

    /// Statements that once showed English in Vietnamese: a pivot's `total` column, an empty
    /// chart's `0 rows`, a one-row record of a group's count.
    static let shown = [
        "products pivot province by stars",
        "products where stars = 9 group by province count chart",
        "products where province = \"Bắc Kạn\" group by category count chart",
    ]

    @Test("statements whose output was once English, in Vietnamese", arguments: shown)
    func statement(_ script: String) {
        let ds = Loader.sample()
        let output = Self.runVietnamese(script, name: "<vi>", dataset: ds)
        let found = Self.foreign(output, typed: script, data: Self.dataWords(ds))
        #expect(found == [], "\(script) in Vietnamese shows English: \(found)\n\(output)")
    }

    /// The words check lets `count`, `null`, `total` and `rows` through (the language's
    /// words, and words of Vietnamese help that names them: `cột total`, `max_rows`): the
    /// headings of the columns ocop names and a chart's labels must still be Vietnamese, and
    /// csv and json keep the names a query uses.
    @Test("the columns ocop names show Vietnamese headings, an empty chart says 0 dòng; csv and json keep the names")
    func headings() {
        let script = """
        products where district is null or district = "Lục Ngạn" pivot stars by district sort by tổng desc
        products group by district count sort by count desc limit 2
        products group by district count chart
        products where stars = 9 group by province count chart
        """
        let vi = ReportKit.run(script) { $0.lang = .vi }
        #expect(vi.exit == 0, "\(vi)")
        let lines = vi.out.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("│ stars") && $0.contains("│ (trống) │") && $0.hasSuffix("│ tổng │") }, "\(vi.out)")
        #expect(lines.contains { $0.hasPrefix("│ district") && $0.hasSuffix("│ số lượng │") }, "\(vi.out)")
        #expect(lines.contains { $0.hasPrefix("(trống) ") && $0.contains("█") }, "\(vi.out)")
        #expect(vi.out.hasSuffix("\n0 dòng\n"), "\(vi.out)")
        for english in ["total", "count", "null", "rows"] { #expect(!vi.out.contains(english), "\(english): \(vi.out)") }
        let en = ReportKit.run(script)
        #expect(en.out.contains("│ null │") && en.out.contains("│ total │") && en.out.contains("│ count │") && en.out.contains("\n(null) ") && en.out.hasSuffix("\n0 rows\n"), "\(en.out)")
        for format in ["csv", "json"] {
            let r = ReportKit.run("products pivot stars by district limit 1\nproducts group by stars count limit 1") { $0.lang = .vi; $0.render.format = OutputFormat(rawValue: format)! }
            let expected = format == "csv" ? [",null,total\n", "stars,count\n"] : ["\"null\": ", "\"total\": ", "\"count\": "]
            for e in expected { #expect(r.out.contains(e), "\(format): \(r.out)") }
        }
    }

    /// A list whose product has no stars and no score: `compare` rates it `unrated` in the
    /// session's language.
    @Test("compare's rating of a product without stars or score is Vietnamese")
    func compareUnrated() throws {
        let old = Support.folder(["products.csv": Support.header + "\nP1,Trà,Đồ uống,,,,2024-01-02,2027-01-02,Bắc Kạn,,\n"])
        let new = Support.folder(["products.csv": Support.header + "\nP1,Trà,Đồ uống,,4,80,2026-01-02,2029-01-02,Bắc Kạn,,\n"])
        defer { for d in [old, new] { try? FileManager.default.removeItem(at: d) } }
        let r = try ReportKit.ocop(["--lang", "vi", "--data", old.path, "--compare", new.path])
        #expect(r.exit == 0, "\(r)")
        #expect(r.out.contains("chưa xếp hạng (2024-01-02)"), "\(r)")
        let found = Self.foreign(r.out + r.err, typed: "", data: Set(Compare.changes + Compare.fields).union(Self.words(old.path + new.path)))
        #expect(found == [], "compare in Vietnamese shows English: \(found)\n\(r)")
    }

    /// A workbook whose parts are not well-formed XML: the reason is Vietnamese too.
    @Test("a workbook that is not well-formed XML says why in Vietnamese")
    func workbookNotXML() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = dir.appendingPathComponent("list.xlsx")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w") as z:
                for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"]:
                    z.writestr(part, "<?xml version='1.0'?><Relationships")
            """, book.path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let r = try ReportKit.ocop(["--lang", "vi", "--data", book.path, "-e", "products count"])
        #expect(r.exit == 2, "\(r)")
        #expect(r.err.contains("không phải XML hợp lệ") && r.err.contains("một thẻ chưa được đóng"), "\(r)")
        // the part's name is the workbook's: `_rels/.rels`
        let found = Self.foreign(r.err.replacingOccurrences(of: book.path, with: ""), typed: "products count", data: Self.words("_rels xl workbook"))
        #expect(found == [], "a broken workbook in Vietnamese shows English: \(found)\n\(r)")
    }

    /// A setting that cannot be saved (the config folder's path runs through a file).
    @Test("a setting that cannot be saved says why in Vietnamese")
    func configCannotSave() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let r = try ReportKit.ocop(["--lang", "vi", "-e", "set max_rows 5 save"], environment: ["XDG_CONFIG_HOME": file.path])
        #expect(r.exit == 1, "\(r)")
        #expect(r.err.contains("không phải thư mục"), "\(r)")
        let found = Self.foreign(r.err.replacingOccurrences(of: file.path + "/ocop/config", with: ""), typed: "set max_rows 5 save", data: [])
        #expect(found == [], "\(found)\n\(r)")
    }
}
