/// What Tab can put in place of the word before the cursor: the word's start and the
/// candidates, best first. Made by `Completer`; applied by the REPL's line editor.
public struct Completion: Equatable, Sendable {
    /// One possible completion.
    public struct Candidate: Equatable, Sendable {
        /// Replaces the word: `"Bắc Kạn" `, `province `, `producer.`, `year(`, `sort by `.
        public var text: String
        /// What a listing shows: the value without quotes, the field name.
        public var label: String
        /// Rows holding this value (values only).
        public var rows: Int?

        public init(text: String, label: String, rows: Int? = nil) {
            self.text = text
            self.label = label
            self.rows = rows
        }

        /// `Bắc Giang (72)`, `province`.
        public var display: String { rows.map { "\(label) (\($0))" } ?? label }
    }

    /// Character offset in the completed text where the replaced word starts.
    public var replaceFrom: Int
    /// The word being completed: the text from `replaceFrom` to the cursor.
    public var word: String
    public var candidates: [Candidate]

    public init(replaceFrom: Int, word: String, candidates: [Candidate]) {
        self.replaceFrom = replaceFrom
        self.word = word
        self.candidates = candidates
    }

    /// What one Tab puts in place of `word`: the only candidate, or the common prefix of
    /// several when it adds to what was typed (`"bac` → `"Bắc `, restoring the marks). Nil
    /// when Tab can add nothing; a second Tab then lists the candidates.
    public var insertion: String? {
        guard let first = candidates.first else { return nil }
        if candidates.count == 1 { return first.text == word ? nil : first.text }
        let prefix = Completion.commonPrefix(candidates.map(\.text))
        guard prefix != word else { return nil }
        let typed = Completion.matchKey(word), offered = Completion.matchKey(prefix)
        return offered.hasPrefix(typed) && offered.count >= typed.count ? prefix : nil
    }

    /// Folded, without an opening quote: what a typed word and a candidate are compared by.
    static func matchKey(_ s: String) -> String {
        var f = VietText.fold(s)
        if let q = f.first, q == "\"" || q == "'" { f.removeFirst() }
        return f
    }

    /// The longest run of Characters every string starts with.
    public static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for s in strings.dropFirst() {
            var i = 0
            for c in s {
                guard i < prefix.count, prefix[i] == c else { break }
                i += 1
            }
            prefix.removeSubrange(i...)
        }
        return String(prefix)
    }

    /// The candidates in columns (down, then across) for a terminal `width` columns wide;
    /// more than `limit` are cut with a count of the rest.
    public func listing(width: Int, limit: Int = 120) -> String {
        let shown = candidates.prefix(limit).map(\.display)
        guard !shown.isEmpty else { return "" }
        let widest = shown.map(DisplayWidth.of).max()! + 2
        let columns = max(1, min(shown.count, max(width, 20) / widest))
        let rows = (shown.count + columns - 1) / columns
        var out = ""
        for r in 0..<rows {
            var line = ""
            for c in 0..<columns {
                let i = c * rows + r
                guard i < shown.count else { break }
                let cell = shown[i]
                let last = c == columns - 1 || (c + 1) * rows + r >= shown.count
                line += last ? cell : cell + String(repeating: " ", count: widest - DisplayWidth.of(cell))
            }
            out += line + "\n"
        }
        if candidates.count > shown.count { out += "… and \(candidates.count - shown.count) more\n" }
        return out
    }
}
