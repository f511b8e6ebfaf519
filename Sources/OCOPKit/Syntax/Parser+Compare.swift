/// The `compare` source of a query.
extension Parser {
    /// `compare` followed by a folder, `from` or `to`: a comparison rather than a table that
    /// happens to be called compare.
    var isCompare: Bool {
        guard StatementWord.at(current) == .compare else { return false }
        let next = tokens[pos + 1]
        return next.kind == .string || StatementWord.at(next)?.role == .comparePart
    }

    /// compare = "compare" ( TEXT [ "to" TEXT ] | "from" TEXT | "to" TEXT ) ;
    mutating func compareSource() throws(Diagnostic) -> (Name, CompareSource) {
        let word = advance()
        func folder(after context: String) throws(Diagnostic) -> FolderName {
            guard current.kind == .string else {
                throw expected(.phraseDataFolder, after: .quoted(text: context), help: [.helpCompareExample], topic: "compare")
            }
            let t = advance()
            return FolderName(path: try fileName(t), range: t.range)
        }
        var c = CompareSource()
        let compare = StatementWord.compare.rawValue, from = StatementWord.from.rawValue, to = StatementWord.to.rawValue
        if StatementWord.at(current) == .from {
            _ = advance()
            c.from = try folder(after: "\(compare) \(from)")
        } else if StatementWord.at(current) == .to {
            _ = advance()
            c.to = try folder(after: "\(compare) \(to)")
        } else {
            let first = try folder(after: compare)
            if StatementWord.at(current) == .to {
                _ = advance()
                c.from = first
                c.to = try folder(after: to)
            } else {
                c.to = first
            }
        }
        return (Name(text: word.text, range: word.range.union(previous.range)), c)
    }
}
