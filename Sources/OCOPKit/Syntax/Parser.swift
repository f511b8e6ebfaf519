/// Builds statements from tokens, one rule per function (each quotes its rule from
/// Grammar/ocop.ebnf). All state is this struct; errors say what was expected.
public struct Parser {
    let source: Source
    var tokens: [Token]
    var pos = 0
    /// Nesting of parentheses/brackets/calls, bounded so deep input cannot overflow the stack.
    var depth = 0
    static let maxDepth = 200
    /// Operands of one flat `+ -` or `* / %` chain (Parser.lengthen).
    static let maxChain = 1_000
    /// Operators of the chains being parsed (the one at hand and those it is inside).
    var chained = 0
    /// Parsing a query that is an argument of a call: a comma ends the argument, so its
    /// select, sort by and group by take one item (`coalesce(products … select name, "none")`).
    var commaEndsQuery = false

    /// Names that start a command statement rather than a query (Language/Keywords.swift).
    public static let commandWords: Set<String> = CommandWord.reserved

    public init(_ source: Source) throws(Diagnostic) {
        self.source = source
        self.tokens = try Lexer.tokens(of: source)
    }

    init(source: Source, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    /// All statements of `source`, or the first syntax error.
    public static func parse(_ source: Source) throws(Diagnostic) -> [Statement] {
        var p = try Parser(source)
        return try p.script()
    }

    // MARK: token helpers

    var current: Token { tokens[pos] }
    var previous: Token { tokens[max(0, pos - 1)] }

    mutating func advance() -> Token {
        let t = tokens[pos]
        if t.kind != .eof { pos += 1 }
        return t
    }

    func check(keyword k: Keyword) -> Bool { current.isKeyword(k) }
    func check(symbol s: String) -> Bool { current.isSymbol(s) }

    mutating func match(keyword k: Keyword) -> Bool {
        if check(keyword: k) { pos += 1; return true }
        return false
    }
    mutating func match(symbol s: String) -> Bool {
        if check(symbol: s) { pos += 1; return true }
        return false
    }

    /// Newlines inside an unfinished construct (after an operator, a comma, a keyword).
    mutating func skipNewlines() {
        while current.kind == .newline { pos += 1 }
    }

    /// Matches `word` here or at the start of the next non-empty line (`and`/`or` continue the
    /// statement above when they start a line: no statement can begin with them).
    mutating func matchContinuing(keyword word: Keyword) -> Bool {
        var look = pos
        while tokens[look].kind == .newline { look += 1 }
        guard tokens[look].isKeyword(word) else { return false }
        pos = look + 1
        return true
    }

    func describe(_ t: Token) -> Message {
        switch t.kind {
        case .eof: return .foundEndOfInput
        case .newline: return .foundEndOfLine
        case .string: return .foundText(text: Parser.clipped(t.text))
        case .keyword: return .quoted(text: t.text)
        default: return .quoted(text: Parser.clipped(source.slice(t.range)))
        }
    }

    /// At most 40 characters of `s` for a message (a token may be megabytes long).
    static func clipped(_ s: String) -> String {
        s.utf8.count <= 40 || s.count <= 40 ? s : s.prefix(40) + "…"
    }

    func error(_ message: Message, at t: Token? = nil, help: [Message] = [], topic: String? = nil) -> Diagnostic {
        let t = t ?? current
        var range = t.range
        if t.kind == .eof {
            // the end of input is shown just after the last character written, not on the
            // empty line a final newline starts
            var end = range.start
            while end > 0, [10, 13, 32, 9].contains(source.bytes[end - 1]) { end -= 1 }
            range = SourceRange(end, end)
        }
        return Diagnostic(.syntax, message, at: range, in: source, help: help, topic: topic)
    }

    /// `expected WHAT [after AFTER], found …`. A misspelt word gets `did you mean` only for the
    /// words that could stand here (`keywords`), so the hint is never one that fails again.
    func expected(_ what: Message, after: Message? = nil, help: [Message] = [], keywords: [String] = [],
                  labels: [Diagnostic.Label] = [], topic: String? = nil) -> Diagnostic {
        let found = describe(current)
        var help = help
        if help.isEmpty, current.kind == .identifier, let (_, hint) = Parser.didYouMean(current.text, in: keywords) {
            help.append(hint)
        }
        var d = error(after.map { .expectedAfter(what: what, after: $0, found: found) } ?? .expected(what: what, found: found),
                      help: help, topic: topic)
        d.labels = labels
        return d
    }

    /// The word of `candidates` nearest to `word` and the hint naming it; both words when
    /// two are equally near (`dsc`: asc or desc), so the hint does not guess.
    static func didYouMean(_ word: String, in candidates: [String]) -> (String, Message)? {
        let near = EditDistance.nearest(word.lowercased(), in: candidates, limit: 2)
        guard let first = near.first else { return nil }
        let w = VietText.fold(word.lowercased())
        if near.count == 2, EditDistance.distance(w, VietText.fold(near[1])) == EditDistance.distance(w, VietText.fold(first)) {
            return (first, .helpDidYouMeanEither(first: first, second: near[1]))
        }
        return (first, .helpDidYouMean(word: first))
    }

    mutating func expect(symbol s: String, _ context: Message) throws(Diagnostic) -> Token {
        guard check(symbol: s) else { throw expected(.quoted(text: s), after: context) }
        return advance()
    }

    mutating func identifier(_ what: Message, after context: Message?) throws(Diagnostic) -> Name {
        guard current.kind == .identifier else {
            throw expected(what, after: context,
                           help: current.kind == .keyword ? [.helpKeywordAsName(word: current.text)] : [])
        }
        let t = advance()
        return Name(text: t.text, range: t.range)
    }

    mutating func enter() throws(Diagnostic) {
        depth += 1
        if depth > Parser.maxDepth {
            throw error(.nestedTooDeeply(limit: Parser.maxDepth), help: [.helpSplitWithLet], topic: "let")
        }
    }

    // MARK: statements

    /// script = { separator } [ statement { separator { separator } statement } ] { separator } ;
    mutating func script() throws(Diagnostic) -> [Statement] {
        var out: [Statement] = []
        while true {
            while current.kind == .newline || check(symbol: ";") { pos += 1 }
            if current.kind == .eof { return out }
            out.append(try statement())
            try endOfStatement()
        }
    }

    /// After a statement: a separator or the end of input.
    func endOfStatement() throws(Diagnostic) {
        guard current.kind == .newline || check(symbol: ";") || current.kind == .eof else {
            if current.kind == .identifier, Parser.suffixWords.contains(current.text.lowercased()) {
                throw error(.cannotEndStatement(word: current.text.lowercased()),
                            help: [.helpChartExportEnd(word: current.text.lowercased())], topic: current.text.lowercased())
            }
            if let help = newcomerHelp() {
                throw expected(.phraseClauseOrEnd, help: [help.0], topic: help.1)
            }
            let words = wordsAfterStatement()
            if current.kind == .identifier, let (kw, hint) = Parser.didYouMean(current.text, in: words) {
                throw error(.unknownClause(word: current.text), help: [hint], topic: kw)
            }
            if current.kind == .identifier, let kw = Parser.vietnameseKeywords[VietText.fold(current.text)] {
                throw error(.unknownClause(word: current.text), help: [.helpKeywordInEnglish(word: current.text, keyword: kw)], topic: kw)
            }
            throw expected(.phraseClauseOrEnd, topic: "statement")
        }
    }

    /// statement = let | param | print | assert | command | explain | output ;
    mutating func statement() throws(Diagnostic) -> Statement {
        let start = current.range
        if match(keyword: .`let`) {
            // let = "let" IDENT "=" query ;
            let name = try identifier(.phraseVariableName, after: .quoted(text: "let"))
            if Parser.commandWords.contains(name.text) || Parser.scriptWords.contains(name.text)
                || Parser.suffixWords.contains(name.text.lowercased()) {
                throw Diagnostic(.syntax, .commandAsVariable(name: name.text), at: name.range, in: source, topic: "let")
            }
            _ = try expect(symbol: "=", .quoted(text: "let \(name.text)"))
            skipNewlines()
            let q = try query()
            return Statement(kind: .let(name, q), range: start.union(q.range))
        }
        if current.kind == .identifier, let word = CommandWord(rawValue: current.text),
           !word.onlyAlone || [.newline, .eof].contains(tokens[pos + 1].kind) || tokens[pos + 1].isSymbol(";") {
            // commands are reserved, so a variable named like one is never ambiguous
            return try command(word, start: start)
        }
        if current.kind == .identifier, Parser.scriptWords.contains(current.text) {
            return try scriptStatement()
        }
        if StatementWord.at(current) == .explain, tokens[pos + 1].kind == .identifier {
            /// explain = "explain" [ "analyze" ] output ;
            // the plan of the query (a chart or export ending is not run); `analyze` before a
            // query's first word (not a variable named analyze) runs the plan and counts rows
            _ = advance()
            let analyze = current.text == "analyze" && tokens[pos + 1].kind == .identifier
            if analyze { _ = advance() }
            let inner = try output()
            guard let q = inner.query else { throw expected(.phraseQuery, after: .quoted(text: analyze ? "explain analyze" : StatementWord.explain.rawValue)) }
            return Statement(kind: .explain(q, analyze: analyze), range: start.union(inner.range))
        }
        return try output()
    }

    /// command = "help" [ WORD ] | "tables" | "describe" [ IDENT [ "." IDENT ] ] | "quit" | "exit" | "clear"
    ///         | "set" [ IDENT [ WORD ] ] | "settings" | "warnings" | "tutorial" [ WORD ] | "hint" | "next" | "skip" ;
    mutating func command(_ word: CommandWord, start: SourceRange) throws(Diagnostic) -> Statement {
        let wordToken = advance()
        func restOfLine(_ p: inout Parser) -> String? {
            let first = p.current
            guard first.kind != .newline, first.kind != .eof, !first.isSymbol(";") else { return nil }
            var last = first
            while p.current.kind != .newline && p.current.kind != .eof && !p.current.isSymbol(";") { last = p.advance() }
            return p.source.slice(first.range.union(last.range)).trimmingSpaces
        }
        let cmd: Command
        switch word {
        case .help:
            if current.kind == .string { cmd = .help(advance().text) } else { cmd = .help(restOfLine(&self)) }
        case .tables: cmd = .tables
        case .tutorial: cmd = .tutorial(restOfLine(&self))
        case .hint, .next, .skip: cmd = .tutorial(wordToken.text)
        case .warnings: cmd = .warnings
        case .describe: cmd = .describe(restOfLine(&self))
        case .quit, .exit: cmd = .quit
        case .clear: cmd = .clear
        case .settings: cmd = .settings
        case .set:
            // `set` alone lists the settings; `set NAME` shows one
            guard current.kind != .newline, current.kind != .eof, !check(symbol: ";") else { cmd = .settings; break }
            // `today` is a keyword (a date in expressions) and also a setting: set today 2026-11-29
            let name = current.isKeyword(.today) ? { let t = advance(); return Name(text: t.text, range: t.range) }()
                : try identifier(.phraseSettingName, after: .quoted(text: "set"))
            if current.kind == .string {
                cmd = .set(name, advance().text)
            } else {
                cmd = .set(name, restOfLine(&self))
            }
        }
        return Statement(kind: .command(cmd), range: start.union(previous.range))
    }

    // MARK: queries

    /// query = source { clause } ;
    mutating func query() throws(Diagnostic) -> Query {
        let source: Name
        var compare: CompareSource?
        // source = IDENT | compare ;
        if isCompare {
            (source, compare) = try compareSource()
        } else if current.kind == .identifier {
            source = try identifier(.phraseTableOrVariable, after: nil)
        } else if current.keyword?.startsClause == true {
            throw error(.statementStartsWithTable(word: current.text), help: [.helpStartWithTable(word: current.text)], topic: "statement")
        } else {
            throw expected(.phraseTableOrVariableName, help: [.helpExampleQuery], topic: "statement")
        }
        var clauses: [Clause] = []
        while true {
            // A newline followed by a clause keyword continues the statement.
            var look = pos
            while tokens[look].kind == .newline { look += 1 }
            let next = tokens[look]
            guard next.keyword?.startsClause == true else { break }
            pos = look
            clauses.append(try clause())
        }
        let end = clauses.last?.range ?? source.range
        return Query(source: source, clauses: clauses, range: source.range.union(end), compare: compare)
    }

    /// clause = where | select | sort | limit | group | pivot | "count" | "distinct" ;
    mutating func clause() throws(Diagnostic) -> Clause {
        let kw = advance()
        var kwRange = kw.range
        let kind: Clause.Kind
        // the caller saw a clause keyword
        switch kw.keyword ?? .distinct {
        case .where:
            // where = "where" expr ;
            skipNewlines()
            kind = .where(try expr())
        case .select:
            // select = "select" item { "," item } ;   item = expr [ "as" IDENT ] ;
            var items: [SelectItem] = []
            repeat {
                skipNewlines()
                let e = try expr()
                var alias: Name?
                if match(keyword: .`as`) { alias = try identifier(.phraseColumnName, after: .quoted(text: "as")) }
                items.append(SelectItem(expr: e, alias: alias))
            } while !commaEndsQuery && match(symbol: ",")
            kind = .select(items)
        case .sort, .order:
            // sort = ( "sort" | "order" ) "by" key { "," key } ;   key = expr [ "asc" | "desc" ] ;
            guard check(keyword: .by) else {
                throw expected(.quoted(text: "by"), after: .quoted(text: kw.text),
                               help: current.kind == .identifier || current.kind == .keyword
                                   ? [.helpWrite(text: "\(kw.text) by \(source.slice(current.range))")] : [], topic: "sort")
            }
            kwRange = kwRange.union(advance().range)
            var keys: [SortKey] = []
            repeat {
                skipNewlines()
                let e = try expr()
                var desc = false
                if match(keyword: .desc) { desc = true } else { _ = match(keyword: .asc) }
                keys.append(SortKey(expr: e, descending: desc))
            } while !commaEndsQuery && match(symbol: ",")
            kind = .sort(keys)
        case .limit, .offset:
            // limit = "limit" INTEGER [ "offset" INTEGER ] | "offset" INTEGER ;
            let n = try count(after: kw.text)
            if kw.isKeyword(.offset) { kind = .limit(Int.max, offset: n) }
            else if match(keyword: .offset) { kind = .limit(n, offset: try count(after: "offset")) }
            else { kind = .limit(n, offset: 0) }
        case .group:
            // group = "group" "by" expr { "," expr } ;
            guard check(keyword: .by) else {
                throw expected(.quoted(text: "by"), after: .quoted(text: "group"),
                               help: current.kind == .identifier ? [.helpWrite(text: "group by \(source.slice(current.range))")] : [], topic: "group")
            }
            kwRange = kwRange.union(advance().range)
            var keys: [Expr] = []
            repeat { skipNewlines(); keys.append(try expr()) } while !commaEndsQuery && match(symbol: ",")
            kind = .group(keys)
        case .count:
            kind = .count
        case .distinct:
            kind = .distinct
        case .pivot:
            // pivot = "pivot" expr "by" expr ;
            skipNewlines()
            let rows = try expr()
            guard match(keyword: .by) else { throw expected(.quoted(text: "by"), after: .quoted(text: "pivot \(source.slice(rows.range))"), topic: "pivot") }
            skipNewlines()
            kind = .pivot(rows: rows, columns: try expr())
        default:
            throw expected(.phraseClause, topic: "statement")
        }
        return Clause(kind: kind, keywordRange: kwRange, range: kw.range.union(previous.range))
    }

    mutating func count(after word: String) throws(Diagnostic) -> Int {
        guard current.kind == .integer else { throw expected(.typeInteger, after: .quoted(text: word), topic: "limit") }
        let t = advance()
        guard let n = Int(t.text) else { throw error(.numberTooLarge(text: t.text), at: t, topic: "limit") }
        return n
    }

    // MARK: expressions

    /// expr = or ;
    mutating func expr() throws(Diagnostic) -> Expr {
        try enter()
        defer { depth -= 1 }
        return try or()
    }

    /// or = and { "or" and } ;
    mutating func or() throws(Diagnostic) -> Expr {
        var operands = [try and()]
        while matchContinuing(keyword: .or) {
            skipNewlines()
            operands.append(try and())
        }
        return Parser.chain(.or, operands[...])
    }

    /// and = not { "and" not } ;
    mutating func and() throws(Diagnostic) -> Expr {
        var operands = [try not()]
        while matchContinuing(keyword: .and) {
            skipNewlines()
            operands.append(try not())
        }
        return Parser.chain(.and, operands[...])
    }

    /// `a or b or c …` as a tree. Short chains nest to the left, as written; a long one is
    /// balanced, so 100,000 conditions make 17 levels rather than 100,000 (which overflowed
    /// the stack when the plan was compiled). And/or are associative and still evaluate left
    /// to right with the same short cuts, so the shape does not change any answer.
    static func chain(_ op: BinaryOp, _ xs: ArraySlice<Expr>) -> Expr {
        if xs.count <= 32 {
            var left = xs.first!
            for right in xs.dropFirst() { left = Expr(kind: .binary(op, left, right), range: left.range.union(right.range)) }
            return left
        }
        let mid = xs.startIndex + xs.count / 2
        let l = chain(op, xs[..<mid]), r = chain(op, xs[mid...])
        return Expr(kind: .binary(op, l, r), range: l.range.union(r.range))
    }

    /// not = "not" not | predicate ;
    mutating func not() throws(Diagnostic) -> Expr {
        if check(keyword: .not) {
            let kw = advance()
            skipNewlines()
            try enter()
            defer { depth -= 1 }
            let inner = try not()
            return Expr(kind: .not(inner), range: kw.range.union(inner.range))
        }
        return try predicate()
    }

    /// predicate = additive [ compare_op additive | "is" [ "not" ] "null" | [ "not" ] "in" list
    ///                      | [ "not" ] "between" additive "and" additive | [ "not" ] match_op additive ] ;
    mutating func predicate() throws(Diagnostic) -> Expr {
        let left = try additive()
        if current.kind == .symbol, let op = BinaryOp(rawValue: current.text), op.isComparison {
            _ = advance()
            skipNewlines()
            let right = try additive()
            return Expr(kind: .binary(op, left, right), range: left.range.union(right.range))
        }
        if match(keyword: .`is`) {
            let negated = match(keyword: .not)
            guard check(keyword: .null) else { throw expected(.quoted(text: "null"), after: .quoted(text: negated ? "is not" : "is"), topic: "nulls") }
            let end = advance()
            return Expr(kind: .isNull(left, negated: negated), range: left.range.union(end.range))
        }
        // [ "not" ] before in, between and every match_op
        var negated = false
        if check(keyword: .not), Parser.followsNot(tokens[pos + 1]) {
            _ = advance()
            negated = true
        }
        if match(keyword: .`in`) {
            let (items, range) = try list()
            return Expr(kind: .inList(left, items, negated: negated), range: left.range.union(range))
        }
        if match(keyword: .between) {
            skipNewlines()
            let low = try additive()
            guard match(keyword: .and) else { throw expected(.quoted(text: "and"), after: .quoted(text: "between …"), topic: "between") }
            skipNewlines()
            let high = try additive()
            return Expr(kind: .between(left, low, high, negated: negated), range: left.range.union(high.range))
        }
        guard let op = try matchOperator() else { return left }
        skipNewlines()
        let right = try additive()
        let e = Expr(kind: .binary(op, left, right), range: left.range.union(right.range))
        return negated ? Expr(kind: .not(e), range: e.range) : e
    }

    /// A token that may follow `not` inside a predicate: in, between, or a match operator.
    static func followsNot(_ t: Token) -> Bool {
        t.isSymbol("~") || [.in, .between, .contains, .starts, .ends].contains(t.keyword)
    }

    /// match_op = "contains" | "starts" "with" | "ends" "with" | "~" ;
    mutating func matchOperator() throws(Diagnostic) -> BinaryOp? {
        if match(symbol: "~") { return .like }
        if match(keyword: .contains) { return .contains }
        guard check(keyword: .starts) || check(keyword: .ends) else { return nil }
        let w = advance()
        guard match(keyword: .with) else { throw expected(.quoted(text: "with"), after: .quoted(text: w.text), topic: w.text) }
        return w.isKeyword(.starts) ? .startsWith : .endsWith
    }

    /// list = "[" [ expr { "," expr } ] "]" | "(" [ expr { "," expr } ] ")" ;
    mutating func list() throws(Diagnostic) -> ([Expr], SourceRange) {
        guard check(symbol: "[") || check(symbol: "(") else {
            throw expected(.phraseList, after: .quoted(text: "in"), topic: "in")
        }
        let open = advance()
        let close = open.text == "[" ? "]" : ")"
        try enter()
        defer { depth -= 1 }
        var items: [Expr] = []
        if !check(symbol: close) {
            repeat { items.append(try expr()) } while match(symbol: ",")
        }
        guard check(symbol: close) else {
            throw expected(.either(first: .quoted(text: ","), second: .quoted(text: close)), after: .phraseListItem,
                           labels: [.init(open.range, .labelUnclosed(symbol: open.text))], topic: "in")
        }
        let end = advance()
        return (items, open.range.union(end.range))
    }

    /// additive = term { ( "+" | "-" ) term } ;
    mutating func additive() throws(Diagnostic) -> Expr {
        var left = try term()
        var length = 1
        let outer = chained
        defer { chained = outer }
        while check(symbol: "+") || check(symbol: "-") {
            let op: BinaryOp = advance().text == "+" ? .add : .sub
            try lengthen(&length)
            skipNewlines()
            let right = try term()
            left = Expr(kind: .binary(op, left, right), range: left.range.union(right.range))
        }
        return left
    }

    /// term = unary { ( "*" | "/" | "%" ) unary } ;
    mutating func term() throws(Diagnostic) -> Expr {
        var left = try unary()
        var length = 1
        let outer = chained
        defer { chained = outer }
        while check(symbol: "*") || check(symbol: "/") || check(symbol: "%") {
            guard let op = BinaryOp(rawValue: advance().text) else { break }
            try lengthen(&length)
            skipNewlines()
            let right = try unary()
            left = Expr(kind: .binary(op, left, right), range: left.range.union(right.range))
        }
        return left
    }

    /// One more operator in a flat chain (`1 + 1 + …`, `a * b * …`). A chain is not nesting:
    /// it counts as no level however long. But its tree is as deep as it is long (left to
    /// right, as overflow and `-` need), so the operators of the chains open at once have
    /// their own bound, `maxChain`, with a message that says so: the tree is then at most
    /// maxDepth + maxChain deep.
    mutating func lengthen(_ length: inout Int) throws(Diagnostic) {
        length += 1
        chained += 1
        if chained > Parser.maxChain {
            throw error(.chainTooLong(limit: Parser.maxChain), at: previous, help: [.helpSplitWithLet], topic: "let")
        }
    }

    /// unary = "-" unary | duration ;
    mutating func unary() throws(Diagnostic) -> Expr {
        if check(symbol: "-") {
            let minus = advance()
            try enter()
            defer { depth -= 1 }
            let inner = try unary()
            return Parser.negated(inner, range: minus.range.union(inner.range))
        }
        return try duration()
    }

    /// `-x`: literals fold to a negative literal; `-30 days` is a duration of -30 days.
    static func negated(_ inner: Expr, range: SourceRange) -> Expr {
        switch inner.kind {
        case .integer(let v): return Expr(kind: .integer(-v), range: range)
        case .decimal(let v): return Expr(kind: .decimal(-v), range: range)
        case .duration(let amount, let unit):
            return Expr(kind: .duration(negated(amount, range: amount.range), unit), range: range)
        default: return Expr(kind: .negate(inner), range: range)
        }
    }

    /// duration = primary [ ( "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" ) ] ;
    mutating func duration() throws(Diagnostic) -> Expr {
        let e = try primary()
        if let unit = current.keyword?.durationUnit {
            let t = advance()
            return Expr(kind: .duration(e, unit), range: e.range.union(t.range))
        }
        return e
    }

    /// primary = INTEGER | DECIMAL | TEXT | DATE | "true" | "false" | "null" | "today"
    ///         | PARAMETER | call | path | "(" expr ")" | "(" query ")" ;
    mutating func primary() throws(Diagnostic) -> Expr {
        let t = current
        switch t.kind {
        case .integer:
            _ = advance()
            guard let v = Int64(t.text) else {
                throw error(.integerTooLarge(text: t.text, largest: String(Int64.max)), at: t)
            }
            return Expr(kind: .integer(v), range: t.range)
        case .decimal:
            _ = advance()
            return Expr(kind: .decimal(Double(t.text) ?? 0), range: t.range)
        case .string:
            _ = advance()
            return Expr(kind: .text(t.text), range: t.range)
        case .date:
            _ = advance()
            return Expr(kind: .date(Day(iso: t.text)!), range: t.range)
        case .parameter:
            _ = advance()
            return Expr(kind: .parameter(t.text), range: t.range)
        case .keyword:
            switch t.keyword {
            case .true?, .false?:
                _ = advance()
                return Expr(kind: .bool(t.isKeyword(.true)), range: t.range)
            case .null?:
                _ = advance()
                return Expr(kind: .null, range: t.range)
            case .today?:
                _ = advance()
                return Expr(kind: .today, range: t.range)
            // keywords that are also functions: count(…), and the duration units year(d), month(d), day(d)
            case let k? where tokens[pos + 1].isSymbol("(") && FunctionSpec.named(k.rawValue) != nil:
                return try call(Name(text: t.text, range: advance().range))
            case .count?:
                // the column a `count` clause made: `group by province count sort by count`
                _ = advance()
                return Expr(kind: .path([Name(text: "count", range: t.range)]), range: t.range)
            default:
                throw expected(.phraseValueFieldOrParen, after: pos > 0 ? describe(previous) : nil)
            }
        case .identifier:
            let name = Name(text: advance().text, range: t.range)
            if check(symbol: "(") { return try call(name) }
            // path = IDENT { "." IDENT } ;
            var parts = [name]
            while match(symbol: ".") {
                parts.append(try identifier(.phraseFieldName, after: .quoted(text: ".")))
            }
            return Expr(kind: .path(parts), range: parts[0].range.union(parts.last!.range))
        case .symbol where t.text == "(":
            let open = advance()
            try enter()
            let outer = commaEndsQuery
            commaEndsQuery = false
            defer { depth -= 1; commaEndsQuery = outer }
            let inner: Expr
            if isQueryStart() {
                let q = try query()
                inner = Expr(kind: .subquery(q), range: q.range)
            } else {
                inner = try expr()
            }
            guard check(symbol: ")") else {
                throw expected(.quoted(text: ")"), labels: [.init(open.range, .labelUnclosed(symbol: "("))])
            }
            let close = advance()
            var e = inner
            e.range = open.range.union(close.range)
            return e
        case .symbol where t.text == "[":
            throw error(.listOnlyAfterIn, help: [.helpListExample], topic: "in")
        default:
            throw expected(.phraseValueFieldOrParen, help: operatorHelp())
        }
    }

    /// True at `IDENT clause-keyword` or a comparison (`compare "A" to "B"`): a query inside
    /// an expression.
    func isQueryStart() -> Bool {
        guard current.kind == .identifier else { return false }
        if isCompare { return true }
        let next = tokens[pos + 1]
        return next.keyword?.startsClause == true
            && !(next.text == "count" && tokens[pos + 2].isSymbol("("))
    }

    /// call = IDENT "(" [ argument { "," argument } ] ")" | "count" "(" "distinct" expr ")" ;   argument = query | expr ;
    mutating func call(_ name: Name) throws(Diagnostic) -> Expr {
        let open = advance() // (
        try enter()
        let outer = commaEndsQuery
        defer { depth -= 1; commaEndsQuery = outer }
        var args: [Expr] = []
        if name.text.lowercased() == "count", check(keyword: .distinct) {
            // count(distinct x): the number of different x, as the argument distinct(x)
            let kw = advance()
            skipNewlines()
            let x = try expr()
            args.append(Expr(kind: .call(Name(text: "distinct", range: kw.range), [x]), range: kw.range.union(x.range)))
        } else if !check(symbol: ")") {
            repeat {
                skipNewlines()
                commaEndsQuery = false
                if isQueryStart() {
                    // argument = query | expr ;
                    commaEndsQuery = true
                    let q = try query()
                    commaEndsQuery = false
                    args.append(Expr(kind: .subquery(q), range: q.range))
                } else {
                    args.append(try expr())
                }
            } while match(symbol: ",")
        }
        guard check(symbol: ")") else {
            throw expected(.quoted(text: ")"), after: .phraseArgumentsOf(function: name.text),
                           labels: [.init(open.range, .labelUnclosed(symbol: "("))], topic: "functions")
        }
        let close = advance()
        return Expr(kind: .call(name, args), range: name.range.union(close.range))
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
