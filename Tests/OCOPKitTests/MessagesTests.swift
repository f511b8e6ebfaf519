import Foundation
import Testing
@testable import OCOPKit

/// The message catalogues: the same keys in both languages, every identifier used in Sources
/// present in both, placeholders kept, and the language chosen from the environment.
@Suite("Messages")
struct MessagesTests {
    @Test("both catalogues have the same keys")
    func sameKeys() {
        let en = Set(Msg.english.keys), vi = Set(Msg.vietnamese.keys)
        #expect(en.subtracting(vi).sorted() == [], "missing in Vietnamese")
        #expect(vi.subtracting(en).sorted() == [], "missing in English")
    }

    @Test("every placeholder of an English message is in its Vietnamese one")
    func samePlaceholders() {
        for (key, en) in Msg.english {
            guard let vi = Msg.vietnamese[key] else { continue }
            for i in 0..<6 where en.contains("{\(i)}") {
                #expect(vi.contains("{\(i)}"), "\(key) lacks {\(i)} in Vietnamese")
            }
        }
    }

    /// Every `Msg.text("id"` and `say("id"` in Sources (literal identifiers), plus the
    /// identifiers built from a prefix (help kinds, lessons, describe columns).
    static func usedIdentifiers() throws -> Set<String> {
        let sources = Support.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        // on a line that looks a message up, every literal shaped like an identifier (a.b.c)
        let literal = try NSRegularExpression(pattern: #""([a-z]+(?:\.[a-zA-Z0-9_]+)+)""#)
        var ids = Set<String>()
        for f in files {
            for line in try String(contentsOf: f, encoding: .utf8).split(separator: "\n") {
                guard line.contains("Msg.text(") || line.contains("say(") else { continue }
                let ns = String(line) as NSString
                for m in literal.matches(in: String(line), range: NSRange(location: 0, length: ns.length)) {
                    ids.insert(ns.substring(with: m.range(at: 1)))
                }
            }
        }
        #expect(ids.count >= 40, "the scan finds the lookups")
        for k in HelpEntry.Kind.allCases { ids.insert("help.kind.\(k.rawValue)"); ids.insert("help.kinds.\(k.rawValue)") }
        for l in Lesson.all { ids.formUnion([l.title, l.task, l.hint, l.learned]) }
        for c in ["field", "type", "present", "missing", "distinct", "values", "example"] { ids.insert("describe.col.\(c)") }
        return ids
    }

    @Test("every identifier used in Sources exists in both catalogues")
    func usedExist() throws {
        for id in try Self.usedIdentifiers().sorted() {
            #expect(Msg.english[id] != nil, "'\(id)' missing in English")
            #expect(Msg.vietnamese[id] != nil, "'\(id)' missing in Vietnamese")
        }
    }

    @Test("the language follows LC_ALL, LC_MESSAGES, LANG")
    func fromEnvironment() {
        #expect(Lang.from(environment: ["LANG": "vi_VN.UTF-8"]) == .vi)
        #expect(Lang.from(environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(Lang.from(environment: ["LC_ALL": "vi", "LANG": "en_US.UTF-8"]) == .vi)
        #expect(Lang.from(environment: ["LC_ALL": "C", "LANG": "vi_VN.UTF-8"]) == .en)
        #expect(Lang.from(environment: [:]) == .en)
    }

    @Test("set lang vi switches help, describe, errors and the tutorial")
    func setLang() {
        let sink = StringSink()
        var o = SessionOptions(today: Support.today)
        o.lang = .en
        let s = Session(dataset: Loader.sample(), options: o, sink: sink)
        s.tutorialStatePath = NSTemporaryDirectory() + "ocop-msg-\(UUID().uuidString).json"
        #expect(s.run("set lang vi") == .ok)
        s.run("help")
        #expect(sink.output.contains("Năm mệnh đề hay dùng nhất"))
        s.run("describe producers.kind")
        #expect(sink.output.contains("producers.kind: chữ, 138 có giá trị, 0 trống, 4 giá trị khác nhau"))
        s.run("prodcts count")
        #expect(sink.errors.contains("xem: help tables"))
        s.run("tutorial 1")
        #expect(sink.output.contains("Bài 1/"))
        s.run("products")
        #expect(sink.output.contains("✗ Chưa đúng: đây đúng là các dòng cần tìm (214); yêu cầu là đếm chúng"))
        #expect(s.welcome().contains("(dữ liệu mẫu)"))
    }
}
