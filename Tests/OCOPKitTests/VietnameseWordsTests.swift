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
        for (name, t) in ds.tables {
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
}
