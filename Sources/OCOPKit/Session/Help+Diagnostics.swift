/// Which help topic an error points at (`see: help group`). A throw site names it
/// (`Diagnostic.topic`); otherwise it is the clause the error sits in (`products where stars =
/// "x"` → where), or `statement` for a syntax error outside any clause.
extension Help {
    /// The topic for `d`, or nil when no topic would help (a failed assert, a cancel, data).
    static func topic(for d: Diagnostic, tables: [String] = []) -> String? {
        if d.noTopic || d.kind == .data { return nil }
        if let topic = d.topic { return topics[topic] != nil || tables.contains(topic) ? topic : nil }
        if case .cancelled = d.code { return nil }
        if let topic = topic(ofCode: d, tables: tables) { return topic }
        return clauseBefore(d) ?? (d.kind == .syntax ? "statement" : nil)
    }

    /// The topic a code of the check and the run explains, when it has one: a misspelt keyword
    /// in a `did you mean` hint (`were` → where) first, then the code's own topic.
    static func topic(ofCode d: Diagnostic, tables: [String]) -> String? {
        for case .helpDidYouMean(let word) in d.help {
            let w = word.lowercased()
            if Token.keywords.contains(w), topics[w] != nil { return w }
        }
        switch d.code {
        case .unknownParameter: return "param"
        case .durationNeedsInteger, .dateOperatorDuration, .dateOutOfRange, .cannotCountDuration, .cannotGroupByDuration,
             .cannotSortByDuration, .durationNotShown: return "dates"
        case .integerOverflow, .integerOverflowIn, .integerOverflowInFunction: return "+"
        case .divisionByZero: return "/"
        case .unknownField, .unknownFieldIn:
            if let t = statementStart(d), tables.contains(t) { return t }
            return "describe"
        case .unknownFunction, .functionArity, .functionArityRange, .functionNeedsType, .functionConstantArgument,
             .functionOneType, .aggregateOneArgument, .aggregateNeedsGroups, .minMaxNeedsOrdered, .aggregateNeedsNumbers:
            return "functions"
        case .relationOnlyWhere, .relationAggregateNeedsField: return "relations"
        case .notGroupKey: return "group"
        case .scalarEndsStatement: return "count"
        case .unknownTableOrVariable: return "tables"
        default:
            // a type error about a date or a duration (a date compared with text): how dates are written
            let dated = d.code.arguments.contains { ($0.value as? DataType).map { $0 == .date || $0 == .duration } ?? false }
            return dated ? "dates" : nil
        }
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
    var isClauseStart: Bool { keyword?.startsClause == true }
}
