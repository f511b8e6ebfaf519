import Foundation
import Testing
@testable import OCOPKit

/// The tables of the language (Sources/OCOPKit/Language): completion offers every keyword,
/// setting, function and command of them in its place; `set` lists every setting; the REPL
/// waits for another line exactly where the grammar reads on.
@Suite struct LanguageTableTests {
    let dataset = Loader.sample()

    func session(_ sink: StringSink = StringSink()) -> Session {
        Session(dataset: dataset, options: SessionOptions(today: Day(iso: "2026-11-29")!), sink: sink)
    }

    func labels(_ text: String) -> [String] {
        Completer(session: session()).complete(text).candidates.map(\.label)
    }

    /// Where a keyword is offered: one place per role, so a new keyword is placed by its role.
    func offered(_ k: Keyword) -> [String] {
        switch k.role {
        case .statement: return labels("")
        case .clause: return labels("products where stars = 5 ")
        case .clausePart:
            switch k {
            case .by: return labels("products group ")
            case .as: return labels("products select name ")
            default: return labels("products sort by score ")
            }
        case .logic: return labels("products where stars = 5 ") + labels("products where n")
        case .predicate: return k == .with ? labels("products where name starts ") : labels("products where name ")
        case .value: return labels("products where district = " + k.rawValue.prefix(2))
        case .unit: return labels("products where expires_on <= today + 90 ")
        }
    }

    @Test("completion offers every keyword of the table where it may stand")
    func everyKeyword() {
        for k in Keyword.allCases {
            #expect(offered(k).contains(k.phrase), "'\(k.phrase)' is not offered")
        }
        // the ones the hand-written copy of the grammar had lost
        #expect(labels("products ").contains("order by"))
        #expect(labels("products limit 5 ").contains("offset"))
        #expect(labels("products ").contains("offset"))
    }

    /// The text of help topic `word` in `lang`, when there is one.
    static func helpText(_ word: String, _ lang: Lang) -> String? {
        guard let entry = Help.topics[word] else { return nil }
        return Help.localized([entry], lang).first?.text
    }

    @Test("every word of the tables has help in English and Vietnamese")
    func everyWordHasHelp() {
        let words = Keyword.allCases.map(\.rawValue) + StatementWord.allCases.map(\.rawValue) + CommandWord.allCases.map(\.rawValue)
        for w in words {
            let en = Self.helpText(w, .en), vi = Self.helpText(w, .vi)
            #expect(en != nil, "no help for '\(w)'")
            #expect(vi != nil && vi != en, "help \(w) has no Vietnamese text")
        }
        // a statement word's part is explained under the statement it belongs to
        for w in StatementWord.allCases { #expect(Help.topics[w.rawValue]?.title == w.topic, "help \(w.rawValue)") }
    }

    @Test("completion offers every statement word where it may stand, and the parser reads each")
    func everyStatementWord() {
        let start = labels("")
        for w in StatementWord.starting { #expect(start.contains(w.rawValue), "\(w.rawValue) is not offered at the start") }
        let afterQuery = labels("products where stars = 5 ")
        for w in StatementWord.allCases where w.role == .suffix {
            #expect(afterQuery.contains(w.rawValue), "\(w.rawValue) is not offered after a query")
            #expect(labels("products ").contains(w.rawValue))
        }
        // what each word does in the parser: the table's roles, not a copy of them
        func parses(_ text: String) -> Bool { (try? Parser.parse(Source(name: "<t>", text: text))) != nil }
        for w in StatementWord.allCases where w.role == .script || w.role == .suffix {
            #expect(!parses("let \(w.rawValue) = products"), "\(w.rawValue) may not name a variable")
        }
        #expect(parses("products where stars = 5 CHART") && parses("products EXPORT \"x.csv\" OVERWRITE SHEET \"a\""))
        #expect(parses("explain products count") && parses("compare from \"a\"") && parses("compare \"a\" to \"b\""))
        // not reserved: fields and tables may have these names
        #expect(parses("products select export, chart, compare, sheet, overwrite, explain"))
    }

    @Test("--max-rows and --date-style are the settings table's: its names, values, checks and help")
    func settingOptions() throws {
        let help = try ReportKit.ocop(["--help"])
        let flat = help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for s in [Setting.maxRows, Setting.dateStyle] {
            #expect(s.option == "--" + s.name.replacingOccurrences(of: "_", with: "-"))
            #expect(flat.contains(s.option) && flat.contains(s.optionHelp), "\(s.option): \(help.out)")
        }
        let vn = try ReportKit.ocop(["--date-style", "vn", "-e", "products where id = \"SP0022\" select certified_on"])
        #expect(vn.exit == 0 && vn.out.contains("10/01/2019"), "\(vn)")
        let bad = try ReportKit.ocop(["--date-style", "us", "-e", "products count"])
        #expect(bad == Support.Run(out: "", err: "ocop: --date-style is one of: iso, vn, not 'us'\n  hint: for example: --date-style iso\n", exit: 2), "\(bad)")
        let rows = try ReportKit.ocop(["--lang", "vi", "--max-rows", "many", "-e", "products count"])
        #expect(rows == Support.Run(out: "", err: "ocop: --max-rows là một số dòng, hoặc all, không phải 'many'\n  gợi ý: ví dụ: --max-rows all\n", exit: 2), "\(rows)")
    }

    @Test("completion offers every setting after set, and each setting's values")
    func everySetting() {
        #expect(labels("set ") == Setting.names)
        #expect(Setting.names.count == 11)
        for s in Setting.all where !s.suggestions.isEmpty {
            #expect(labels("set \(s.name) ") == s.suggestions, "set \(s.name)")
        }
    }

    @Test("completion offers every function where an operand may stand, and every command at the start")
    func everyFunctionAndCommand() {
        let operands = labels("products select ")
        for f in FunctionSpec.names { #expect(operands.contains("\(f)()"), "\(f)() is not offered") }
        let start = labels("")
        for c in CommandWord.allCases where !c.onlyAlone { #expect(start.contains(c.rawValue), "\(c.rawValue) is not offered") }
        for w in Parser.scriptWords { #expect(start.contains(w)) }
        #expect(labels("tutorial ").starts(with: ["list", "off", "reset", "1"]))
    }

    @Test("set alone and settings list every setting with its value; set NAME shows one")
    func setAlone() {
        for command in ["set", "settings", "set;"] {
            let sink = StringSink()
            #expect(session(sink).run(command) == .ok)
            let lines = sink.output.split(separator: "\n")
            #expect(lines.count == Setting.all.count, "\(command): \(sink.output)")
            #expect(lines.contains { $0.hasPrefix("format table") && $0.contains("(table|csv|json|markdown)") })
            #expect(lines.contains { $0.hasPrefix("today 2026-11-29") })
        }
        let sink = StringSink()
        #expect(session(sink).run("set timer on\nset timer") == .ok)
        #expect(sink.output.hasPrefix("timer on  (on|off) "))
        let vi = StringSink()
        let s = session(vi)
        #expect(s.run("set lang vi\nset date_style") == .ok)
        #expect(vi.output == "date_style iso  (iso|vn) ngày dạng 2026-11-29 (iso) hoặc 29/11/2026 (vn)\n")
    }

    @Test("a bad setting or value is an error from the table")
    func badSetting() {
        let sink = StringSink()
        #expect(session(sink).run("set max_rows many") == .failed(.type))
        #expect(sink.errors.contains("max_rows is a number of rows, or all"))
        let unknown = StringSink()
        #expect(session(unknown).run("set formt csv") == .failed(.name))
        #expect(unknown.errors.contains("did you mean 'format'?"))
    }

    @Test("the REPL waits for another line only where the grammar reads on over a line break")
    func awaitsMore() {
        func waits(_ text: String) -> Bool { Parser.awaitsMore(Source(name: "<t>", text: text)) }
        for text in ["products where", "products where stars >= 4 and", "products where stars >=", "products where stars = (products",
                     "products select count(", "let x =", "products where score between", "products sort by",
                     "products where name contains", "products where name starts with", "products where not",
                     "products where stars in [4,", "products\n  where stars = 5 or"] {
            #expect(waits(text), "\(text) should wait for more")
            // and what it waits for is a line the parser takes
            #expect(throws: Never.self) { try Parser.parse(Source(name: "<t>", text: text + "\n" + Self.finish(text))) }
        }
        for text in ["set", "set format", "products", "products select name,", "products sort", "products where stars in",
                     "products where district is", "products select name as", "products limit", "help (", "describe",
                     "products where name = \"Bắc", "tables", "products where stars = 5 count", ""] {
            #expect(!waits(text), "\(text) should run at once")
        }
    }

    /// A line that finishes a statement `text` leaves waiting.
    static func finish(_ text: String) -> String {
        if text.hasSuffix("=") && text.hasPrefix("let") { return "products" }
        if text.hasSuffix("[4,") { return "5]" }
        if text.hasSuffix("(") { return text.hasPrefix("(") ? ")" : "stars)" }
        if text.hasSuffix("(products") { return "count)" }
        if text.hasSuffix("between") { return "1 and 2" }
        return "stars"
    }

    @Test("grammar and parser agree: not before every match operator, empty in (), queries in any argument, assert without a comparison")
    func grammarAgreement() throws {
        func csv(_ q: String) -> String {
            let sink = StringSink()
            let s = session(sink)
            if !q.hasSuffix("count") { s.options.render.format = .csv }
            #expect(s.run(q) == .ok, "\(q): \(sink.errors)")
            return sink.output
        }
        let all = csv("products where name starts with \"Tr\" count")
        let not = csv("products where name not starts with \"Tr\" count")
        let starting = Int(all.trimmingCharacters(in: .newlines)) ?? 0
        let others = Int(not.trimmingCharacters(in: .newlines)) ?? 0
        #expect(starting > 0 && starting + others == 214, "\(all) \(not)")
        #expect(csv("products where name not ends with \"x\" count") == "214\n")
        #expect(csv("products where name not ~ \"zzz\" count") == "214\n")
        #expect(csv("products where stars in () count") == "0\n")
        #expect(csv("products where stars not in () count") == "214\n")
        #expect(csv("products limit 1 select coalesce(null, products where stars = 5 count) as n") == "n\n" + csv("products where stars = 5 count"))
        let sink = StringSink()
        #expect(session(sink).run("assert products where stars > 5") == .failed(.type))
        #expect(sink.errors.contains("assert needs a condition, not just a query"))
        #expect(!sink.errors.contains("syntax"))
    }
}
