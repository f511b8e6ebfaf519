/// The English-sentence form of a diagnostic, for throw sites not yet given a `Message` code
/// (issue 14 converts them folder by folder and then deletes this file). New code uses the
/// `Message` initialisers in Diagnostic.swift.
extension Diagnostic {
    public init(_ kind: Kind, _ english: String, at range: SourceRange? = nil, in source: Source? = nil,
                hints: [String] = [], severity: Severity = .error) {
        self.init(kind, .unconverted(english: english), at: range, in: source,
                  help: hints.map { .unconverted(english: $0) }, severity: severity)
    }

    public static func data(_ english: String, file: String, line: Int? = nil, column: Int? = nil,
                            hints: [String] = []) -> Diagnostic {
        data(.unconverted(english: english), file: file, line: line, column: column,
             help: hints.map { .unconverted(english: $0) })
    }
}
