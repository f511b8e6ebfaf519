/// Which help topic an error points at (`see: help group`): decided in one place, from the
/// diagnostic's message and the clause it happened in, so no throw site has to name a topic.
extension Help {
    /// The topic for `d`, or nil when no topic would help (a failed assert, a cancel, data).
    static func topic(for d: Diagnostic, tables: [String] = []) -> String? {
        let m = d.message
        func has(_ s: String) -> Bool { m.contains(s) }
        switch d.kind {
        case .data: return nil
        case .runtime where has("cancelled") || d.message.isEmpty: return nil
        default: break
        }
        // a misspelt keyword: the keyword meant (`were` → where)
        for h in d.hints where h.hasPrefix("did you mean '") {
            let word = h.dropFirst("did you mean '".count).prefix { $0 != "'" }.lowercased()
            if Token.keywords.contains(word), topics[word] != nil { return word }
        }
        // the message says what it is about
        let byMessage: [(String, String)] = [
            ("group key", "group"), ("group by", "group"), ("unknown function", "functions"), ("() takes", "functions"),
            ("() needs", "functions"), ("unknown table", "tables"), ("unknown setting", "set"), ("setting", "set"),
            ("is one of", "set"), ("is on or off", "set"), ("parameter", "param"), ("export", "export"),
            ("format of", "export"), ("chart", "chart"), ("assert", "assert"), ("duration", "dates"),
            ("date", "dates"), ("division by zero", "/"), ("overflow", "+"), ("unterminated text", "text"),
            ("straight quotes", "text"), ("let names", "let"), ("is a table", "let"), ("is a command", "let"),
            ("nothing can follow", "count"), ("unknown clause", "statement"), ("unknown field", "describe"),
            ("relation", "relations"), ("is null", "nulls"),
        ]
        for (needle, topic) in byMessage where has(needle) {
            if needle == "unknown field", let t = statementStart(d), tables.contains(t) { return t }
            return topic
        }
        // otherwise the clause the error sits in (`products where stars = "x"` → where)
        return clauseBefore(d) ?? (d.kind == .syntax ? "statement" : nil)
    }

    /// The tokens of the error's statement before its position (nil for a huge source).
    static func tokensBefore(_ d: Diagnostic) -> [Token]? {
        guard let source = d.source, let range = d.range, source.bytes.count <= 100_000 else { return nil }
        let (tokens, _) = Lexer.tokensRecovering(of: source)
        var start = 0
        for (i, t) in tokens.enumerated() where t.range.start < range.start {
            let next = tokens[(i + 1)...].first { $0.kind != .newline }
            if t.isSymbol(";") || (t.kind == .newline && !(next?.isClauseStart ?? false)) { start = i + 1 }
        }
        return tokens[start...].filter { $0.range.start < range.start && $0.kind != .newline }
    }

    /// The first word of the error's statement (`products` in `products where provnce = 1`).
    static func statementStart(_ d: Diagnostic) -> String? {
        guard let t = tokensBefore(d)?.first, t.kind == .identifier else { return nil }
        return t.text
    }

    /// The last clause keyword before the error's position in its statement, as a topic.
    static func clauseBefore(_ d: Diagnostic) -> String? {
        guard let tokens = tokensBefore(d) else { return nil }
        var found: String?
        for t in tokens {
            guard t.kind == .keyword || t.kind == .identifier else { continue }
            switch t.text.lowercased() {
            case "where": found = "where"
            case "select": found = "select"
            case "sort", "order": found = "sort"
            case "group": found = "group"
            case "limit", "offset": found = "limit"
            case "distinct": found = "distinct"
            default: break
            }
        }
        return found
    }
}

extension Token {
    /// A token that continues the statement above when it starts a line.
    var isClauseStart: Bool { kind == .keyword && Token.clauseKeywords.contains(text) }
}

extension Session {
    /// `  see: help group` under an error, or nothing.
    func seeHelp(_ d: Diagnostic) -> String {
        guard d.severity == .error, let topic = Help.topic(for: d, tables: dataset.tableOrder) else { return "" }
        let cyan = options.render.color ? "\u{1B}[36m" : "", reset = options.render.color ? "\u{1B}[0m" : ""
        let line = Msg.text("help.see", options.lang, topic)
        guard let colon = line.firstIndex(of: ":") else { return "  \(line)\n" }
        return "  \(cyan)\(line[...colon])\(reset)\(line[line.index(after: colon)...])\n"
    }
}
