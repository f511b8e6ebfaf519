/// One help topic: what it is, what it says, and examples that run on the sample dataset
/// (Tests/OCOPKitTests/HelpTests.swift runs every one of them).
struct HelpEntry {
    enum Kind: String, CaseIterable {
        case clause, keyword, `operator`, function, command, concept, table, field
    }

    /// The names `help NAME` finds it by; the first is its title.
    let names: [String]
    let kind: Kind
    /// What it does, in a few lines (no trailing newline).
    let text: String
    /// Whole statements (a few lines each at most) that run on the sample dataset.
    let examples: [String]
    /// Related topics.
    var seeAlso: [String] = []
    /// The text in Vietnamese, when the entry carries it (functions); others are looked up in
    /// Help.vietnameseTexts by title.
    var vietnamese: String?

    init(_ names: [String], _ kind: Kind, _ text: String, examples: [String], see: [String] = []) {
        self.names = names
        self.kind = kind
        self.text = text
        self.examples = examples
        self.seeAlso = see
    }

    var title: String { names[0] }

    /// The lines of an entry's text, a line break inside a sentence (the line ends with no
    /// `.`, `:`, `;`, `?`, `!` or `)`, the next starts with a small letter, and neither line is
    /// indented) taken as a space: the source breaks long sentences where it is written; the
    /// window breaks them where it needs to.
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let previous = out.last, let end = previous.last, !".:;?!)".contains(end),
               previous.first != " ", let first = line.first, first.isLowercase {
                out[out.count - 1] = previous + " " + line
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// The entry as `help TOPIC` prints it.
    func rendered(_ lang: Lang = .en) -> String {
        var out = "\(names.joined(separator: ", ")) — \(Msg.text("help.kind.\(kind.rawValue)", lang))\n"
        out += HelpEntry.lines(text).map { "  \($0)" }.joined(separator: "\n") + "\n"
        if !examples.isEmpty {
            out += Msg.text(examples.count == 1 ? "help.example" : "help.examples", lang) + "\n"
            for e in examples { out += e.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n") + "\n" }
        }
        if !seeAlso.isEmpty {
            out += Msg.text("help.seeAlso", lang) + " " + seeAlso.map { "help \($0)" }.joined(separator: ", ") + "\n"
        }
        return out
    }
}
