/// One problem found in a query, a script or a data file: what, where, and what to try.
///
/// Rendered as `file:line:col: error: message`, the source line, a caret under the range,
/// and `hint:` lines (swift-syntax and PRQL style).
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

    public var severity: Severity = .error
    public var kind: Kind
    public var message: String
    /// Where: the source and the range inside it. Nil for problems with no text to point at.
    public var source: Source?
    public var range: SourceRange?
    /// For data files, which are not kept as `Source`: a ready-made location.
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var hints: [String] = []

    public init(_ kind: Kind, _ message: String, at range: SourceRange? = nil,
                in source: Source? = nil, hints: [String] = [], severity: Severity = .error) {
        self.kind = kind
        self.message = message
        self.range = range
        self.source = source
        self.hints = hints
        self.severity = severity
    }

    /// A problem in a data file at a known line and column.
    public static func data(_ message: String, file: String, line: Int? = nil, column: Int? = nil,
                            hints: [String] = []) -> Diagnostic {
        var d = Diagnostic(.data, message, hints: hints)
        d.file = file
        d.line = line
        d.column = column
        return d
    }

    /// The same diagnostic placed in `source` (for errors raised before the source was known).
    func placed(in source: Source) -> Diagnostic {
        var d = self
        if d.source == nil { d.source = source }
        return d
    }

    /// `file:line:col: error: message`, then the line, the caret, the hints.
    public func rendered(color: Bool = false) -> String {
        let red = color ? "\u{1B}[1;31m" : "", bold = color ? "\u{1B}[1m" : "",
            cyan = color ? "\u{1B}[36m" : "", reset = color ? "\u{1B}[0m" : ""
        let sev = severity == .error ? "\(red)error\(reset)" : "\(bold)\(severity.rawValue)\(reset)"
        var out = ""
        if let source, let range {
            let (line, col) = source.location(of: range.start)
            out += "\(bold)\(source.name):\(line):\(col):\(reset) \(sev): \(message)\n"
            let li = source.lineIndex(of: min(range.start, source.bytes.count))
            let full = source.lineText(li)
            let lineStart = source.lineStarts[li]
            let lineEnd = lineStart + full.utf8.count
            let lo = min(max(range.start, lineStart), lineEnd)
            var hi = min(max(range.end, lo), lineEnd)
            // a very long line (a 10 MB statement) shows a window around the range, not all of it
            var from = lineStart, to = lineEnd
            if lineEnd - lineStart > 240 {
                func boundary(_ i: Int) -> Int {
                    var i = i
                    while i < lineEnd && source.bytes[i] & 0xC0 == 0x80 { i += 1 }
                    return i
                }
                from = boundary(max(lineStart, lo - 60))
                hi = boundary(min(hi, lo + 120))
                to = boundary(min(lineEnd, hi + 60))
            }
            let lead = from > lineStart ? "…" : "", trail = to < lineEnd ? "…" : ""
            out += "  \(lead)\(Self.visible(source.bytes[from..<to]))\(trail)\n"
            let padText = lead + Self.visible(source.bytes[from..<lo])
            let underText = Self.visible(source.bytes[lo..<hi])
            // a tab in the line is a tab in the padding, so the caret lands where the terminal put the text
            let pad = padText.map { $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(String($0))) }.joined()
            let carets = String(repeating: "^", count: max(1, DisplayWidth.of(underText.replacingOccurrences(of: "\t", with: " "))))
            out += "  \(pad)\(red)\(carets)\(reset)\n"
        } else if let file {
            var place = file
            if let line { place += ":\(line)" }
            if let line = column, self.line != nil { place += ":\(line)" }
            out += "\(bold)\(place):\(reset) \(sev): \(message)\n"
        } else {
            out += "\(sev): \(message)\n"
        }
        for hint in hints { out += "  \(cyan)hint:\(reset) \(hint)\n" }
        return out
    }
}

extension Diagnostic {
    /// The text of a source line as it can be shown: control characters (other than tab) become
    /// their visible symbols (U+0001 → ␁), so the line cannot move the cursor or clear the
    /// screen, and every character the caret counts is one the reader sees.
    static func visible(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for u in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch u.value {
            case 9: scalars.append(u)
            case 0..<32: scalars.append(Unicode.Scalar(0x2400 + u.value)!)
            case 0x7F: scalars.append("\u{2421}")
            case 0x80..<0xA0: scalars.append("\u{FFFD}")
            default: scalars.append(u)
            }
        }
        return String(scalars)
    }
}

/// Several diagnostics at once (a script run with --keep-going, a load with many problems).
public struct DiagnosticList: Error, Sendable {
    public var items: [Diagnostic]
}
