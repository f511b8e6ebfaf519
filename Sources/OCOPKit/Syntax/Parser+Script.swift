/// Script statements (param, print, assert), the statement suffixes (chart, export), print
/// text interpolation, and error recovery for --keep-going.
extension Parser {
    /// Words that start a script statement (StatementWord). Like commands, they cannot name a variable.
    public static let scriptWords = StatementWord.words(.script)
    /// Words that end a statement that shows rows (matched without regard to case). They are
    /// not reserved keywords, so a field may still be called `export`.
    public static let suffixWords = StatementWord.words(.suffix)

    /// A parser over `range` of `source` only: the inside of a `{…}` in print text.
    init(_ source: Source, range: SourceRange) throws(Diagnostic) {
        var lexer = Lexer(source, range: range)
        var out: [Token] = []
        while true {
            let t = try lexer.next()
            out.append(t)
            if t.kind == .eof { break }
        }
        self.init(source: source, tokens: out)
    }

    /// The suffix word (`chart`, `export`) at the current token or at the start of the next
    /// line, which continues the statement as a clause keyword would.
    func suffixAhead() -> (word: StatementWord, at: Int)? {
        var look = pos
        while tokens[look].kind == .newline { look += 1 }
        guard let w = StatementWord.at(tokens[look]), w.role == .suffix else { return nil }
        return (w, look)
    }

    /// output = query [ "chart" | export ] ;
    mutating func output() throws(Diagnostic) -> Statement {
        let q = try query()
        guard let (word, at) = suffixAhead() else { return Statement(kind: .query(q), range: q.range) }
        pos = at
        let kw = advance()
        if word == .chart { return Statement(kind: .chart(q), range: q.range.union(kw.range)) }
        let target = try export(kw)
        return Statement(kind: .export(q, target), range: q.range.union(previous.range))
    }

    /// export = "export" TEXT [ "overwrite" [ "sheet" TEXT ] | "sheet" TEXT [ "overwrite" ] ] ;
    mutating func export(_ kw: Token) throws(Diagnostic) -> ExportTarget {
        guard current.kind == .string else {
            throw expected(.phraseFileName, after: .quoted(text: StatementWord.export.rawValue), help: [.helpExportExample], topic: "export")
        }
        let file = advance()
        var target = ExportTarget(path: file.text, range: file.range, overwrite: false, pieces: try interpolation(file))
        // each word at most once, in either order; a second one ends the statement (an error there)
        while current.kind == .identifier {
            let word = StatementWord.at(current)
            if word == .overwrite, !target.overwrite {
                _ = advance()
                target.overwrite = true
            } else if word == .sheet, target.sheet == nil {
                _ = advance()
                guard current.kind == .string else {
                    throw expected(.phraseSheetName, after: .quoted(text: StatementWord.sheet.rawValue), help: [.helpExportSheetExample], topic: "export")
                }
                let name = advance()
                target.sheet = VietText.nfc(name.text)
                target.sheetRange = name.range
                target.sheetPieces = try interpolation(name)
            } else {
                break
            }
        }
        target.path = try fileName(file)
        return target
    }

    /// The text of a file or folder name, refused when it holds a NUL character: the system
    /// would end the name there and write or read another file (`"a␀b.csv"` is `a`).
    func fileName(_ t: Token) throws(Diagnostic) -> String {
        guard t.text.utf8.contains(0) else { return t.text }
        let at = source.bytes[t.range.start..<t.range.end].firstIndex(of: 0) ?? t.range.start
        throw Diagnostic(.syntax, .fileNameHasNUL(name: t.text), at: SourceRange(at, at + 1), in: source,
                         help: [.helpFileNameNUL])
    }

    /// param | print | assert
    mutating func scriptStatement() throws(Diagnostic) -> Statement {
        let kw = advance()
        switch StatementWord.at(kw) {
        case .param?: return try param(kw)
        case .print?: return try printStatement(kw)
        default: return try assertStatement(kw)
        }
    }

    /// param = "param" ( IDENT | PARAMETER ) [ "=" expr ] ;
    mutating func param(_ kw: Token) throws(Diagnostic) -> Statement {
        // any word: `param days = 90` is used as $days although days is a keyword
        guard current.kind == .identifier || current.kind == .parameter || current.kind == .keyword else {
            throw expected(.phraseParameterName, after: .quoted(text: StatementWord.param.rawValue), help: [.helpParamNameExample], topic: "param")
        }
        let t = advance()
        let name = Name(text: t.text, range: t.range)
        guard match(symbol: "=") else {
            return Statement(kind: .param(name, nil), range: kw.range.union(t.range))
        }
        skipNewlines()
        let value = try expr()
        return Statement(kind: .param(name, value), range: kw.range.union(value.range))
    }

    /// print = "print" TEXT ;
    mutating func printStatement(_ kw: Token) throws(Diagnostic) -> Statement {
        guard current.kind == .string else {
            throw expected(.phraseTextInQuotes, after: .quoted(text: StatementWord.print.rawValue), help: [.helpPrintValues], topic: "print")
        }
        let t = advance()
        return Statement(kind: .print(try interpolation(t)), range: kw.range.union(t.range))
    }

    /// assert = "assert" ( query [ compare_op additive ] | expr ) [ "," TEXT ] ;
    mutating func assertStatement(_ kw: Token) throws(Diagnostic) -> Statement {
        var condition: Expr
        if isQueryStart() {
            let q = try query()
            condition = Expr(kind: .subquery(q), range: q.range)
            if current.kind == .symbol, let op = BinaryOp(rawValue: current.text), op.isComparison {
                _ = advance()
                skipNewlines()
                let right = try additive()
                condition = Expr(kind: .binary(op, condition, right), range: condition.range.union(right.range))
            }
        } else {
            condition = try expr()
        }
        var message: [TextPiece]?
        if match(symbol: ",") {
            guard current.kind == .string else { throw expected(.phraseMessageInQuotes, after: .phraseCommaInAssert, topic: "assert") }
            message = try interpolation(advance())
        }
        return Statement(kind: .assert(condition, message: message), range: kw.range.union(previous.range))
    }

    /// interpolation = "{" ( query | expr ) "}" ;   inside TEXT; \{ and \} are literal braces.
    ///
    /// Reads the text token's source again: the lexer has already turned `\{` into `{`.
    /// Inside the braces the source is parsed as it stands, so text there is written '…'
    /// when the whole is "…".
    func interpolation(_ t: Token) throws(Diagnostic) -> [TextPiece] {
        let bytes = source.bytes
        let quote = bytes[t.range.start]
        let end = t.range.end - 1
        var pieces: [TextPiece] = []
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty { pieces.append(.text(VietText.nfc(String(decoding: literal, as: UTF8.self)))) }
            literal = []
        }
        var i = t.range.start + 1
        while i < end {
            let c = bytes[i]
            if c == UInt8(ascii: "\\"), i + 1 < end {
                let e = bytes[i + 1]
                switch e {
                case UInt8(ascii: "n"): literal.append(10)
                case UInt8(ascii: "t"): literal.append(9)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    literal.append(e)
                default: literal.append(c); literal.append(e)
                }
                i += 2
            } else if c == quote {
                literal.append(quote) // a doubled quote
                i += 2
            } else if c == UInt8(ascii: "{") {
                let close = try closingBrace(from: i, end: end, quote: quote)
                flush()
                pieces.append(.value(try interpolated(SourceRange(i + 1, close), open: i)))
                i = close + 1
            } else if c == UInt8(ascii: "}") {
                throw Diagnostic(.syntax, .braceWithoutOpen, at: SourceRange(i, i + 1), in: source,
                                 help: [.helpEscapeCloseBrace], topic: "print")
            } else {
                literal.append(c)
                i += 1
            }
        }
        flush()
        return pieces
    }

    /// The `}` that closes the `{` at `open`, skipping quoted text and nested braces.
    func closingBrace(from open: Int, end: Int, quote: UInt8) throws(Diagnostic) -> Int {
        let bytes = source.bytes
        var j = open + 1
        var nest = 0
        var inText: UInt8?
        while j < end {
            let b = bytes[j]
            if let q = inText {
                if b == q { inText = nil }
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                if b != quote { inText = b }
            } else if b == UInt8(ascii: "{") {
                nest += 1
            } else if b == UInt8(ascii: "}") {
                if nest == 0 { return j }
                nest -= 1
            }
            j += 1
        }
        throw Diagnostic(.syntax, .braceNotClosed, at: SourceRange(open, open + 1), in: source,
                         help: [.helpCloseBrace], topic: "print")
    }

    /// The query or expression inside `{…}`.
    func interpolated(_ range: SourceRange, open: Int) throws(Diagnostic) -> Expr {
        if let slash = source.bytes[range.start..<range.end].firstIndex(of: UInt8(ascii: "\\")) {
            throw Diagnostic(.syntax, .singleQuotesInside, at: SourceRange(slash, slash + 2),
                             in: source, help: [.helpSingleQuotesExample], topic: "print")
        }
        var p = try Parser(source, range: range)
        if p.current.kind == .eof {
            throw Diagnostic(.syntax, .emptyBraces, at: SourceRange(open, range.end + 1), in: source,
                             help: [.helpPutValueInBraces], topic: "print")
        }
        let e: Expr
        if p.isQueryStart() {
            let q = try p.query()
            e = Expr(kind: .subquery(q), range: q.range)
        } else {
            e = try p.expr()
        }
        guard p.current.kind == .eof else {
            throw p.expected(.quoted(text: "}"), after: .phraseValueInsideBraces, topic: "print")
        }
        return e
    }

    // MARK: recovery

    /// Every statement of `source`, or the syntax error in its place: after an error the
    /// parser skips to the next statement, so --keep-going reports each one.
    public static func parseEach(_ source: Source) -> [Result<Statement, Diagnostic>] {
        let (tokens, lexErrors) = Lexer.tokensRecovering(of: source)
        var p = Parser(source: source, tokens: tokens)
        var items: [(result: Result<Statement, Diagnostic>, span: SourceRange)] = []
        while true {
            while p.current.kind == .newline || p.check(symbol: ";") { p.pos += 1 }
            if p.current.kind == .eof { break }
            let startToken = p.pos
            do {
                let s = try p.statement()
                try p.endOfStatement()
                items.append((.success(s), s.range))
            } catch {
                p.skipStatement(from: startToken)
                let span = tokens[startToken].range.union(p.previous.range)
                items.append((.failure(error), span.union(error.range ?? span)))
            }
        }
        // A lexical error replaces whatever was parsed from the lines it is on.
        let errorLines = Set(lexErrors.map { source.lineIndex(of: $0.range?.start ?? 0) })
        var out: [(Result<Statement, Diagnostic>, Int)] = lexErrors.map { (.failure($0), $0.range?.start ?? 0) }
        for item in items {
            let lines = source.lineIndex(of: item.span.start)...source.lineIndex(of: max(item.span.start, item.span.end - 1))
            if errorLines.contains(where: { lines.contains($0) }) { continue }
            out.append((item.result, item.span.start))
        }
        return out.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// Skips to the end of the statement that started at token `start`.
    mutating func skipStatement(from start: Int) {
        if pos == start && current.kind != .eof && current.kind != .newline && !check(symbol: ";") { pos += 1 }
        while current.kind != .eof {
            if check(symbol: ";") { return }
            if current.kind == .newline {
                var look = pos
                while tokens[look].kind == .newline { look += 1 }
                let next = tokens[look]
                let continues = next.keyword?.continuesLine == true
                    || (next.kind == .identifier && Parser.suffixWords.contains(next.text.lowercased()))
                if !continues { return }
                pos = look
                continue
            }
            pos += 1
        }
    }
}
