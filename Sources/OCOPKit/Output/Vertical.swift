/// How a result is laid out on a terminal (`set display`).
public enum DisplayMode: String, CaseIterable, Sendable {
    /// A table, fitted to the window; a result of one row is shown as a record unless the user
    /// chose `set display table` (RenderOptions.displayChosen).
    case table
    /// Every row as a record of `field: value` lines.
    case vertical
    /// Records when the table would not fit the window (psql's `\x auto`), else a table.
    case auto
}

/// One record at a time: `field: value` lines, the labels aligned, long values wrapped under
/// their first line (psql's expanded display).
extension Renderer {
    /// The rows of `t` as records, each headed by its number when there are several.
    static func vertical(_ t: ResultTable, _ o: RenderOptions) -> String {
        let width = o.fitWidth ?? Int.max
        var out = ""
        for r in 0..<t.count {
            if t.count > 1 { out += recordRule(r + 1, width: min(width, 40)) + "\n" }
            out += record(t.columns.indices.map { (t.heading($0, o.lang), cellText(t, r, $0, o, cut: false)) }, width: width)
        }
        if t.count != 1 { out += Message.rowCount(n: t.count).text(o.lang) + "\n" }
        return out
    }

    /// `─[ 3 ]──────`: where record 3 starts.
    static func recordRule(_ n: Int, width: Int) -> String {
        let head = "─[ \(n) ]"
        return head + String(repeating: "─", count: max(1, width - DisplayWidth.of(head)))
    }

    /// `label: value` lines, values starting in one column; a value too long for the window
    /// wraps under its first line, and an empty value shows nothing after the colon.
    static func record(_ fields: [(String, String)], width: Int, indent: Int = 0, labelWidth given: Int? = nil) -> String {
        let fields = fields.map { (Visible.text($0.0), Visible.text($0.1)) }
        let labelWidth = given ?? min(fields.map { DisplayWidth.of($0.0) }.max() ?? 0, 24)
        let lead = String(repeating: " ", count: indent)
        var out = ""
        for (label, value) in fields {
            let name = DisplayWidth.truncate(label, to: labelWidth)
            let head = lead + name + ":" + String(repeating: " ", count: labelWidth - DisplayWidth.of(name) + 1)
            let column = indent + labelWidth + 2
            let room = width == Int.max ? Int.max : max(10, width - column)
            let lines = room == Int.max ? [value] : TextWrap.wrap(value, width: room).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let pad = String(repeating: " ", count: column)
            out += TextWrap.trimTrailing(head + (lines.first ?? "")) + "\n"
            for more in lines.dropFirst() { out += pad + more + "\n" }
        }
        return out
    }

    /// `label: value` fields in two columns (down the left, then down the right), so that a
    /// record of 18 fields takes 9 lines: one product fits one 80×24 screen. The fields too
    /// long for half the window come first, a whole line each (a product's name and category
    /// head its card), then the others in one block of two columns; with no window
    /// (`Int.max`), or one too narrow for two columns, this is `record`.
    static func recordColumns(_ fields: [(String, String)], width: Int, indent: Int = 0) -> String {
        let gap = 3
        let half = width == Int.max ? 0 : (width - indent - gap) / 2
        guard half >= 24 else { return record(fields, width: width, indent: indent) }
        let fields = fields.map { (Visible.text($0.0), Visible.text($0.1)) }
        // the label column: as wide as the longest label of the fields that go in columns
        func fits(_ f: (String, String), _ labels: Int) -> Bool { labels + 2 + DisplayWidth.of(f.1) <= half }
        var labelWidth = min(fields.map { DisplayWidth.of($0.0) }.max() ?? 0, 24)
        for _ in 0..<2 {
            labelWidth = min(fields.filter { fits($0, DisplayWidth.of($0.0)) }.map { DisplayWidth.of($0.0) }.max() ?? labelWidth, 24)
        }
        let lead = String(repeating: " ", count: indent)
        func cell(_ f: (String, String)) -> String {
            let name = DisplayWidth.truncate(f.0, to: labelWidth)
            return name + ":" + String(repeating: " ", count: labelWidth - DisplayWidth.of(name) + 1) + f.1
        }
        var out = ""
        for f in fields where !fits(f, labelWidth) {
            out += record([f], width: width, indent: indent, labelWidth: labelWidth)
        }
        let run = fields.filter { fits($0, labelWidth) }
        let rows = (run.count + 1) / 2
        for r in 0..<rows {
            let left = cell(run[r])
            var line = lead + left
            if r + rows < run.count {
                line += String(repeating: " ", count: half - DisplayWidth.of(left) + gap) + cell(run[r + rows])
            }
            out += TextWrap.trimTrailing(line) + "\n"
        }
        return out
    }

    /// Whether a table of `t` would have to hide columns to fit `o.fitWidth`.
    static func overflows(_ t: ResultTable, _ o: RenderOptions) -> Bool {
        guard let width = o.fitWidth else { return false }
        let rows = min(t.count, o.maxRows ?? t.count)
        var natural = t.columns.indices.map { DisplayWidth.of(DisplayWidth.truncate(t.heading($0, o.lang), to: o.maxCellWidth)) }
        for r in 0..<rows { for c in t.columns.indices { natural[c] = max(natural[c], DisplayWidth.of(cellText(t, r, c, o))) } }
        let layout = TableLayout.fit(natural: natural, shrinkable: t.types.map { $0 == .text }, named: [], width: width)
        return layout.elisionAt != nil
    }
}
