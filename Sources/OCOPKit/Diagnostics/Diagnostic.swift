/// One problem found in a query, a script, a data file or the command line, as data: what
/// (a `Message` code with typed arguments), where (one `Location`), the other places that
/// matter (labelled ranges: the `(` that is never closed), notes, and help lines. No English
/// lives here; `DiagnosticRenderer.render(_:lang:)` turns it into text in the user's language.
///
/// How to add a message (errors, hints, notes, and every other user-facing sentence):
///  1. one case in `Message` (Diagnostics/Message.swift), every associated value labelled:
///     `case unknownField(name: String, table: String)`;
///  2. its line in `Message.id` and a case in `Message.ID` (Message+ID.swift; the compiler
///     asks for both);
///  3. one entry in each catalogue, Diagnostics/Catalogue+English.swift and
///     Catalogue+Vietnamese.swift, with a `{label}` placeholder for each argument
///     (`{n|row|rows}` picks by the number `n`);
///  4. one example in MessageCatalogueTests.examples (the test names what is missing).
/// Then throw it: `throw Diagnostic(.name, .unknownField(name: n, table: t), at: range, in: source,
/// help: [.didYouMean(word: w)])`.
public struct Diagnostic: Error, Sendable {
    public enum Severity: String, Sendable { case error, warning, note }
    public enum Kind: Sendable, Equatable {
        /// Lexing or parsing: the text is not a statement.
        case syntax
        /// An unknown table, field, variable or function.
        case name
        /// Operands of the wrong type.
        case type
        /// Raised while running: overflow, division by zero, a failed assertion, cancellation.
        case runtime
        /// A data file could not be read as a dataset.
        case data
        /// Bad command-line usage (exit 2).
        case usage
    }

    /// A second place in the same source with what it is (`'(' opened here`).
    public struct Label: Sendable {
        public var range: SourceRange
        public var message: Message
        public init(_ range: SourceRange, _ message: Message) {
            self.range = range
            self.message = message
        }
    }

    public var severity: Severity = .error
    public var kind: Kind
    public var code: Message
    /// Where; nil for problems with no place (most command-line errors).
    public var location: Location?
    public var labels: [Label] = []
    /// Facts that explain the problem (`note:` lines).
    public var notes: [Message] = []
    /// What to try (`hint:` lines).
    public var help: [Message] = []
    /// The help topic that explains this (`see: help group`), named by the code that throws;
    /// nil lets the session choose from the clause the error sits in.
    public var topic: String?
    /// True when no help topic fits (a failed assert, a cancel): no `see:` line at all.
    public var noTopic = false

    public init(_ kind: Kind, _ code: Message, at range: SourceRange? = nil, in source: Source? = nil,
                labels: [Label] = [], notes: [Message] = [], help: [Message] = [], topic: String? = nil,
                severity: Severity = .error) {
        self.kind = kind
        self.code = code
        if let source { location = Location(source, range ?? SourceRange(0, 0)) }
        self.labels = labels
        self.notes = notes
        self.help = help
        self.topic = topic
        self.severity = severity
    }

    /// A problem in a data file at a known line and column.
    public static func data(_ code: Message, file: String, line: Int? = nil, column: Int? = nil,
                            help: [Message] = []) -> Diagnostic {
        var d = Diagnostic(.data, code, help: help)
        d.location = Location(file: file, line: line, column: column)
        return d
    }

    // MARK: reading it in English (tests, logs)

    /// The message in English.
    public var message: String { code.text(.en) }
    /// The help lines in English.
    public var hints: [String] { help.map { $0.text(.en) } }
    /// The source and the range of the problem, when it points into text ocop has.
    public var source: Source? { location?.excerpt?.source }
    public var range: SourceRange? { location?.excerpt?.range }
    public var file: String? { location?.file }
    public var line: Int? { location?.line }
    public var column: Int? { location?.column }

    /// `file:line:col: error: message`, then the line, the caret, the notes and hints, in `lang`.
    public func rendered(color: Bool = false, lang: Lang = .en) -> String {
        DiagnosticRenderer(lang: lang, color: color).render(self)
    }
}

/// Where a diagnostic points: a file (or `<repl>`, `<command line>`), a line and column when
/// known, and the text to show under the message when ocop has it (scripts and statements;
/// data files are not kept, so their problems name the line and column only).
public struct Location: Sendable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var excerpt: (source: Source, range: SourceRange)?

    /// A range in a source: line and column as a reader counts them.
    public init(_ source: Source, _ range: SourceRange) {
        let (l, c) = source.location(of: range.start)
        file = source.name
        line = l
        column = c
        excerpt = (source, range)
    }

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = line == nil ? nil : column
    }
}
