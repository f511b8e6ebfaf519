/// Turns source text into tokens. Newlines are tokens (they end statements) except inside
/// brackets; `#` starts a comment to the end of the line.
public struct Lexer {
    let source: Source
    let bytes: [UInt8]
    var pos = 0
    var depth = 0
    /// For completion: a text still open at the end of the input is a `.string` token (of what
    /// follows the quote) instead of an error, and `openTextAtEnd` says so.
    var lenient = false
    private(set) var openTextAtEnd = false

    public init(_ source: Source) {
        self.source = source
        self.bytes = source.bytes
        // a script saved by Notepad starts with a byte order mark: skip it
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
    }

    /// A lexer over `range` of `source` only (the inside of a `{…}` in print text); token
    /// ranges stay offsets into the whole source, so diagnostics point into the script.
    init(_ source: Source, range: SourceRange) {
        self.source = source
        self.bytes = Array(source.bytes[..<min(range.end, source.bytes.count)])
        self.pos = range.start
    }

    /// All tokens, ending in `.eof`, or the first lexical error.
    public static func tokens(of source: Source) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(source)
        var out: [Token] = []
        while true {
            let t = try lexer.next()
            out.append(t)
            if t.kind == .eof { return out }
        }
    }

    /// All tokens of `source`; a lexical error is recorded and its line skipped, so a script
    /// run with --keep-going can report every error (see Parser.parseEach).
    static func tokensRecovering(of source: Source) -> ([Token], [Diagnostic]) {
        var lexer = Lexer(source)
        var out: [Token] = []
        var errors: [Diagnostic] = []
        while true {
            do {
                let t = try lexer.next()
                out.append(t)
                if t.kind == .eof { return (out, errors) }
            } catch {
                errors.append(error)
                // resume at the end of the line the error is on (a newline token follows)
                var p = max(lexer.pos, error.range?.start ?? lexer.pos)
                while p < lexer.bytes.count && lexer.bytes[p] != 10 { p += 1 }
                lexer.pos = p
                lexer.depth = 0
            }
        }
    }

    /// The tokens of unfinished text, for completion: never an error. A text open at the end is
    /// its last token (`openText`); a lexical error skips the rest of its line.
    static func tokensForCompletion(of source: Source) -> (tokens: [Token], openText: Bool) {
        var lexer = Lexer(source)
        lexer.lenient = true
        var out: [Token] = []
        while true {
            do {
                let t = try lexer.next()
                if t.kind == .eof { return (out, lexer.openTextAtEnd) }
                out.append(t)
            } catch {
                var p = max(lexer.pos, error.range?.start ?? lexer.pos)
                while p < lexer.bytes.count && lexer.bytes[p] != 10 { p += 1 }
                lexer.pos = p
                lexer.depth = 0
            }
        }
    }

    func error(_ message: Message, _ start: Int, _ end: Int, help: [Message] = [], topic: String? = nil) -> Diagnostic {
        Diagnostic(.syntax, message, at: SourceRange(start, end), in: source, help: help, topic: topic)
    }

    static func isIdentStart(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95 || b >= 0x80
    }
    static func isIdentPart(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    mutating func next() throws(Diagnostic) -> Token {
        // whitespace and comments
        while pos < bytes.count {
            let b = bytes[pos]
            if b == 32 || b == 9 || b == 13 { pos += 1; continue }
            if b == 10 && depth > 0 { pos += 1; continue }
            if b == UInt8(ascii: "#") {
                while pos < bytes.count && bytes[pos] != 10 { pos += 1 }
                continue
            }
            if b < 32 && b != 10 {
                throw error(.controlCharacter(code: String(format4: b)), pos, pos + 1,
                            help: [.helpRemoveControlCharacter], topic: "statement")
            }
            break
        }
        let start = pos
        guard pos < bytes.count else { return Token(kind: .eof, text: "", range: SourceRange(pos, pos)) }
        let b = bytes[pos]
        if b == 10 {
            pos += 1
            return Token(kind: .newline, text: "\n", range: SourceRange(start, pos))
        }
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { return try string(quote: b) }
        if b == UInt8(ascii: "`") { return try quotedIdentifier() }
        if Lexer.isDigit(b) { return try number() }
        if b == UInt8(ascii: "$") {
            pos += 1
            let nameStart = pos
            while pos < bytes.count && Lexer.isIdentPart(bytes[pos]) { pos += 1 }
            if pos == nameStart { throw error(.parameterNameAfterDollar, start, pos + 1, topic: "param") }
            return Token(kind: .parameter, text: text(nameStart, pos), range: SourceRange(start, pos))
        }
        // typographic quotes ‘ ’ “ ” (E2 80 98…9D), pasted from a word processor, would
        // otherwise start a name and be reported as one; say what to type instead
        if b == 0xE2, pos + 2 < bytes.count, bytes[pos + 1] == 0x80, (0x98...0x9D).contains(bytes[pos + 2]) {
            return try symbol()
        }
        if Lexer.isIdentStart(b) {
            while pos < bytes.count && Lexer.isIdentPart(bytes[pos]) { pos += 1 }
            let word = text(start, pos)
            if !word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0.properties.generalCategory == .nonspacingMark }) {
                throw error(.unexpectedCharacterIn(word: Parser.clipped(word)), start, pos,
                            help: [.helpNameCharacters], topic: "text")
            }
            let lower = word.lowercased()
            let kind: Token.Kind = Token.keywords.contains(lower) ? .keyword : .identifier
            return Token(kind: kind, text: kind == .keyword ? lower : word, range: SourceRange(start, pos))
        }
        return try symbol()
    }

    func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }

    mutating func symbol() throws(Diagnostic) -> Token {
        let start = pos
        let b = bytes[pos]
        let two = pos + 1 < bytes.count ? text(pos, pos + 2) : ""
        if ["!=", "<>", "<=", ">=", "=="].contains(two) {
            pos += 2
            return Token(kind: .symbol, text: two == "<>" ? "!=" : (two == "==" ? "=" : two), range: SourceRange(start, pos))
        }
        let singles = "=<>+-*/%()[],.~;"
        if b < 0x80, singles.utf8.contains(b) {
            pos += 1
            if b == UInt8(ascii: "(") || b == UInt8(ascii: "[") { depth += 1 }
            if (b == UInt8(ascii: ")") || b == UInt8(ascii: "]")) && depth > 0 { depth -= 1 }
            return Token(kind: .symbol, text: text(start, pos), range: SourceRange(start, pos))
        }
        // one whole (possibly multi-byte) character in the message
        var end = pos + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        let ch = text(start, end)
        var help: [Message] = []
        var topic: String?
        if ["“", "”", "‘", "’"].contains(ch) { help.append(.helpStraightQuotes); topic = "text" }
        else if ch == "!" { help.append(.helpUseNot); topic = "not" }
        else if ch == "&" || ch == "|" { help.append(.helpUseAndOr); topic = "and" }
        throw error(.unexpectedCharacter(character: String(ch)), start, end, help: help, topic: topic ?? "statement")
    }

    /// "…" or '…' with \" \\ \n \t escapes; a doubled quote also stands for one quote.
    mutating func string(quote: UInt8) throws(Diagnostic) -> Token {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            if lenient, pos >= bytes.count {
                openTextAtEnd = true
                return Token(kind: .string, text: VietText.nfc(String(decoding: out, as: UTF8.self)), range: SourceRange(start, pos))
            }
            guard pos < bytes.count, bytes[pos] != 10 else {
                throw error(.unterminatedText(quote: quote == 34 ? "\"" : "'"),
                            start, pos, help: [.helpCloseText(quote: quote == 34 ? "\"" : "'")], topic: "text")
            }
            let c = bytes[pos]
            if c == quote {
                if pos + 1 < bytes.count && bytes[pos + 1] == quote { out.append(quote); pos += 2; continue }
                pos += 1
                break
            }
            if c == UInt8(ascii: "\\") && pos + 1 < bytes.count {
                let e = bytes[pos + 1]
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    out.append(e)
                default: out.append(c); out.append(e)
                }
                pos += 2
                continue
            }
            out.append(c)
            pos += 1
        }
        let value = VietText.nfc(String(decoding: out, as: UTF8.self))
        return Token(kind: .string, text: value, range: SourceRange(start, pos))
    }

    mutating func quotedIdentifier() throws(Diagnostic) -> Token {
        let start = pos
        pos += 1
        while pos < bytes.count && bytes[pos] != UInt8(ascii: "`") && bytes[pos] != 10 { pos += 1 }
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "`") else {
            throw error(.unterminatedQuotedName, start, pos, topic: "statement")
        }
        pos += 1
        let name = VietText.nfc(text(start + 1, pos - 1))
        return Token(kind: .identifier, text: name, range: SourceRange(start, pos))
    }

    /// 42, 91.14, 2024-01-31, 31/01/2024.
    mutating func number() throws(Diagnostic) -> Token {
        let start = pos
        while pos < bytes.count && Lexer.isDigit(bytes[pos]) { pos += 1 }
        let firstLen = pos - start
        // ISO date: dddd-dd-dd
        if firstLen == 4, pos + 5 < bytes.count + 0, matchDigits(at: pos, pattern: "-dd-dd") {
            pos += 6
            let t = text(start, pos)
            guard let d = Day(iso: t) else { throw error(.invalidDate(text: t), start, pos, topic: "dates") }
            return Token(kind: .date, text: d.iso, range: SourceRange(start, pos))
        }
        // Vietnamese date: dd/mm/yyyy
        if firstLen <= 2, matchDigits(at: pos, pattern: "/dd/dddd") || matchDigits(at: pos, pattern: "/d/dddd") {
            var p = pos + 1
            while p < bytes.count && Lexer.isDigit(bytes[p]) { p += 1 }
            p += 1
            while p < bytes.count && Lexer.isDigit(bytes[p]) { p += 1 }
            let t = text(start, p)
            guard let d = Day(vn: t) else { throw error(.invalidDate(text: t), start, p, topic: "dates") }
            pos = p
            return Token(kind: .date, text: d.iso, range: SourceRange(start, pos))
        }
        if pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "."), Lexer.isDigit(bytes[pos + 1]) {
            pos += 1
            while pos < bytes.count && Lexer.isDigit(bytes[pos]) { pos += 1 }
            return Token(kind: .decimal, text: text(start, pos), range: SourceRange(start, pos))
        }
        if pos < bytes.count, Lexer.isIdentStart(bytes[pos]) {
            var end = pos
            while end < bytes.count && Lexer.isIdentPart(bytes[end]) { end += 1 }
            throw error(.numberRunsIntoName(text: Parser.clipped(text(start, end))), start, end,
                        help: [.helpPutSpace], topic: "statement")
        }
        return Token(kind: .integer, text: text(start, pos), range: SourceRange(start, pos))
    }

    /// `pattern` of literal bytes and `d` for a digit, matched at `p` and not followed by a digit.
    func matchDigits(at p: Int, pattern: String) -> Bool {
        var i = p
        for c in pattern.utf8 {
            guard i < bytes.count else { return false }
            if c == UInt8(ascii: "d") { if !Lexer.isDigit(bytes[i]) { return false } }
            else if bytes[i] != c { return false }
            i += 1
        }
        return i >= bytes.count || !Lexer.isDigit(bytes[i])
    }
}

extension String {
    init(format4 b: UInt8) {
        let hex = String(b, radix: 16, uppercase: true)
        self = String(repeating: "0", count: 4 - hex.count) + hex
    }
}
