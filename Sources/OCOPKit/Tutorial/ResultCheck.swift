/// Compares an answer's RESULT with the model answer's result (never the text typed), and
/// says what is wrong in the user's terms: a table instead of a number, too many rows, a
/// missing or extra column, the right rows in the wrong order.
struct ResultCheck {
    /// A result as plain values: a number, or rows of cells.
    struct Grid {
        var scalar: Value?
        var columns: [String] = []
        var rows: [[Value]] = []

        init(_ r: Executor.Result) {
            switch r {
            case .scalar(let v, _): scalar = v
            case .rows(let f):
                let t = ResultTable(f)
                columns = t.columns
                rows = (0..<t.count).map { r in (0..<t.columns.count).map { t.cell(r, $0) } }
            }
        }

        func column(_ c: Int) -> [String] { rows.map { ResultCheck.key($0[c]) } }
    }

    /// How values are compared: text in its canonical form, numbers to 6 decimals.
    static func key(_ v: Value) -> String {
        switch v {
        case .null: return "\u{0}null"
        case .text(let s): return "t" + VietText.canonical(s)
        case .integer(let i): return "n" + ValueFormat.decimal((Double(i) * 1e6).rounded() / 1e6)
        case .decimal(let d): return "n" + ValueFormat.decimal((d * 1e6).rounded() / 1e6)
        default: return "v" + ValueFormat.plain(v)
        }
    }

    /// Nil when `actual` is right; otherwise the problems, each one line in `lang`.
    static func problems(lesson: Lesson, expected: Executor.Result, actual: Executor.Result, exported: Bool, lang: Lang) -> [String]? {
        let e = Grid(expected), a = Grid(actual)
        func say(_ id: String, _ args: String...) -> String { Msg.format(Msg.catalogue(lang)[id] ?? Msg.english[id] ?? id, args) }
        switch (e.scalar, a.scalar) {
        case (let want?, let got?):
            if key(want) == key(got) { break }
            let w = want.number ?? 0, g = got.number ?? 0
            return [say(g > w ? "tutorial.numberTooBig" : "tutorial.numberTooSmall", ValueFormat.plain(got))]
        case (_?, nil):
            return [say(a.rows.count == Int((e.scalar?.number ?? -1)) ? "tutorial.tableRightCount" : "tutorial.tableNotNumber",
                        ValueFormat.grouped(Int64(a.rows.count), lang))]
        case (nil, let got?):
            return [say("tutorial.numberNotTable", ValueFormat.plain(got))]
        case (nil, nil):
            if let p = tableProblems(lesson, e, a, say), !p.isEmpty { return p }
        }
        if lesson.export && !exported { return [say("tutorial.exportMissing")] }
        return nil
    }

    static func tableProblems(_ lesson: Lesson, _ e: Grid, _ a: Grid, _ say: (String, String...) -> String) -> [String]? {
        if a.rows.count != e.rows.count {
            return [say(a.rows.count > e.rows.count ? "tutorial.tooManyRows" : "tutorial.tooFewRows",
                        ValueFormat.grouped(Int64(a.rows.count)), ValueFormat.grouped(Int64(e.rows.count)))]
        }
        let wanted = e.columns.indices.filter { lesson.mustShow?.contains(e.columns[$0]) ?? true }
        var used = Set<Int>(), match: [Int: Int] = [:]
        var out: [String] = []
        var missing: [String] = [], differ = false
        for ei in wanted {
            let want = e.column(ei).sorted()
            if let ai = a.columns.indices.first(where: { !used.contains($0) && a.column($0).sorted() == want }) {
                used.insert(ai)
                match[ei] = ai
            } else if a.columns.contains(e.columns[ei]) {
                differ = true
            } else {
                missing.append(e.columns[ei])
            }
        }
        if differ { out.append(say("tutorial.differentRows")) }
        if !missing.isEmpty { out.append(say("tutorial.missingColumns", missing.joined(separator: ", "))) }
        if lesson.mustShow == nil {
            let extra = a.columns.indices.filter { !used.contains($0) }.map { a.columns[$0] }
            if !extra.isEmpty && !differ {
                out.append(say("tutorial.extraColumns", extra.joined(separator: ", "), e.columns.joined(separator: ", ")))
            }
        }
        if !out.isEmpty { return out }
        // the same columns: the same rows, and in order when the task asks for an order
        let order = wanted
        let wantRows = e.rows.map { r in order.map { key(r[$0]) } }
        let gotRows = a.rows.map { r in order.map { key(r[match[$0]!]) } }
        if wantRows.map({ $0.joined(separator: "\u{1}") }).sorted() != gotRows.map({ $0.joined(separator: "\u{1}") }).sorted() {
            return [say("tutorial.differentRows")]
        }
        if lesson.ordered && wantRows != gotRows { return [say("tutorial.unsorted")] }
        return []
    }
}
