/// The text before the cursor as tokens, from the real lexer (Syntax/Lexer.swift) in its
/// lenient mode: the text is unfinished by nature (an open quote, a half-typed name), so it
/// never fails. Offsets are Characters, as `Completion.replaceFrom` is.
extension Completer {
    struct Token: Equatable {
        enum Kind: Equatable {
            case word          // identifier or keyword (`keyword` tells)
            case text          // "…" closed
            case openText      // "… still open at the end of the input
            case number
            case parameter
            case symbol
            case newline       // outside brackets
        }
        var kind: Kind
        /// Words: as written (a keyword in lower case); symbols: the symbol; text: its value.
        var text: String
        var start: Int
        var end: Int
        /// The keyword a word is (never for a backquoted name).
        var keyword: Keyword?
        /// A backquoted name: complete as written, never a keyword.
        var quoted = false

        var isKeyword: Bool { keyword != nil }
        func isKeyword(_ k: Keyword) -> Bool { keyword == k }
        func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
        /// A name (not a keyword), or a backquoted name.
        var isName: Bool { kind == .word && keyword == nil }
    }

    /// The tokens of `text`; `inComment` when the input ends inside a `#` comment.
    static func tokens(of text: String) -> (tokens: [Token], inComment: Bool) {
        let source = Source(name: "<completion>", text: text)
        let (lexed, openText) = Lexer.tokensForCompletion(of: source)
        let bytes = source.bytes
        // byte offset → Character offset
        var characterAt = [Int](repeating: 0, count: bytes.count + 1)
        var b = 0, c = 0
        for ch in text {
            let n = ch.utf8.count
            for k in 0..<n where b + k < bytes.count { characterAt[b + k] = c }
            b += n
            c += 1
        }
        characterAt[min(b, bytes.count)] = c
        func offset(_ byte: Int) -> Int { characterAt[min(byte, bytes.count)] }
        var out: [Token] = []
        for (i, t) in lexed.enumerated() {
            let kind: Token.Kind
            switch t.kind {
            case .identifier, .keyword: kind = .word
            case .string: kind = openText && i == lexed.count - 1 ? .openText : .text
            case .integer, .decimal, .date: kind = .number
            case .parameter: kind = .parameter
            case .symbol: kind = .symbol
            case .newline: kind = .newline
            case .eof: continue
            }
            let start = offset(t.range.start), end = offset(t.range.end)
            let quoted = t.kind == .identifier && bytes[t.range.start] == UInt8(ascii: "`")
            out.append(Token(kind: kind, text: t.text, start: start, end: end, keyword: t.keyword, quoted: quoted))
        }
        // a `$` just typed: the lexer wants a name after it; complete the parameters
        if bytes.last == UInt8(ascii: "$"), (lexed.last?.range.end ?? 0) < bytes.count {
            out.append(Token(kind: .parameter, text: "", start: offset(bytes.count - 1), end: offset(bytes.count)))
            return (out, false)
        }
        // after the last token only spaces and comments remain: a `#` on the last line is a
        // comment the cursor is in
        let tail = bytes[(lexed.last?.range.end ?? 0)...]
        let lastLine = tail.lastIndex(of: 10).map { tail[($0 + 1)...] } ?? tail
        return (out, !openText && lastLine.contains(UInt8(ascii: "#")))
    }
}
