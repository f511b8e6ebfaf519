/// Turns diagnostics and messages into text in one language: the catalogue lookup, the
/// arguments filled in by name, plurals chosen, and the layout of a diagnostic
/// (`file:line:col: error: message`, the line, carets, labels, notes, hints, `see:`).
/// Layout is separate from colour: with `color` false no escape sequence is written.
public struct DiagnosticRenderer: Sendable {
    public var lang: Lang
    public var color: Bool

    public init(lang: Lang, color: Bool = false) {
        self.lang = lang
        self.color = color
    }

    // MARK: messages

    /// The catalogue entry of `m` in `lang` (English when the entry is missing there), with
    /// its arguments filled in. What a message quotes (a name, a value from the data, a list)
    /// is shown bounded and visible: at most `Visible.quoteLimit` Characters of each piece and
    /// `Visible.listLimit` items of a list, control characters as their symbols (Visible.swift).
    public func text(_ m: Message) -> String {
        switch m {
        case .verbatim(let text): return quote(text, limit: Visible.messageLimit, lineEnds: true)
        default: break
        }
        let template = Catalogue.entry(m.id, lang)
        // an assert's message is the script's own sentence, not a quote inside one
        let whole = m.id == .assertMessage
        return Self.fill(template, arguments: m.arguments) {
            self.format($0, limit: whole ? Visible.messageLimit : Visible.quoteLimit, lineEnds: whole)
        }
    }

    /// An argument as text: a message in the same language, a type as its phrase, a whole
    /// number with digit grouping, a list joined by ", ", text bounded and visible.
    func format(_ value: Any, limit: Int = Visible.quoteLimit, lineEnds: Bool = false) -> String {
        switch value {
        case let s as String: return quote(s, limit: limit, lineEnds: lineEnds)
        case let m as Message: return text(m)
        case let t as DataType: return text(t.message)
        case let i as Int: return ValueFormat.grouped(Int64(i), lang)
        case let list as [String]: return bounded(list.lazy.map { self.quote($0, limit: limit) }, count: list.count)
        case let list as [Message]: return bounded(list.lazy.map(text), count: list.count)
        default: return quote("\(value)", limit: limit)
        }
    }

    /// `s` as a message shows it: its first `limit` Characters (then `… (10,000,000
    /// characters)`), control characters as visible symbols.
    func quote(_ s: String, limit: Int, lineEnds: Bool = false) -> String {
        let (prefix, total) = Visible.bounded(s, limit: limit)
        let shown = Visible.text(prefix, lineEnds: lineEnds)
        return total.map { shown + " " + text(.cutLength(n: $0)) } ?? shown
    }

    /// The first `Visible.listLimit` items joined by ", ", then `and 1,999,970 more`.
    func bounded<L: Collection>(_ items: L, count: Int) -> String where L.Element == String {
        let shown = items.prefix(Visible.listLimit).joined(separator: ", ")
        return count > Visible.listLimit ? shown + ", " + text(.andMore(n: count - Visible.listLimit)) : shown
    }

    /// `template` with `{name}` replaced by the argument `name`, `{n|one|other}` by `one` when
    /// the number `n` is 1 and `other` otherwise, and `{{`, `}}` by braces.
    static func fill(_ template: String, arguments: [(label: String, value: Any)], format: (Any) -> String) -> String {
        guard template.contains("{") || template.contains("}") else { return template }
        var out = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            let next = template.index(after: i)
            if (c == "{" || c == "}"), next < template.endIndex, template[next] == c {
                out.append(c)
                i = template.index(after: next)
                continue
            }
            guard c == "{", let close = template[next...].firstIndex(of: "}") else {
                out.append(c)
                i = next
                continue
            }
            let inside = template[next..<close].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let value = arguments.first { $0.label == inside[0] }?.value
            if inside.count == 3 {
                out += (value as? Int) == 1 ? inside[1] : inside[2]
            } else if let value {
                out += format(value)
            } else {
                out += "{\(inside[0])}"
            }
            i = template.index(after: close)
        }
        return out
    }

    /// The placeholder names of `template` (`{name}` and the number of `{n|…|…}`).
    static func placeholders(_ template: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(template.replacingOccurrences(of: "{{", with: "").replacingOccurrences(of: "}}", with: ""))
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close].prefix { $0 != "|" }))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    // MARK: diagnostics

    var red: String { color ? "\u{1B}[1;31m" : "" }
    var bold: String { color ? "\u{1B}[1m" : "" }
    var cyan: String { color ? "\u{1B}[36m" : "" }
    var blue: String { color ? "\u{1B}[1;34m" : "" }
    var reset: String { color ? "\u{1B}[0m" : "" }

    /// `file:line:col: error: message`, the source line with carets under the range and
    /// dashes under each label on it, labels elsewhere as their own lines, then notes, hints
    /// and the help topic.
    public func render(_ d: Diagnostic) -> String {
        let sev: String
        switch d.severity {
        case .error: sev = "\(red)\(text(.labelError))\(reset)"
        case .warning: sev = "\(bold)\(text(.labelWarning))\(reset)"
        case .note: sev = "\(bold)\(text(.labelNote))\(reset)"
        }
        var out = ""
        let place = d.location.map(Self.place) ?? ""
        out += place.isEmpty ? "\(sev): \(text(d.code))\n" : "\(bold)\(place):\(reset) \(sev): \(text(d.code))\n"
        if let (source, range) = d.location?.excerpt {
            out += excerpt(source, range, mark: "^", markColor: red, label: nil)
            for label in d.labels {
                let (line, col) = source.location(of: label.range.start)
                let sameLine = source.lineIndex(of: label.range.start) == source.lineIndex(of: min(range.start, source.bytes.count))
                if !sameLine {
                    out += "  \(bold)\(source.name):\(line):\(col):\(reset) \(text(.labelNote)): \(text(label.message))\n"
                }
                out += excerpt(source, label.range, mark: "-", markColor: blue, label: sameLine ? text(label.message) : nil,
                               showLine: !sameLine)
            }
        }
        for note in d.notes { out += "  \(cyan)\(text(.labelNote)):\(reset) \(text(note))\n" }
        for hint in d.help { out += "  \(cyan)\(text(.labelHint)):\(reset) \(text(hint))\n" }
        if let topic = d.topic, d.severity == .error, !d.noTopic {
            let line = text(.seeHelp(topic: topic))
            if let colon = line.firstIndex(of: ":") {
                out += "  \(cyan)\(line[...colon])\(reset)\(line[line.index(after: colon)...])\n"
            } else {
                out += "  \(line)\n"
            }
        }
        return out
    }

    /// A diagnostic rendered without colour and then changed (fitted to a window: lines
    /// wrapped, the source line cut round its caret), coloured as `render` colours: the place
    /// and severity on the first line, carets red, label dashes blue, note/hint/see cyan.
    public func colored(_ plain: String) -> String {
        guard color else { return plain }
        let severities = [(text(.labelError), red), (text(.labelWarning), bold), (text(.labelNote), bold)]
        let labels = [text(.labelNote), text(.labelHint), String(text(.seeHelp(topic: "")).prefix { $0 != ":" })]
        var lines = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() {
            if i == 0 {
                for (word, paint) in severities {
                    if line.hasPrefix(word + ": ") {
                        lines[0] = paint + word + reset + line.dropFirst(word.count)
                        break
                    }
                    if let r = line.range(of: ": " + word + ": ") {
                        let rest = line[line.index(r.upperBound, offsetBy: -2)...]
                        lines[0] = bold + line[..<r.lowerBound] + ":" + reset + " " + paint + word + reset + rest
                        break
                    }
                }
                continue
            }
            let body = line.drop { $0 == " " || $0 == "\t" }
            let lead = String(line.prefix(line.count - body.count))
            guard !lead.isEmpty, let first = body.first else { continue }
            if first == "^" || first == "~" || first == "-" {
                let marks = body.prefix { $0 == first }
                let after = body.dropFirst(marks.count)
                guard after.isEmpty || after.first == " " else { continue }
                lines[i] = lead + (first == "-" ? blue : red) + marks + reset + after
            } else if let label = labels.first(where: { !$0.isEmpty && body.hasPrefix($0 + ":") }) {
                lines[i] = lead + cyan + label + ":" + reset + body.dropFirst(label.count + 1)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `file:line:col`, `file:line` or `file`.
    static func place(_ l: Location) -> String {
        var place = l.file
        if let line = l.line {
            place += ":\(line)"
            if let column = l.column { place += ":\(column)" }
        }
        return place
    }

    /// The line holding `range.start` and a line of marks under the range (first line only),
    /// with `label` after the marks.
    func excerpt(_ source: Source, _ range: SourceRange, mark: Character, markColor: String, label: String?,
                 showLine: Bool = true) -> String {
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
        var out = showLine ? "  \(lead)\(Visible.text(source.bytes[from..<to], tabs: true))\(trail)\n" : ""
        let padText = lead + Visible.text(source.bytes[from..<lo], tabs: true)
        let underText = Visible.text(source.bytes[lo..<hi], tabs: true)
        // a tab in the line is a tab in the padding, so the marks land where the terminal put the text
        let pad = padText.map { $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(String($0))) }.joined()
        let marks = String(repeating: mark, count: max(1, DisplayWidth.of(underText.replacingOccurrences(of: "\t", with: " "))))
        out += "  \(pad)\(markColor)\(marks)\(reset)\(label.map { " \($0)" } ?? "")\n"
        return out
    }
}

extension Message {
    /// The message in `lang`.
    public func text(_ lang: Lang) -> String { DiagnosticRenderer(lang: lang).text(self) }

    /// The associated values by label, in declaration order.
    var arguments: [(label: String, value: Any)] {
        guard let payload = Mirror(reflecting: self).children.first?.value else { return [] }
        let mirror = Mirror(reflecting: payload)
        if mirror.displayStyle == .tuple {
            return mirror.children.map { ($0.label ?? "", $0.value) }
        }
        return [("", payload)]
    }
}
