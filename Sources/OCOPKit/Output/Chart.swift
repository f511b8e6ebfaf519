/// Horizontal bar charts: `products group by province count chart`.
///
/// One line per row: the label (the other columns, aligned by display width), a bar scaled so
/// the largest value fills the space the terminal leaves, then the value.
public enum Chart {
    /// Why `t` cannot be charted, or nil when it can: the last column must be a number, and
    /// some other column must label the bars.
    public static func problem(_ t: ResultTable) -> (message: Message, hint: Message)? {
        guard let last = t.types.last, let lastName = t.columns.last, t.columns.count >= 2 else {
            return (.chartNeedsLabelAndNumber, .helpChartGroupFirst(query: "products"))
        }
        guard last == .integer || last == .decimal else {
            return (.chartLastNotNumber(column: lastName), .helpChartEndWithNumber)
        }
        return nil
    }

    /// Partial blocks for 1/8 … 7/8 of a cell.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The chart of `t` (which `problem(t)` accepted), `o.width` columns wide at most.
    public static func render(_ t: ResultTable, _ o: RenderOptions) -> String {
        if t.count == 0 { return Message.rowCount(n: 0).text(o.lang) + "\n" }
        let valueColumn = t.columns.count - 1
        var labels: [String] = []
        var values: [Double?] = []
        var texts: [String] = []
        for r in 0..<t.count {
            let parts = (0..<valueColumn).map { c -> String in
                let v = t.cell(r, c)
                return v.isNull ? Message.chartNull.text(o.lang) : Visible.text(ValueFormat.plain(v, dateStyle: o.dateStyle).replacingNewlines)
            }
            labels.append(parts.joined(separator: " · "))
            let v = t.cell(r, valueColumn)
            values.append(v.number)
            switch v {
            case .integer(let i): texts.append(ValueFormat.grouped(i, o.lang))
            case .decimal(let d): texts.append(ValueFormat.groupedDecimal(d, o.lang))
            default: texts.append("")
            }
        }
        // Labels take what they need, up to a third of the width; bars get the rest.
        let labelLimit = max(8, o.width / 3)
        labels = labels.map { DisplayWidth.truncate($0, to: labelLimit) }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        let valueWidth = texts.map(DisplayWidth.of).max() ?? 0
        let barSpace = max(10, o.width - labelWidth - valueWidth - 2)
        let largest = values.compactMap { $0 }.filter { $0 > 0 }.max() ?? 0
        var out = ""
        for (i, label) in labels.enumerated() {
            var line = label + String(repeating: " ", count: labelWidth - DisplayWidth.of(label)) + " "
            let v = values[i] ?? 0
            let share = largest > 0 && v > 0 ? v / largest * Double(barSpace) : 0
            let bar = o.ascii ? asciiBar(share, positive: v > 0) : blockBar(share, positive: v > 0)
            if !bar.isEmpty { line += bar + " " }
            line += texts[i]
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// `share` cells of full and partial blocks; a positive value shows at least ▏.
    static func blockBar(_ share: Double, positive: Bool) -> String {
        var n = Int((share * 8).rounded())
        if positive && n == 0 { n = 1 }
        var bar = String(repeating: "█", count: n / 8)
        if n % 8 > 0 { bar.append(eighths[n % 8 - 1]) }
        return bar
    }

    /// `share` cells of `#`, rounded; a positive value shows at least one.
    static func asciiBar(_ share: Double, positive: Bool) -> String {
        var n = Int(share.rounded())
        if positive && n == 0 { n = 1 }
        return String(repeating: "#", count: n)
    }
}
