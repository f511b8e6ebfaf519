/// Lines broken at spaces to fit a terminal, widths in display columns (DisplayWidth).
public enum TextWrap {
    /// Every line of `text` at most `width` columns wide. A line is broken at spaces; the
    /// lines it continues on are indented like it, or, for a line laid out in columns
    /// (`where CONDITION      keep the rows …`), to where its second column starts. A word
    /// wider than the room is broken between letters. Lines in three or more columns, one
    /// under the other (help's table of clauses), are a block: when one of them is too wide,
    /// each puts its last column (the example) on a line of its own under its second column,
    /// rather than breaking the example in two.
    public static func wrap(_ text: String, width: Int) -> String {
        guard width > 0 else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var i = 0
        while i < lines.count {
            guard let columns = Columns(lines[i]) else {
                out.append(wrapLine(lines[i], width: width))
                i += 1
                continue
            }
            var end = i + 1
            while end < lines.count, Columns(lines[end])?.last == columns.last { end += 1 }
            let block = lines[i..<end]
            let split = block.contains { DisplayWidth.of($0) > width }
            for line in block {
                guard split, let c = Columns(line) else { out.append(wrapLine(line, width: width)); continue }
                out.append(wrapLine(trimTrailing(String(line[..<c.lastIndex])), width: width))
                out.append(wrapLine(String(repeating: " ", count: c.second) + line[c.lastIndex...], width: width))
            }
            i = end
        }
        return out.joined(separator: "\n")
    }

    /// Where the columns of a line laid out in three or more start (after runs of two or more
    /// spaces that follow text): the second's display column, and the last's column and index.
    struct Columns {
        var second: Int
        var last: Int
        var lastIndex: String.Index

        init?(_ line: String) {
            // a table's row is fitted to the window already, by its own rules
            guard !line.contains("│") else { return nil }
            var starts: [(Int, String.Index)] = []
            var col = 0, run = 0
            var seenText = false
            for i in line.indices {
                let ch = line[i]
                if ch == " " { run += 1 } else {
                    if seenText && run >= 2 { starts.append((col, i)) }
                    seenText = true
                    run = 0
                }
                col += DisplayWidth.columns(of: ch)
            }
            guard starts.count >= 2, let first = starts.first, let final = starts.last else { return nil }
            second = first.0
            last = final.0
            lastIndex = final.1
        }
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
