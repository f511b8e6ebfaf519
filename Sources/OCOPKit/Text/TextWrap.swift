/// Lines broken at spaces to fit a terminal, widths in display columns (DisplayWidth).
public enum TextWrap {
    /// Every line of `text` at most `width` columns wide. A line is broken at spaces; the
    /// lines it continues on are indented like it, or, for a line laid out in columns
    /// (`where CONDITION      keep the rows …`), to where its second column starts. A word
    /// wider than the room is broken between letters.
    public static func wrap(_ text: String, width: Int) -> String {
        guard width > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    static func wrapLine(_ line: String, width: Int) -> String {
        if DisplayWidth.of(line) <= width { return line }
        let indent = hangingIndent(line, width: width)
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        // the leading spaces belong to the first line
        let leading = line.prefix { $0 == " " }
        current = String(leading)
        currentWidth = leading.count
        var pendingSpaces = ""
        for piece in pieces(line.dropFirst(leading.count)) {
            if piece.allSatisfy({ $0 == " " }) { pendingSpaces = piece; continue }
            let w = DisplayWidth.of(piece)
            let startsLine = current.isEmpty || current.allSatisfy { $0 == " " }
            if !startsLine && currentWidth + pendingSpaces.count + w > width {
                lines.append(current)
                current = pad
                currentWidth = indent
                pendingSpaces = ""
            } else {
                current += pendingSpaces
                currentWidth += pendingSpaces.count
                pendingSpaces = ""
            }
            // a word longer than the room: broken between letters
            var word = Substring(piece)
            while currentWidth + DisplayWidth.of(String(word)) > width, !word.isEmpty {
                let room = max(1, width - currentWidth)
                var used = 0
                var end = word.startIndex
                while end < word.endIndex, used + DisplayWidth.columns(of: word[end]) <= room {
                    used += DisplayWidth.columns(of: word[end])
                    end = word.index(after: end)
                }
                if end == word.startIndex { end = word.index(after: end) }
                current += word[..<end]
                lines.append(current)
                current = pad
                currentWidth = indent
                word = word[end...]
            }
            current += word
            currentWidth += DisplayWidth.of(String(word))
        }
        if !current.allSatisfy({ $0 == " " }) || lines.isEmpty { lines.append(current) }
        return lines.map { trimTrailing($0) }.joined(separator: "\n")
    }

    /// Words and the runs of spaces between them.
    static func pieces(_ s: Substring) -> [String] {
        var out: [String] = []
        var cur = ""
        var spaces = false
        for ch in s {
            let isSpace = ch == " "
            if !cur.isEmpty && isSpace != spaces { out.append(cur); cur = "" }
            spaces = isSpace
            cur.append(ch)
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// Where continuation lines start: after the first run of two or more spaces that
    /// follows text (the second column of a laid-out line), when that is in the left two thirds;
    /// else the line's own indent plus two.
    static func hangingIndent(_ line: String, width: Int) -> Int {
        let leading = line.prefix { $0 == " " }.count
        var col = 0
        var run = 0
        var seenText = false
        for ch in line {
            if ch == " " { run += 1 } else {
                if seenText && run >= 2 && col < width * 2 / 3 { return col }
                if col >= leading { seenText = true }
                run = 0
            }
            col += DisplayWidth.columns(of: ch)
        }
        return min(leading + 2, width / 2)
    }

    static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
