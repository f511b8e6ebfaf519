import Foundation

/// Output formats for a result.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown
}

/// Options that change how results look.
public struct RenderOptions: Sendable {
    public var format: OutputFormat = .table
    /// Largest cell width in table mode, in terminal columns.
    public var maxCellWidth = 40
    /// In table mode, show at most this many rows (first and last halves); nil = all.
    public var maxRows: Int?
    public var dateStyle: DateStyle = .iso
    public var color = false
    /// CSV for Excel: CRLF line ends (the caller puts `Renderer.bom` before the first byte).
    public var excel = false
    /// Charts draw bars with `#` instead of Unicode blocks.
    public var ascii = false
    /// Terminal columns a chart may fill.
    public var width = 80
    /// The line printed under a cut table, saying how to see every row.
    public var moreHint: String?
    /// On a terminal: a table wider than this many columns is fitted to it (long text cut
    /// with `…`, middle columns hidden behind one `…` column). Never set for pipes, files
    /// and exports, which always get every column whole.
    public var fitWidth: Int?
    /// Columns the statement named: kept when others are hidden to fit.
    public var named: Set<String> = []
    /// Tables, records (`field: value` lines), or records when a table would not fit.
    public var display: DisplayMode = .table
    /// The user chose `display` (`set display table`, the config file): a one-row result is
    /// then a table too; by default it is a record.
    public var displayChosen = false
    /// The language of footers.
    public var lang: Lang = .en
    /// The `3 rows` line and the columns-hidden footer under a table (a record card's tables go
    /// without: their heading counts them, and the card must fit one screen).
    public var rowCountLine = true
    /// The table is `describe NAME`'s: the columns-hidden footer points at `describe NAME.FIELD`,
    /// not at select (describe takes no clauses).
    public var describing: String?
    public init() {}
}

/// Writes results in the chosen format.
public enum Renderer {
    public static func render(_ t: ResultTable, _ o: RenderOptions) -> String {
        switch o.format {
        case .table:
            switch o.display {
            case .vertical: return vertical(t, o)
            case .auto where overflows(t, o): return vertical(t, o)
            case .table, .auto: return table(t, o)
            }
        case .csv: return csv(t, o)
        case .json: return json(t, o)
        case .markdown: return markdown(t, o)
        }
    }

    public static func scalar(_ v: Value, label: String, _ o: RenderOptions) -> String {
        switch o.format {
        case .table: return ValueFormat.plain(v, dateStyle: o.dateStyle) + "\n"
        case .csv:
            let nl = o.excel ? "\r\n" : "\n"
            return csvField(label) + nl + csvField(ValueFormat.plain(v, dateStyle: o.dateStyle)) + nl
        case .json: return jsonValue(v) + "\n"
        case .markdown: return "| \(label) |\n|---:|\n| \(ValueFormat.plain(v, dateStyle: o.dateStyle)) |\n"
        }
    }

    // MARK: table

    static func isNumeric(_ t: DataType) -> Bool { t == .integer || t == .decimal }

    /// A box-drawn table; widths in terminal columns, so Vietnamese (NFC or NFD) lines up.
    /// With `o.fitWidth` (a terminal) a table wider than that is fitted (TableLayout) and a
    /// footer names the columns left out.
    static func table(_ t: ResultTable, _ o: RenderOptions) -> String { fittedTable(t, o).text }

    /// The table and the names of the columns it left out to fit the window (behind `…`).
    static func fittedTable(_ t: ResultTable, _ o: RenderOptions) -> (text: String, hidden: [String]) {
        var shown: [Int] = Array(0..<t.count)
        var elided = false
        if let max = o.maxRows, t.count > max, max > 0 {
            let head = (max + 1) / 2, tail = max / 2
            shown = Array(0..<head) + Array((t.count - tail)..<t.count)
            elided = true
        }
        let cells: [[String]] = shown.map { r in (0..<t.columns.count).map { c in cellText(t, r, c, o) } }
        let n = t.columns.count
        let headers = t.columns.indices.map { Visible.text(t.heading($0, o.lang)) }
        var natural = headers.map { DisplayWidth.of(DisplayWidth.truncate($0, to: o.maxCellWidth)) }
        for row in cells { for (c, s) in row.enumerated() { natural[c] = max(natural[c], DisplayWidth.of(s)) } }
        let layout: TableLayout
        if let width = o.fitWidth {
            let shrinkable = t.types.map { $0 == .text }
            let named = Set(t.columns.indices.filter { o.named.contains(t.columns[$0]) })
            layout = TableLayout.fit(natural: natural, shrinkable: shrinkable, named: named, width: width)
        } else {
            layout = TableLayout(shown: Array(0..<n), widths: natural, elisionAt: nil)
        }
        // the printed columns: nil is the `…` column
        var columns: [Int?] = layout.shown
        if let at = layout.elisionAt { columns.insert(nil, at: at) }
        let widths = columns.map { $0.map { layout.widths[$0] } ?? 1 }
        func pad(_ s: String, _ w: Int, right: Bool) -> String {
            let s = DisplayWidth.truncate(s, to: w)
            let gap = String(repeating: " ", count: max(0, w - DisplayWidth.of(s)))
            return right ? gap + s : s + gap
        }
        func line(_ l: String, _ m: String, _ r: String) -> String {
            l + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r + "\n"
        }
        func row(_ text: (Int) -> String, right: (Int) -> Bool) -> String {
            "│" + columns.enumerated().map { k, c in
                " " + (c.map { pad(text($0), widths[k], right: right($0)) } ?? "…") + " "
            }.joined(separator: "│") + "│\n"
        }
        var out = line("┌", "┬", "┐")
        out += row({ headers[$0] }, right: { _ in false })
        out += line("├", "┼", "┤")
        for (i, cellsOfRow) in cells.enumerated() {
            if elided && i == (shown.count + 1) / 2 { out += row({ _ in "·" }, right: { _ in false }) }
            out += row({ cellsOfRow[$0] }, right: { isNumeric(t.types[$0]) })
        }
        out += line("└", "┴", "┘")
        if o.rowCountLine || elided {
            out += (elided ? Message.rowsShown(n: t.count, shown: shown.count) : .rowCount(n: t.count)).text(o.lang) + "\n"
        }
        if elided, let hint = o.moreHint { out += hint + "\n" }
        let hidden = layout.hidden(of: n)
        if !hidden.isEmpty, o.rowCountLine {
            let names = hidden.map { t.columns[$0] }
            let note = (o.describing.map { Message.columnsHiddenDescribe(n: n, shown: layout.shown.count, hidden: names, table: $0) }
                ?? .columnsHidden(n: n, shown: layout.shown.count, hidden: names)).text(o.lang)
            out += TextWrap.wrap(note, width: o.fitWidth ?? 80) + "\n"
        }
        return (out, hidden.map { t.columns[$0] })
    }

    /// One cell as a table shows it: stars as ★, numbers grouped (not ids or years), line
    /// breaks as spaces, at most `maxCellWidth` wide.
    static func cellText(_ t: ResultTable, _ r: Int, _ c: Int, _ o: RenderOptions, cut: Bool = true) -> String {
        let v = t.cell(r, c)
        let name = t.columns[c]
        if name == "stars" && t.types[c] == .integer, case .integer(let i) = v, let s = ValueFormat.stars(i) { return s }
        if !ValueFormat.isCode(name) {
            if case .integer(let i) = v { return ValueFormat.grouped(i, o.lang) }
            if case .decimal(let d) = v { return ValueFormat.groupedDecimal(d, o.lang) }
        }
        // shown, never obeyed: control characters in the data become visible symbols (Visible.swift)
        let text = Visible.text(ValueFormat.plain(v, dateStyle: o.dateStyle).replacingNewlines)
        return cut ? DisplayWidth.truncate(text, to: o.maxCellWidth) : text
    }

    // MARK: csv, json, markdown

    static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// UTF-8's byte order mark: Excel reads a CSV file as UTF-8 only when it starts with one.
    public static let bom = "\u{FEFF}"

    /// RFC 4180: a header row, fields quoted when they hold a comma, quote or line break.
    /// Line ends are LF, or CRLF for Excel.
    static func csv(_ t: ResultTable, _ o: RenderOptions) -> String {
        let nl = o.excel ? "\r\n" : "\n"
        var out = t.columns.map(csvField).joined(separator: ",") + nl
        for r in 0..<t.count {
            out += (0..<t.columns.count).map { csvField(ValueFormat.plain(t.cell(r, $0), dateStyle: o.dateStyle)) }.joined(separator: ",") + nl
        }
        return out
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    static func jsonValue(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .integer(let i): return String(i)
        case .decimal(let d): return d.isFinite ? ValueFormat.decimal(d) : "null"
        case .text(let s): return jsonString(s)
        case .date(let d): return jsonString(d.iso)
        case .boolean(let b): return b ? "true" : "false"
        }
    }

    static func json(_ t: ResultTable, _ o: RenderOptions) -> String {
        if t.count == 0 { return "[]\n" }
        var out = "[\n"
        for r in 0..<t.count {
            let fields = t.columns.enumerated().map { "\(jsonString($1)): \(jsonValue(t.cell(r, $0)))" }
            out += "  {" + fields.joined(separator: ", ") + "}" + (r + 1 < t.count ? "," : "") + "\n"
        }
        return out + "]\n"
    }

    static func markdown(_ t: ResultTable, _ o: RenderOptions) -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingNewlines }
        var out = "| " + t.columns.indices.map { esc(t.heading($0, o.lang)) }.joined(separator: " | ") + " |\n"
        out += "|" + t.types.map { isNumeric($0) ? "---:|" : "---|" }.joined() + "\n"
        for r in 0..<t.count {
            out += "| " + (0..<t.columns.count).map { esc(ValueFormat.plain(t.cell(r, $0), dateStyle: o.dateStyle)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

extension String {
    var replacingNewlines: String {
        contains(where: { $0 == "\n" || $0 == "\r" }) ? replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") : self
    }
}
