import Foundation

/// The most common diagnostics and notes, translated where they are shown (Session.report and
/// the notes after a result), so no throw site has to know the language. Each is a catalogue
/// entry `diag.…` whose English text is the message as the code writes it, with `{0}`, `{1}`
/// for the parts that vary; a message that matches none stays as written.
extension Msg {
    /// The English templates as patterns, longest first (so `… in {1}` wins over `…`).
    nonisolated(unsafe) static let diagnosticPatterns: [(key: String, regex: NSRegularExpression)] = {
        english.filter { $0.key.hasPrefix("diag.") && !$0.key.hasPrefix("diag.phrase.") }
            .sorted { $0.value.count > $1.value.count }
            .compactMap { key, template in
                var pattern = NSRegularExpression.escapedPattern(for: template)
                for i in 0..<6 { pattern = pattern.replacingOccurrences(of: "\\{\(i)\\}", with: "(.+?)") }
                return (try? NSRegularExpression(pattern: "^" + pattern + "$", options: [.dotMatchesLineSeparators])).map { (key, $0) }
            }
    }()

    /// `message` in `lang` when it is one of the known diagnostics; otherwise unchanged.
    public static func translate(_ message: String, _ lang: Lang) -> String {
        guard lang != .en else { return message }
        let ns = message as NSString
        for (key, regex) in diagnosticPatterns {
            guard let m = regex.firstMatch(in: message, range: NSRange(location: 0, length: ns.length)) else { continue }
            let args = (1..<m.numberOfRanges).map { phrase(ns.substring(with: m.range(at: $0)), lang) }
            return format(catalogue(lang)[key] ?? english[key]!, args)
        }
        return message
    }

    /// A type phrase inside a message ("a whole number (stars)") in `lang`.
    static func phrase(_ s: String, _ lang: Lang) -> String {
        for (key, en) in english where key.hasPrefix("diag.phrase.") {
            if s == en || s.hasPrefix(en + " (") { return (catalogue(lang)[key] ?? en) + s.dropFirst(en.count) }
        }
        return s
    }
}

extension Diagnostic {
    /// The message and hints in `lang` (Msg.translate).
    func translated(_ lang: Lang) -> Diagnostic {
        guard lang != .en else { return self }
        var d = self
        d.message = Msg.translate(message, lang)
        d.hints = hints.map { Msg.translate($0, lang) }
        return d
    }
}

extension Session {
    /// A diagnostic as the user reads it: in the session's language, `error`/`hint` labels included.
    func localizedRendering(_ d: Diagnostic) -> String {
        let lang = options.lang
        let text = d.translated(lang).rendered(color: options.render.color)
        guard lang != .en else { return text }
        let error = Msg.text("diag.label.error", lang), hint = Msg.text("diag.label.hint", lang)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, let r = first.range(of: "error") {
            lines[0] = first.replacingCharacters(in: r, with: error)
        }
        for i in lines.indices.dropFirst() {
            for prefix in ["  hint:", "  \u{1B}[36mhint:"] where lines[i].hasPrefix(prefix) {
                lines[i] = prefix.replacingOccurrences(of: "hint:", with: hint + ":") + lines[i].dropFirst(prefix.count)
            }
        }
        return lines.joined(separator: "\n")
    }
}
