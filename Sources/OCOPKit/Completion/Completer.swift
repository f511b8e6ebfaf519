/// The one completion engine: given the text before the cursor (earlier lines of a
/// multi-line statement included), what may come next. The REPL's Tab asks it; tests ask it
/// directly, with no terminal.
///
/// - at the start of a statement: tables, variables, commands, `let`;
/// - after a source or a finished expression: clause keywords (and operators in a clause);
/// - in `where`/`select`/`sort by`/`group by`: fields of the table in scope, relation paths
///   (`producer.` lists the producer's fields) and functions;
/// - in a text after `field =`, `!=`, `in [`, `contains`, …: the field's values, matched on
///   folded text (`"bac k` → `"Bắc Kạn"`), for text fields of at most `maxDistinct` values.
public final class Completer {
    let session: Session
    /// Text fields with more distinct values than this offer no value completion.
    public var maxDistinct = 500
    /// Rows per value code, per whole-table column (columns never change after load).
    var countCache: [ObjectIdentifier: [Int]] = [:]

    public init(session: Session) {
        self.session = session
    }

    var env: Environment { session.env }
    var dataset: Dataset { session.dataset }

    /// Completions for the word that ends `text` (the text before the cursor).
    public func complete(_ text: String) -> Completion {
        let chars = Array(text)
        let (scanned, inComment) = Completer.tokens(of: text)
        guard !inComment else { return Completion(replaceFrom: chars.count, word: "", candidates: []) }
        var tokens = scanned
        var partial: Token?
        if let last = tokens.last, last.end == chars.count,
           [.word, .openText, .parameter].contains(last.kind), !last.quoted {
            partial = last
            tokens.removeLast()
        }
        let from = partial?.start ?? chars.count
        let word = String(chars[from...])
        let statement = Completer.currentStatement(tokens)
        let found = candidates(statement, partial, quote: partial?.kind == .openText ? chars[from] : "\"")
        return Completion(replaceFrom: from, word: word, candidates: found)
    }

    /// The tokens of the statement the cursor is in: after the last `;`, or after a line
    /// break that ends a finished statement (one not continued by a clause keyword).
    static func currentStatement(_ t: [Token]) -> [Token] {
        var start = 0
        for (i, tok) in t.enumerated() {
            if tok.isSymbol(";") { start = i + 1; continue }
            guard tok.kind == .newline else { continue }
            guard let prev = t[start..<i].last(where: { $0.kind != .newline }) else { start = i + 1; continue }
            let next = i + 1 < t.count ? t[i + 1] : nil
            let continues = next?.keyword?.continuesLine ?? false
            if endsOperand(prev) && !continues { start = i + 1 }
        }
        return t[start...].filter { $0.kind != .newline }
    }

    static func endsOperand(_ t: Token) -> Bool {
        switch t.kind {
        case .text, .number, .parameter: return true
        case .symbol: return t.text == ")" || t.text == "]"
        case .word:
            guard let k = t.keyword else { return true }
            return [.value, .unit].contains(k.role) || [.count, .distinct, .asc, .desc].contains(k)
        default: return false
        }
    }

    // MARK: statements

    /// statement = let | command | query: what may follow `s`, filtered by `partial`.
    func candidates(_ s: [Token], _ partial: Token?, quote: Character) -> [Completion.Candidate] {
        let typed = partial?.kind == .openText ? "" : partial?.text ?? ""
        if partial?.kind == .parameter {
            return env.parameters.keys.sorted().map { .init(text: "$\($0) ", label: "$\($0)") }
                .filter { Completer.matches($0.label.dropFirst(), partial!.text) }
        }
        guard let first = s.first else {
            return partial?.kind == .openText ? [] : filter(startCandidates(), typed)
        }
        if first.isKeyword(.let) {
            guard s.count >= 3, s[2].isSymbol("=") else { return [] }
            return query(Array(s[3...]), partial, quote: quote)
        }
        if first.isName, let command = CommandWord(rawValue: first.text) {
            return partial?.kind == .openText ? [] : filter(commandCandidates(command, Array(s.dropFirst())), typed)
        }
        return query(s, partial, quote: quote)
    }

    /// At the start of a statement: tables, variables, then the statement words of the tables
    /// (let, the commands, the script statements, explain, compare).
    func startCandidates() -> [Completion.Candidate] {
        let inLesson = session.tutorial != nil
        let commands = CommandWord.allCases.filter { !$0.onlyAlone || inLesson }.map(\.rawValue)
        return (dataset.tableOrder + env.variables.keys.sorted() + [Keyword.let.rawValue] + commands
                + StatementWord.starting.map(\.rawValue)).map { .init(text: "\($0) ", label: $0) }
    }

    /// help TOPIC, describe TABLE[.FIELD], set NAME VALUE, tutorial N|list|off|reset.
    func commandCandidates(_ command: CommandWord, _ rest: [Token]) -> [Completion.Candidate] {
        func words(_ w: [String]) -> [Completion.Candidate] { w.map { .init(text: "\($0) ", label: $0) } }
        switch (command.argument, rest.count) {
        case (.topic, 0): return words((Array(Help.topics.keys) + Array(Help.domainTopics.keys)).sorted())
        case (.source, 0): return words(env.sourceNames)
        case (.source, 2) where rest[1].isSymbol("."):
            guard let t = dataset.tables[rest[0].text] ?? env.variables[rest[0].text]?.table else { return [] }
            return words(t.fieldNames)
        case (.setting, 0): return words(Setting.names)
        case (.setting, 1): return words(Setting.named(rest[0].text)?.suggestions ?? [])
        case (.lesson, 0): return words(CommandWord.lessonWords + Lesson.all.indices.map { "\($0 + 1)" })
        default: return []
        }
    }

    // MARK: matching

    /// True when `label` starts with `typed`, ignoring case, tones and marks (đ as d).
    static func matches<S: StringProtocol>(_ label: S, _ typed: String) -> Bool {
        typed.isEmpty || VietText.fold(String(label)).hasPrefix(VietText.fold(typed))
    }

    func filter(_ all: [Completion.Candidate], _ typed: String) -> [Completion.Candidate] {
        var seen = Set<String>()
        return all.filter { Completer.matches($0.label, typed) && seen.insert($0.text).inserted }
    }
}
