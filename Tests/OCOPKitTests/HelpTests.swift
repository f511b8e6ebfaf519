import Foundation
import Testing
@testable import OCOPKit

/// Help: every entry has an example, every example runs on the sample, every name of the
/// language and of the sample's tables has a topic, and errors point at the right topic.
@Suite("Help")
struct HelpTests {
    nonisolated(unsafe) static let dataset = Loader.sample()

    static func session(_ sink: StringSink = StringSink(), lang: Lang = .en) -> Session {
        var o = SessionOptions(today: Support.today)
        o.lang = lang
        let s = Session(dataset: dataset, options: o, sink: sink)
        s.tutorialStatePath = NSTemporaryDirectory() + "ocop-help-tutorial-\(UUID().uuidString).json"
        return s
    }

    /// Every example of every entry, with where it comes from.
    static func examples(_ lang: Lang) -> [(String, String)] {
        Help.allEntries(session(lang: lang)).flatMap { e in e.examples.map { ("\(e.kind.rawValue) \(e.title)", $0) } }
    }

    /// Exports go to a temporary folder, not the working directory.
    static func redirected(_ example: String, _ dir: String) -> String {
        guard let r = example.range(of: "export \"") else { return example }
        return example.replacingCharacters(in: r, with: "export \"\(dir)/")
    }

    @Test("every help entry has at least one example", arguments: Lang.allCases)
    func everyEntryHasAnExample(_ lang: Lang) {
        for e in Help.allEntries(Self.session(lang: lang)) {
            #expect(!e.examples.isEmpty, "help \(e.title) has no example")
        }
    }

    @Test("every example runs on the sample with today 2026-11-29")
    func everyExampleRuns() throws {
        let dir = NSTemporaryDirectory() + "ocop-help-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let all = Self.examples(.en)
        #expect(all.count >= 150)
        for (entry, example) in all {
            let sink = StringSink()
            let outcome = Self.session(sink).run(Self.redirected(example, dir), name: "<help>")
            #expect(outcome == .ok || outcome == .quit, "help \(entry): \(example)\n\(sink.errors)")
            #expect(!sink.errors.contains("error:"), "help \(entry): \(example)\n\(sink.errors)")
        }
    }

    @Test("every keyword, function, command and field of the sample has a topic")
    func everyNameHasATopic() {
        let s = Self.session()
        let names = Set(Help.allNames(s).map { $0.lowercased() })
        var wanted = Array(Token.keywords) + FunctionSpec.names.filter { $0 != "count" } + ["count()"]
        wanted += Array(Parser.commandWords) + StatementWord.allCases.map(\.rawValue) + ["hint", "next", "skip"]
        wanted += ["=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "~", "contains", "starts", "ends"]
        for t in Self.dataset.tableOrder {
            let table = Self.dataset.tables[t]!
            wanted += [t] + table.fieldNames + table.relations.keys + table.fieldNames.map { "\(t).\($0)" }
        }
        for w in wanted { #expect(names.contains(w.lowercased()), "no help for '\(w)'") }
    }

    @Test("help alone fits one screen and names the five clauses")
    func overview() {
        let sink = StringSink()
        Self.session(sink).run("help")
        #expect(sink.output.split(separator: "\n", omittingEmptySubsequences: false).count <= 24)
        for w in ["where", "select", "sort by", "group by", "count", "help TOPIC", "tutorial"] {
            #expect(sink.output.contains(w), "overview lacks \(w)")
        }
    }

    @Test("help on a field gives its type, meaning and values from the data")
    func fieldHelp() {
        let sink = StringSink()
        Self.session(sink).run("help products.stars")
        #expect(sink.output.contains("integer field of products"))
        #expect(sink.output.contains("3–5"))
        #expect(sink.output.contains("OCOP rating"))
        let p = StringSink()
        Self.session(p).run("help province")
        #expect(p.output.contains("Bắc Kạn (84)"))
    }

    @Test("every entry of the language and the commands has a Vietnamese text")
    func vietnameseTexts() {
        for e in Help.language + Help.commands {
            #expect((e.vietnamese ?? Help.vietnameseTexts[e.title]) != nil, "help \(e.title) has no Vietnamese text")
        }
        let sink = StringSink()
        Self.session(sink, lang: .vi).run("help group\nhelp province")
        #expect(sink.output.contains("group — mệnh đề"))
        #expect(sink.output.contains("tạo một dòng cho mỗi khóa"))
        #expect(sink.output.contains("trường chữ của products: tỉnh tại thời điểm công nhận"))
    }

    @Test("an unknown topic suggests the nearest")
    func unknownTopic() {
        let sink = StringSink()
        Self.session(sink).run("help grup")
        #expect(sink.output.contains("no help for 'grup'; did you mean help group"))
        let p = StringSink()
        Self.session(p).run("help provnce")
        #expect(p.output.contains("help province"))
    }

    @Test("errors point at the help topic", arguments: [
        ("products group by province select name", "see: help group"),
        ("products where provnce = 1", "see: help products"),
        ("products were stars = 3", "see: help where"),
        ("products where stars = \"x\"", "see: help where"),
        ("products select year(name)", "see: help functions"),
        ("prodcts count", "see: help tables"),
        ("products sort by nme", "see: help products"),
        ("set formt csv", "see: help set"),
        ("products select avgg(score)", "see: help functions"),
    ])
    func errorsPointAtHelp(_ statement: String, _ see: String) {
        let sink = StringSink()
        _ = Self.session(sink).run(statement)
        #expect(sink.errors.contains(see), "\(statement):\n\(sink.errors)")
    }
}
