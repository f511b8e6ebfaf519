/// Splits the text before the cursor into tokens the way `Lexer` does, but never fails: the
/// text is unfinished by nature (an open quote, a half-typed name). Offsets are Characters,
/// as `Completion.replaceFrom` is.
struct CompletionScanner {
    struct Token: Equatable {
        enum Kind: Equatable {
            case word          // identifier or keyword (`isKeyword` tells)
            case text          // "…" closed
            case openText      // "… still open at the end of the input
            case number
            case parameter
            case symbol
            case newline       // outside brackets
        }
        var kind: Kind
        /// Words: as written; symbols: the symbol; open text: what follows the quote.
        var text: String
        var start: Int
        var end: Int

        var isKeyword: Bool { kind == .word && CompletionScanner.keywords.contains(text.lowercased()) }
        func isKeyword(_ k: String) -> Bool { kind == .word && text.lowercased() == k }
        func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
        /// A name (not a keyword), or a backquoted name.
        var isName: Bool { kind == .word && !isKeyword }
    }

    static let keywords: Set<String> = OCOPKit.Token.keywords

    /// The tokens of `chars`; `inComment` when the input ends inside a `#` comment.
    static func scan(_ chars: [Character]) -> (tokens: [Token], inComment: Bool) {
        var out: [Token] = []
        var i = 0
        var depth = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\r" { i += 1; continue }
            if c == "\n" || c == "\r\n" {
                if depth == 0 { out.append(Token(kind: .newline, text: "\n", start: i, end: i + 1)) }
                i += 1
                continue
            }
            if c == "#" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                if i == chars.count { return (out, true) }
                continue
            }
            let start = i
            if c == "\"" || c == "'" {
                i += 1
                var content = ""
                var closed = false
                while i < chars.count && chars[i] != "\n" {
                    if chars[i] == c {
                        if i + 1 < chars.count && chars[i + 1] == c { content.append(c); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    if chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] != "\n" {
                        content.append(chars[i + 1])
                        i += 2
                        continue
                    }
                    content.append(chars[i])
                    i += 1
                }
                let open = !closed && i == chars.count
                out.append(Token(kind: open ? .openText : .text, text: content, start: start, end: i))
                continue
            }
            if c == "`" {
                i += 1
                while i < chars.count && chars[i] != "`" && chars[i] != "\n" { i += 1 }
                let name = String(chars[(start + 1)..<i])
                if i < chars.count && chars[i] == "`" { i += 1 }
                out.append(Token(kind: .word, text: name, start: start, end: i))
                continue
            }
            if c.isASCII, c.isNumber {
                while i < chars.count, chars[i].isNumber || chars[i] == "." || chars[i] == "-" || chars[i] == "/" { i += 1 }
                out.append(Token(kind: .number, text: String(chars[start..<i]), start: start, end: i))
                continue
            }
            if c == "$" {
                i += 1
                while i < chars.count && isWordPart(chars[i]) { i += 1 }
                out.append(Token(kind: .parameter, text: String(chars[(start + 1)..<i]), start: start, end: i))
                continue
            }
            if isWordPart(c) {
                while i < chars.count && isWordPart(chars[i]) { i += 1 }
                out.append(Token(kind: .word, text: String(chars[start..<i]), start: start, end: i))
                continue
            }
            if i + 1 < chars.count, ["!=", "<>", "<=", ">=", "=="].contains(String(chars[i...(i + 1)])) {
                let two = String(chars[i...(i + 1)])
                out.append(Token(kind: .symbol, text: two == "<>" ? "!=" : two == "==" ? "=" : two, start: i, end: i + 2))
                i += 2
                continue
            }
            if c == "(" || c == "[" { depth += 1 }
            if (c == ")" || c == "]") && depth > 0 { depth -= 1 }
            out.append(Token(kind: .symbol, text: String(c), start: i, end: i + 1))
            i += 1
        }
        return (out, false)
    }

    static func isWordPart(_ c: Character) -> Bool {
        c.isLetter || c == "_" || (c.isNumber && !c.isWhitespace) || c.unicodeScalars.first?.properties.generalCategory == .nonspacingMark
    }
}
