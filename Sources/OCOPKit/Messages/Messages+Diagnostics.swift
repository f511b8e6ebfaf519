import Foundation

/// Translation by pattern of messages not yet given a `Message` code (`.unconverted`), so
/// those still read in Vietnamese while issue 14 converts their throw sites; goes with
/// Diagnostic+Unconverted.swift. Each is a catalogue entry `diag.…` whose English text is the
/// message as the code writes it, with `{0}`, `{1}` for the parts that vary.
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
