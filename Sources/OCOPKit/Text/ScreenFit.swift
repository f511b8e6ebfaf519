/// Text made to fit a terminal `width` columns wide: prose wraps (TextWrap), and a source line
/// shown under an error becomes a window around its caret, cut with `…` at either end, the
/// caret line moved with it, so the caret still points at the same letters.
public enum ScreenFit {
    /// `text` (a rendered diagnostic, help, a note) with no line wider than `width`.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        var out: [String] = []
        // prose between source lines is wrapped a run at a time: a block laid out in columns
        // is wrapped as one (TextWrap)
        var prose: [String] = []
        func flush() {
            if !prose.isEmpty { out.append(TextWrap.wrap(prose.joined(separator: "\n"), width: width)) }
            prose = []
        }
        while i < lines.count {
            if i + 1 < lines.count, isCaretLine(lines[i + 1]),
               shownWidth(lines[i]) > width || shownWidth(lines[i + 1]) > width {
                flush()
                let (source, caret) = window(lines[i], caret: lines[i + 1], width: width)
                out.append(source)
                out.append(caret)
                i += 2
                continue
            }
            prose.append(lines[i])
            i += 1
        }
        flush()
        lines = out
        return lines.joined(separator: "\n")
    }

    /// A line of spaces (or tabs) and one run of `^` or `~`.
    static func isCaretLine(_ s: String) -> Bool {
        s.contains("^") && s.allSatisfy { $0 == " " || $0 == "\t" || $0 == "^" || $0 == "~" }
    }

    /// Columns `s` takes on a terminal, a tab moving to the next stop of 8.
    static func shownWidth(_ s: String) -> Int {
        var col = 0
        for ch in s { col = ch == "\t" ? (col / 8 + 1) * 8 : col + DisplayWidth.columns(of: ch) }
        return col
    }

    /// The part of `source` around the caret that fits `width`, and the caret under it. A tab
    /// is one column while the window is chosen and stays a tab in both lines, so the terminal
    /// moves both to the same stop; the window narrows by what the stops add past `width`.
    static func window(_ source: String, caret: String, width: Int) -> (String, String) {
        let indent = source.prefix { $0 == " " }.count
        var room = max(8, width - indent - 2)  // a … at each end
        while true {
            let (text, under) = window(source, caret: caret, width: width, room: room)
            let over = max(shownWidth(text), shownWidth(under)) - width
            if over <= 0 || room == 8 { return (text, under) }
            room = max(8, room - over)
        }
    }

    static func window(_ source: String, caret: String, width: Int, room: Int) -> (String, String) {
        // columns of the caret line (tabs in it stand where the source has tabs: one column each here)
        let marks = Array(caret)
        let first = marks.firstIndex { $0 != " " && $0 != "\t" } ?? 0
        let last = marks.lastIndex { $0 != " " && $0 != "\t" } ?? first
        let indent = source.prefix { $0 == " " }.count
        // the source as display cells after its indent: (character, first column)
        var cells: [(Character, Int)] = []
        var col = indent
        for ch in source.dropFirst(indent) {
            cells.append((ch, col))
            col += ch == "\t" ? 1 : DisplayWidth.columns(of: ch)
        }
        let end = col
        // start the window a little before the caret, so what comes before is seen too
        var start = max(indent, min(first - room / 3, end - room))
        if last - start >= room { start = first - 1 }
        start = max(indent, start)
        let stop = start + room
        var text = String(repeating: " ", count: indent) + (start > indent ? "…" : "")
        for (ch, c) in cells where c >= start && c + DisplayWidth.columns(of: ch) <= stop { text.append(ch) }
        if stop < end { text += "…" }
        let shift = start - indent - (start > indent ? 1 : 0)
        let from = max(indent, first - shift), to = min(width - 1, last - shift)
        // the padding under the window: a tab where the window has a tab (the terminal moves
        // both to the same stop), spaces for the rest
        var pad = ""
        var column = 0
        for ch in text {
            let w = ch == "\t" ? 1 : DisplayWidth.columns(of: ch)
            guard column + w <= from else { break }
            pad += ch == "\t" ? "\t" : String(repeating: " ", count: w)
            column += w
        }
        pad += String(repeating: " ", count: max(0, from - column))
        let under = pad + String(repeating: marks[first] == "~" ? "~" : "^", count: max(1, to - from + 1))
        return (text, under)
    }
}
