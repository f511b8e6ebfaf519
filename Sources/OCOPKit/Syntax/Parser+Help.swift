/// Hints for what newcomers type (issue 14): each is given only where it is right, so a
/// hint never leads to another error.
extension Parser {
    /// The tokens of the current statement before the current token.
    var statementSoFar: ArraySlice<Token> {
        var start = pos
        while start > 0, tokens[start - 1].kind != .newline, !tokens[start - 1].isSymbol(";") { start -= 1 }
        return tokens[start..<pos]
    }

    /// Words that can follow a whole statement here: a clause, `and`/`or` after a `where`,
    /// `asc`/`desc` after a sort, `chart` or `export`.
    func wordsAfterStatement() -> [String] {
        var words = Keyword.allCases.filter(\.startsClause).map(\.rawValue) + Parser.suffixWords.sorted()
        let last = statementSoFar.last { $0.keyword?.startsClause == true }?.keyword
        if last == .where { words += [Keyword.and, .or].map(\.rawValue) }
        if last == .sort || last == .order { words += [Keyword.asc, .desc].map(\.rawValue) }
        return words
    }

    /// Vietnamese words for clause keywords (folded: no marks, lower case).
    static let vietnameseKeywords: [String: String] = [
        "dem": "count", "loc": "where", "chon": "select", "nhom": "group", "gioi": "limit",
    ]
    /// Vietnamese names of the tables, as two folded words.
    static let vietnameseTables: [String: String] = [
        "san pham": "products", "chu the": "producers", "chung nhan": "certifications", "don vi": "units",
    ]

    /// At the end of a statement, what a newcomer most likely meant, with the help topic:
    /// `top 10 products` (the first 10 by score), `sản phẩm where …` (the table's English
    /// name).
    func newcomerHelp() -> (Message, String)? {
        let before = statementSoFar
        if before.count == 1, let first = before.first, first.kind == .identifier {
            let word = first.text.lowercased()
            if current.kind == .integer, ["top", "first"].contains(word) {
                return (.helpTopN(n: current.text), "limit")
            }
            if current.kind == .identifier, let table = Parser.vietnameseTables[VietText.fold("\(first.text) \(current.text)")] {
                return (.helpTableInEnglish(word: "\(first.text) \(current.text)", table: table), "tables")
            }
        }
        return nil
    }

    /// Where a value should start but an operator stands: `stars >= 3 and <= 4` (each side of
    /// `and` is a whole condition), `stars => 3` (the operator is `>=`).
    func operatorHelp() -> [Message] {
        guard current.kind == .symbol, pos > 0 else { return [] }
        let prev = previous
        if prev.isSymbol("="), prev.range.end == current.range.start, current.text == ">" || current.text == "<" {
            return [.helpDidYouMean(word: current.text + "=")]
        }
        if prev.kind == .keyword, prev.text == "and" || prev.text == "or",
           let op = BinaryOp(rawValue: current.text), op.isComparison {
            // the field of the comparison before `and`: the name just before its operator
            let before = statementSoFar.dropLast()
            if let opIndex = before.lastIndex(where: { t in t.kind == .symbol && BinaryOp(rawValue: t.text)?.isComparison == true }),
               opIndex > before.startIndex, tokens[opIndex - 1].kind == .identifier {
                return [.helpRepeatField(conjunction: prev.text, field: source.slice(tokens[opIndex - 1].range), op: current.text)]
            }
        }
        return []
    }
}
