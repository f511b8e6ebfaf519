/// When the REPL waits for another line: the statement typed so far ends where the grammar
/// reads on over a line break (an open bracket, an operator, a keyword such as `where`, `and`,
/// `between`). Anything else is complete: it runs at once, and an error in it is shown at once
/// (a command, which is one line; a trailing comma; `sort` without `by`).
extension Parser {
    /// True when more lines can finish the last statement of `source`.
    public static func awaitsMore(_ source: Source) -> Bool {
        let tokens: [Token]
        do {
            tokens = try Lexer.tokens(of: source)
        } catch {
            // a lexical error is reported when the text runs, which it does now
            return false
        }
        let significant = tokens.filter { $0.kind != .newline && $0.kind != .eof }
        guard let last = significant.last else { return false }
        // the statement the last token is in: commands are one line and never continue
        if let first = lastStatementStart(tokens), first.kind == .identifier, CommandWord(rawValue: first.text) != nil {
            return false
        }
        var depth = 0
        for t in significant where t.kind == .symbol {
            if t.text == "(" || t.text == "[" { depth += 1 }
            if (t.text == ")" || t.text == "]") && depth > 0 { depth -= 1 }
        }
        if depth > 0 { return true }
        if last.kind == .symbol { return Parser.operatorsReadingOn.contains(last.text) }
        return last.keyword?.awaitsNextLine ?? false
    }

    /// Symbols after which the parser skips line breaks: comparison, arithmetic, `~`, and the
    /// `=` of let and param.
    static let operatorsReadingOn: Set<String> = ["=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "~"]

    /// The first token of the statement the last token belongs to: after the last `;`, or
    /// the first token of a line not continued from the line above.
    static func lastStatementStart(_ tokens: [Token]) -> Token? {
        var start: Token?
        var lineStart = true
        var previous: Token?
        for t in tokens where t.kind != .eof {
            if t.isSymbol(";") { start = nil; lineStart = true; previous = nil; continue }
            if t.kind == .newline { lineStart = true; continue }
            if lineStart {
                let continued = t.keyword?.continuesLine == true
                    || (t.kind == .identifier && suffixWords.contains(t.text.lowercased()))
                    || previous.map(readsOn) == true
                if start == nil || !continued { start = t }
                lineStart = false
            }
            previous = t
        }
        return start
    }

    /// A token after which the statement reads on over a line break.
    static func readsOn(_ t: Token) -> Bool {
        if t.kind == .symbol { return operatorsReadingOn.contains(t.text) || t.text == "," }
        return t.keyword?.awaitsNextLine ?? false
    }
}
