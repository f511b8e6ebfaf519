import Foundation
import Testing
@testable import OCOPKit

/// Grammar/ocop.ebnf is the specification: sentences generated from it parse, every parse
/// function quotes its rule word for word, every rule is quoted by the parser, and every
/// word of the grammar is in the tables of the language.
@Suite struct GrammarTests {
    static let text = (try? String(contentsOf: Support.root.appendingPathComponent("Grammar/ocop.ebnf"), encoding: .utf8)) ?? ""
    static let grammar = EBNF(text)

    @Test("the grammar file reads as EBNF with every rule it uses defined")
    func grammarReads() {
        #expect(Self.grammar.rules.count >= 35)
        for (name, rule) in Self.grammar.rules {
            for n in rule.names where !EBNF.lexical.keys.contains(n) {
                #expect(Self.grammar.rules[n] != nil, "rule \(name) uses \(n), which is not defined")
            }
        }
    }

    @Test("20,000 sentences generated from the grammar parse")
    func generatedSentencesParse() throws {
        var rng = SplitMix(state: 14)
        var parsed = 0
        for _ in 0..<20_000 {
            let sentence = Self.grammar.sentence("script", &rng)
            do {
                _ = try Parser.parse(Source(name: "<generated>", text: sentence))
                parsed += 1
            } catch {
                Issue.record("generated sentence does not parse: \(sentence)\n\(error.rendered())")
                return
            }
        }
        #expect(parsed == 20_000)
    }

    /// Parse functions (and inline rules in clause()) quote rules as `/// name = …` or
    /// `// name = …`, continued on lines that start with `///` and spaces.
    static func quotes() -> [String: String] {
        let folder = Support.root.appendingPathComponent("Sources/OCOPKit/Syntax")
        var out: [String: String] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in files where file.hasPrefix("Parser") {
            let source = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            var current: (name: String, text: String)?
            for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                let body = line.hasPrefix("///") ? String(line.dropFirst(3)) : line.hasPrefix("//") ? String(line.dropFirst(2)) : nil
                if let body, let c = current, body.hasPrefix("   ") || body.hasPrefix("\t"), !c.text.hasSuffix(";") {
                    current = (c.name, c.text + " " + body)
                    continue
                }
                if let c = current { for part in EBNF.split(c.text) { out[part.name] = part.text } }
                current = nil
                guard let body, let eq = body.range(of: " = ") else { continue }
                let name = body[..<eq.lowerBound].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) else { continue }
                current = (name, body.trimmingCharacters(in: .whitespaces))
            }
        }
        return out
    }

    @Test("every parse function quotes its rule from the grammar word for word, and every rule is quoted")
    func parserQuotesTheGrammar() {
        let quotes = Self.quotes()
        for (name, text) in quotes {
            guard let rule = Self.grammar.texts[name] else {
                Issue.record("the parser quotes '\(name)', which the grammar does not have")
                continue
            }
            #expect(EBNF.normalized(text) == EBNF.normalized(rule), "rule \(name): parser says\n\(text)\ngrammar says\n\(rule)")
        }
        // rules written out in a parse function's body rather than a function of their own
        let inline: Set<String> = ["separator", "compare_op"]
        for name in Self.grammar.rules.keys where !inline.contains(name) {
            #expect(quotes[name] != nil, "no parse function quotes the rule \(name)")
        }
    }

    @Test("every parsing function of the parser has a grammar rule")
    func everyParserPathHasARule() throws {
        let folder = Support.root.appendingPathComponent("Sources/OCOPKit/Syntax")
        // helpers that move over tokens but parse no rule of their own
        let helpers: Set<String> = ["advance", "match", "skipNewlines", "matchContinuing", "expect", "identifier", "enter", "lengthen",
                                    "count", "skipStatement", "scriptStatement", "matchOperator", "command"]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasPrefix("Parser") {
            let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").map(String.init)
            for (i, line) in lines.enumerated() {
                guard let r = line.range(of: "mutating func ") else { continue }
                let name = String(line[r.upperBound...].prefix { $0.isLetter || $0.isNumber })
                if helpers.contains(name) { continue }
                // the doc comment above the function quotes a rule
                var j = i - 1
                var doc: [String] = []
                while j >= 0, lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("///") { doc.append(lines[j]); j -= 1 }
                let quotesRule = doc.contains { d in
                    let t = d.trimmingCharacters(in: .whitespaces).dropFirst(3).trimmingCharacters(in: .whitespaces)
                    guard let eq = t.range(of: " = ") else { return false }
                    return Self.grammar.rules[String(t[..<eq.lowerBound])] != nil
                }
                #expect(quotesRule, "\(file): \(name)() parses without quoting a grammar rule")
            }
        }
        // and the command words' dispatch covers the grammar's command rule
        let commandWords = Set((Self.grammar.rules["command"]?.terminals ?? []).filter { $0.first?.isLetter == true })
        #expect(commandWords == Set(CommandWord.allCases.map(\.rawValue)))
    }

    @Test("every word of the grammar is in the tables of the language, and every keyword is in the grammar")
    func wordsAreInTheTables() {
        let terminals = Set(Self.grammar.rules.values.flatMap(\.terminals).filter { $0.first?.isLetter == true })
        // the statement words are plain words where the rules put them (and analyze after explain)
        let known = Keyword.words.union(CommandWord.allCases.map(\.rawValue)).union(StatementWord.allCases.map(\.rawValue)).union(["analyze"])
        for w in terminals { #expect(known.contains(w), "'\(w)' is in the grammar but in no table") }
        for k in Keyword.allCases { #expect(terminals.contains(k.rawValue), "keyword '\(k.rawValue)' has no rule") }
        for w in StatementWord.allCases { #expect(terminals.contains(w.rawValue), "statement word '\(w.rawValue)' has no rule") }
    }
}

/// A reader of the EBNF dialect of Grammar/ocop.ebnf (ISO-style: = | [ ] { } ( ) "…" ;
/// (* comments *)) and a generator of random sentences from it.
struct EBNF: Sendable {
    indirect enum Node: Sendable {
        case terminal(String)
        case rule(String)
        case sequence([Node])
        case choice([Node])
        case optional(Node)
        case repeated(Node)
    }

    var rules: [String: Node] = [:]
    /// The fewest words each rule can give (for leaving the recursion when deep).
    var minimum: [String: Int] = [:]
    /// Each rule's text as written (comments removed), for comparing with the parser's quotes.
    var texts: [String: String] = [:]

    /// Upper-case names are lexical (Lexer.swift); the generator writes an example of each.
    static let lexical: [String: [String]] = [
        "IDENT": ["products", "stars", "x", "province", "`count`"],
        "WORD": ["group", "format", "list", "csv"],
        "INTEGER": ["3", "0", "2024"],
        "DECIMAL": ["1.5", "91.14"],
        "TEXT": ["\"a\"", "'Bắc Kạn'", "\"\""],
        "DATE": ["2024-01-31", "31/01/2024"],
        "PARAMETER": ["$p", "$province"],
        "NEWLINE": ["\n"],
    ]

    init(_ source: String) {
        for part in EBNF.split(EBNF.uncommented(source)) {
            var p = Reader(tokens: EBNF.tokens(part.body))
            rules[part.name] = p.choice()
            texts[part.name] = part.text
        }
        for _ in 0..<rules.count {
            for (name, node) in rules { minimum[name] = size(node) }
        }
    }

    static func uncommented(_ s: String) -> String {
        var out = "", i = s.startIndex
        while i < s.endIndex {
            if s[i...].hasPrefix("(*"), let end = s[i...].range(of: "*)") { i = end.upperBound; out += " "; continue }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }

    /// `name = body ;` parts of `text` (outside quotes).
    static func split(_ text: String) -> [(name: String, body: String, text: String)] {
        var out: [(String, String, String)] = []
        var current = "", quote: Character?
        for ch in uncommented(text) {
            current.append(ch)
            if let q = quote { if ch == q { quote = nil }; continue }
            if ch == "\"" { quote = ch; continue }
            if ch == ";" {
                if let eq = current.range(of: "=") {
                    let name = current[..<eq.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
                    let body = String(current[eq.upperBound...].dropLast())
                    if name.allSatisfy({ $0.isLetter || $0 == "_" }), !name.isEmpty {
                        out.append((name, body, current.trimmingCharacters(in: .whitespacesAndNewlines)))
                    }
                }
                current = ""
            }
        }
        return out
    }

    /// Spaces collapsed, so a rule quoted over several lines compares with the file's.
    static func normalized(_ s: String) -> String {
        uncommented(s).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    static func tokens(_ s: String) -> [String] {
        var out: [String] = [], i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c.isWhitespace { i = s.index(after: i); continue }
            if c == "\"" {
                let start = s.index(after: i)
                let end = s[start...].firstIndex(of: "\"") ?? s.endIndex
                out.append("\"" + s[start..<end])
                i = end < s.endIndex ? s.index(after: end) : end
                continue
            }
            if "|[]{}()".contains(c) { out.append(String(c)); i = s.index(after: i); continue }
            var j = i
            while j < s.endIndex, s[j].isLetter || s[j] == "_" { j = s.index(after: j) }
            if j == i { j = s.index(after: i) }
            out.append(String(s[i..<j]))
            i = j
        }
        return out
    }

    struct Reader {
        var tokens: [String]
        var pos = 0
        var peek: String? { pos < tokens.count ? tokens[pos] : nil }

        mutating func choice() -> Node {
            var alternatives = [sequence()]
            while peek == "|" { pos += 1; alternatives.append(sequence()) }
            return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
        }

        mutating func sequence() -> Node {
            var items: [Node] = []
            while let t = peek, !["|", "]", "}", ")"].contains(t) {
                pos += 1
                switch t {
                case "[": items.append(.optional(choice())); pos += 1
                case "{": items.append(.repeated(choice())); pos += 1
                case "(": items.append(choice()); pos += 1
                default: items.append(t.hasPrefix("\"") ? .terminal(String(t.dropFirst())) : .rule(t))
                }
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }
    }

    /// A random sentence of `rule`: past a depth, the shortest way out of each choice.
    func sentence(_ rule: String, _ rng: inout SplitMix) -> String {
        var words: [String] = []
        emit(.rule(rule), depth: 0, &words, &rng)
        var out = ""
        for w in words {
            if w == "\n" || w == ";" { out += w; continue }
            out += (out.isEmpty || out.hasSuffix("\n") ? "" : " ") + w
        }
        return out
    }

    func emit(_ node: Node, depth: Int, _ out: inout [String], _ rng: inout SplitMix) {
        let deep = depth > 12
        switch node {
        case .terminal(let t): out.append(t)
        case .rule(let name):
            if let examples = EBNF.lexical[name] { out.append(examples[Int(rng.next() % UInt64(examples.count))]); return }
            guard let r = rules[name] else { return }
            emit(r, depth: depth + 1, &out, &rng)
        case .sequence(let items): for i in items { emit(i, depth: depth, &out, &rng) }
        case .choice(let alternatives):
            let pick = deep ? alternatives.min { size($0) < size($1) }! : alternatives[Int(rng.next() % UInt64(alternatives.count))]
            emit(pick, depth: depth, &out, &rng)
        case .optional(let inner):
            if !deep && rng.next() % 2 == 0 { emit(inner, depth: depth, &out, &rng) }
        case .repeated(let inner):
            if deep { return }
            for _ in 0..<Int(rng.next() % 3) { emit(inner, depth: depth, &out, &rng) }
        }
    }

    /// The fewest words a node can give, by the rules' minimums known so far.
    func size(_ node: Node) -> Int {
        switch node {
        case .terminal: return 1
        case .rule(let name): return EBNF.lexical[name] != nil ? 1 : minimum[name] ?? 1_000_000
        case .sequence(let items): return items.map(size).reduce(0, +)
        case .choice(let alternatives): return alternatives.map(size).min() ?? 0
        case .optional, .repeated: return 0
        }
    }
}

extension EBNF.Node {
    /// The rules it names.
    var names: [String] {
        switch self {
        case .terminal: return []
        case .rule(let n): return [n]
        case .sequence(let xs), .choice(let xs): return xs.flatMap(\.names)
        case .optional(let x), .repeated(let x): return x.names
        }
    }

    /// The quoted words and symbols it contains.
    var terminals: [String] {
        switch self {
        case .terminal(let t): return [t]
        case .rule: return []
        case .sequence(let xs), .choice(let xs): return xs.flatMap(\.terminals)
        case .optional(let x), .repeated(let x): return x.terminals
        }
    }
}
