/// Where in a query the cursor is: a walk over the tokens that keeps, per bracket level, the
/// table in scope, the clause, what may come next, and the field a value would be compared with.
extension Completer {
    /// What the next word may be.
    enum Expect: Equatable {
        case source          // a table or variable (statement start)
        case clause          // a clause keyword (after the source, count, distinct)
        case by              // after sort / group
        case operand         // a field, function, value
        case field           // after `path.`
        case afterOperand    // an operator, or a clause keyword
        case with            // after starts / ends
        case isNull          // after is
        case nothing         // a number, an alias: nothing to offer
    }

    /// One bracket level of the query.
    struct Scope {
        enum Kind { case query, paren, call, list }
        var kind: Kind
        var table: Table?
        /// The rows of a variable, for counting values within it.
        var rows: [Int32]?
        var clause = ""
        var expect: Expect
        /// The last operand, when it was a field path (`producer`, `kind`).
        var lastPath: [String]?
        /// The field the next value is compared with (`province =`, `kind in [`).
        var valuePath: [String]?
        /// The last operand was a number: a duration unit may follow (`90 days`).
        var afterNumber = false
    }

    /// query = source { clause }: candidates for the word after `tokens`.
    func query(_ tokens: [Token], _ partial: Token?, quote: Character) -> [Completion.Candidate] {
        var stack = [Scope(kind: .query, expect: .source)]
        for (k, t) in tokens.enumerated() {
            let next = k + 1 < tokens.count ? tokens[k + 1] : nil
            step(&stack, t, next: next)
        }
        let scope = stack.last!
        if partial?.kind == .openText {
            guard scope.expect == .operand, let path = scope.valuePath else { return [] }
            return values(path, in: scope, typed: partial!.text, quote: quote, inList: scope.kind == .list)
        }
        let typed = partial?.text ?? ""
        switch scope.expect {
        case .source:
            return filter((dataset.tableOrder + env.variables.keys.sorted()).map { .init(text: "\($0) ", label: $0) }, typed)
        case .clause:
            return filter(Completer.clauseWords, typed)
        case .by:
            return filter([.init(text: "\(Keyword.by.rawValue) ", label: Keyword.by.rawValue)], typed)
        case .with:
            return filter([.init(text: "\(Keyword.with.rawValue) ", label: Keyword.with.rawValue)], typed)
        case .isNull:
            return filter([Keyword.not, .null].map { .init(text: "\($0.rawValue) ", label: $0.rawValue) }, typed)
        case .field:
            guard let table = scope.table, let path = scope.lastPath, let target = Completer.follow(path, from: table) else { return [] }
            return filter(fields(of: target), typed)
        case .operand:
            var all: [Completion.Candidate] = []
            if let path = scope.valuePath, !typed.isEmpty {
                all += values(path, in: scope, typed: typed, quote: "\"", inList: scope.kind == .list)
            }
            if let table = scope.table { all += fields(of: table) }
            all += FunctionSpec.names.sorted().map { .init(text: "\($0)(", label: "\($0)()") }
            if !typed.isEmpty {
                all += ([Keyword.not] + Keyword.allCases.filter { $0.role == .value }).map { .init(text: "\($0.rawValue) ", label: $0.rawValue) }
            }
            return filter(all, typed)
        case .afterOperand:
            var words: [String]
            switch scope.clause {
            case Keyword.select.rawValue: words = [Keyword.as.rawValue]
            case Keyword.sort.rawValue, Keyword.order.rawValue: words = [Keyword.asc.rawValue, Keyword.desc.rawValue]
            case Keyword.where.rawValue: words = Completer.operatorWords
            default: words = []
            }
            if scope.kind != .query { words = Completer.operatorWords }
            if scope.afterNumber { words = Completer.unitWords + words }
            let all = words.map { Completion.Candidate(text: "\($0) ", label: $0) } + (scope.kind == .query ? Completer.clauseWords : [])
            return filter(all, typed)
        case .nothing:
            return []
        }
    }

    /// After an operand in a condition: the logic and predicate keywords (`starts with` whole).
    static let operatorWords = Keyword.allCases.filter { $0.role == .logic || ($0.role == .predicate && $0 != .with) }.map(\.phrase)

    /// After a number: the duration units.
    static let unitWords = Keyword.allCases.filter { $0.role == .unit }.map(\.rawValue)

    /// Every clause of the table (Language/Keywords.swift), `sort by` and `group by` whole.
    /// Where a clause may start: the clause keywords, then the words that end a statement
    /// (chart, export).
    static let clauseWords: [Completion.Candidate] = Keyword.clauses.map { .init(text: "\($0.phrase) ", label: $0.phrase) }
        + StatementWord.allCases.filter { $0.role == .suffix }.map { .init(text: "\($0.rawValue) ", label: $0.rawValue) }

    /// Advances the walk over one token.
    func step(_ stack: inout [Scope], _ t: Token, next: Token?) {
        var s = stack.removeLast()
        defer { stack.append(s) }
        if t.kind != .number { s.afterNumber = false }
        if s.expect == .source {
            if t.isName, let src = resolve(t.text, in: nil) {
                s.table = src.table
                s.rows = src.rows
                s.expect = .clause
            } else {
                s.expect = .nothing
            }
            return
        }
        if s.expect == .field {
            if t.kind == .word { s.lastPath?.append(t.text); s.expect = .afterOperand } else { s.expect = .nothing }
            return
        }
        switch t.kind {
        case .word where t.isKeyword && !(FunctionSpec.named(t.text) != nil && next?.isSymbol("(") == true):
            if let k = t.keyword { keyword(k, &s) }
        case .word:
            guard s.expect == .operand || s.expect == .clause || s.expect == .afterOperand else { return }
            if next?.isSymbol("(") == true {
                s.expect = .afterOperand // the call's ( pushes; its ) comes back here
                s.lastPath = nil
            } else if s.kind != .query, s.clause.isEmpty, next?.keyword?.startsClause == true,
                      let src = resolve(t.text, in: s.table) {
                // `(products where …` inside an expression: a subquery over a relation or table
                s.kind = .query
                s.table = src.table
                s.rows = src.rows
                s.expect = .clause
            } else {
                s.lastPath = [t.text]
                s.expect = .afterOperand
            }
        case .text, .number, .parameter:
            s.lastPath = nil
            s.expect = .afterOperand
            s.afterNumber = t.kind == .number
        case .symbol:
            symbol(t.text, &s, &stack)
        case .openText, .newline:
            break
        }
    }

    /// Advances the walk over a keyword: every keyword of the table has its case.
    func keyword(_ k: Keyword, _ s: inout Scope) {
        s.afterNumber = false
        switch k {
        case .where, .select, .pivot:
            s.clause = k.rawValue; s.expect = .operand; s.valuePath = nil
        case .sort, .order, .group:
            s.clause = k.rawValue; s.expect = .by; s.valuePath = nil
        case .by:
            s.expect = .operand
        case .limit, .offset:
            s.clause = k.rawValue; s.expect = .nothing
        case .count, .distinct:
            s.clause = k.rawValue; s.expect = .clause
        case .and, .or:
            s.expect = .operand; s.valuePath = nil
        case .not:
            s.expect = .operand
        case .in, .contains, .with, .between:
            s.valuePath = s.lastPath; s.expect = .operand
        case .starts, .ends:
            s.valuePath = s.lastPath; s.expect = .with
        case .is:
            s.expect = .isNull
        case .as, .let:
            s.expect = .nothing
        case .asc, .desc, .null, .true, .false, .today, .day, .days, .week, .weeks, .month, .months, .year, .years:
            s.lastPath = nil
            s.expect = .afterOperand
        }
    }

    func symbol(_ sym: String, _ s: inout Scope, _ stack: inout [Scope]) {
        switch sym {
        case "=", "!=", "<", "<=", ">", ">=", "~":
            s.valuePath = s.lastPath; s.expect = .operand
        case "+", "-", "*", "/", "%":
            s.valuePath = nil; s.expect = .operand
        case ",":
            if s.kind != .list { s.valuePath = nil }
            s.expect = .operand
        case ".":
            s.expect = s.lastPath == nil ? .nothing : .field
        case "(", "[":
            let inner = Scope(kind: sym == "[" ? .list : (s.expect == .afterOperand && s.lastPath == nil ? .call : .paren),
                              table: s.table, rows: s.rows, clause: "", expect: .operand,
                              valuePath: sym == "[" ? s.valuePath : nil)
            stack.append(s)
            s = inner
        case ")", "]":
            guard !stack.isEmpty else { s.expect = .nothing; return }
            s = stack.removeLast()
            s.lastPath = nil
            s.expect = .afterOperand
        default:
            s.expect = .nothing
        }
    }

    /// A statement's or subquery's source: a relation of `outer`, a table, or a variable.
    func resolve(_ name: String, in outer: Table?) -> (table: Table, rows: [Int32]?)? {
        if let rel = outer?.relations[name] { return (rel.target, nil) }
        if let t = dataset.tables[name] { return (t, nil) }
        if let v = env.variables[name] { return (v.table, v.rows) }
        return nil
    }

    /// The table `path` leads to through to-one relations (`producer` → producers).
    static func follow(_ path: [String], from table: Table) -> Table? {
        var t = table
        for name in path {
            guard case .toOne(let target, _)? = t.relations[name] else { return nil }
            t = target
        }
        return t
    }
}
