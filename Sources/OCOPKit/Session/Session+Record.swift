/// One row of a table seen whole (`products where id = "SP0102"` on a terminal): its fields,
/// the fields ocop derives (status, days left, the 2025 units), the row each to-one relation
/// leads to (its producer), and the rows of each to-many relation (its certifications, in
/// date order), all as `field: value` records and small tables that fit the window.
///
/// At 80×24 the card and the prompt fill the screen, so nothing is left out without a line
/// saying so: the fields that hold nothing are named on one line (`empty: score, price_vnd`)
/// rather than taking a line each, and a related table fitted by hiding columns is followed by
/// the names it hid and the query that shows them (`… is level, decision; to see them:
/// certifications where product_id = "SP0156"`).
extension Session {
    /// The card of `f`'s one row when it is a row of a loaded table (not a select or a
    /// group); nil otherwise.
    func recordCard(_ f: Frame, _ o: RenderOptions) -> String? {
        let t = f.table
        guard f.count == 1, dataset.tables[t.name] === t else { return nil }
        let row = f.row(0)
        let width = o.fitWidth ?? Int.max
        var fields = t.columns.map { ($0.name, cell($0, row, o)) }
        for name in t.derivedNames {
            if let c = t.field(name, today: env.today) { fields.append((name, cell(c, row, o))) }
        }
        var out = fieldBlock(fields, width: width)
        // the row it belongs to (its producer) first, then the rows it owns (its certifications)
        let names = t.relations.keys.sorted { a, b in
            let (x, y) = (isToOne(t.relations[a]), isToOne(t.relations[b]))
            return x != y ? x : a < b
        }
        var related = o
        related.display = .table
        related.rowCountLine = false
        for name in names {
            guard let relation = t.relations[name] else { continue }
            switch relation {
            case .toOne(let target, let rows):
                let r = Int(rows[row])
                guard r >= 0 else { continue }
                out += heading(name, target.name, nil, width) + "\n"
                // without its id: the row shown names it already (`producer_id: NSX038`)
                out += fieldBlock(target.columns.filter { $0.name != "id" }.map { ($0.name, cell($0, r, o)) }, width: width, indent: 2)
            case .toMany(let target, let offsets, let rows):
                let owned = rows[Int(offsets[row])..<Int(offsets[row + 1])].map(Int.init)
                guard !owned.isEmpty else { continue }
                out += heading(name, target.name, owned.count, width) + "\n"
                // at a narrow window the dates they are ordered by stay
                related.named = Set(target.columns.filter { $0.type == .date }.map(\.name) + ["stars"])
                let (table, hidden) = Renderer.fittedTable(relatedRows(target, owned, pointingAt: t), related)
                out += table
                if !hidden.isEmpty, let id = t.column("id") {
                    let query = "\(target.name) where \(Session.backKey(t)) = \(Session.literal(id.value(row)))"
                    out += TextWrap.wrap(say(.cardColumnsHidden(hidden: hidden, query: query)), width: width) + "\n"
                }
            }
        }
        return out
    }

    /// `label: value` fields in two columns, those that hold nothing named on one line after them.
    func fieldBlock(_ fields: [(String, String)], width: Int, indent: Int = 0) -> String {
        let empty = fields.filter { $0.1.isEmpty }.map(\.0)
        var out = Renderer.recordColumns(fields.filter { !$0.1.isEmpty }, width: width, indent: indent)
        guard !empty.isEmpty else { return out }
        let lead = String(repeating: " ", count: indent)
        let line = TextWrap.wrap(say(.cardEmptyFields(fields: empty)), width: width == Int.max ? width : width - indent)
        for part in line.split(separator: "\n") { out += lead + part + "\n" }
        return out
    }

    /// The field of a related table that points back at a row of `owner`: `product_id`.
    static func backKey(_ owner: Table) -> String {
        (owner.name.hasSuffix("s") ? String(owner.name.dropLast()) : owner.name) + "_id"
    }

    /// `── producer → producers ──`, or `── certifications → certifications (3) ──`.
    func heading(_ relation: String, _ target: String, _ count: Int?, _ width: Int) -> String {
        let text = "── \(relation)" + (relation == target ? "" : " → \(target)") + (count.map { " (\(ValueFormat.grouped(Int64($0), options.lang)))" } ?? "") + " "
        return text + String(repeating: "─", count: max(2, min(width, 60) - DisplayWidth.of(text)))
    }

    func isToOne(_ r: Relation?) -> Bool {
        if case .toOne? = r { return true }
        return false
    }

    /// Rows of `target` in the order of its first date column (certifications by the day
    /// they were granted, in the order their history reads them: a year-only one by its year),
    /// without the key that points back at the row shown (`product_id`) and without the columns
    /// these rows leave empty (a list without levels or decision numbers), so that what they do
    /// hold fits the window rather than hiding behind a `…` column.
    func relatedRows(_ target: Table, _ rows: [Int], pointingAt owner: Table) -> ResultTable {
        var ordered = rows
        if target.name == "certifications" {
            let keys = Certifications.orderKeys(target)
            ordered.sort { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }
        } else if let date = target.columns.first(where: { $0.type == .date }) {
            ordered.sort { a, b in
                switch (date.value(a), date.value(b)) {
                case (.date(let x), .date(let y)): return x.days != y.days ? x.days < y.days : a < b
                case (.date, _): return true
                default: return a < b
                }
            }
        }
        let back = Session.backKey(owner)
        let columns = target.columns.filter { c in c.name != back && ordered.contains { !c.value($0).isNull } }
        return ResultTable(columns: columns.map(\.name), types: columns.map(\.type), count: ordered.count) { r, c in
            columns[c].value(ordered[r])
        }
    }

    func cell(_ c: Column, _ row: Int, _ o: RenderOptions) -> String {
        let t = ResultTable(columns: [c.name], types: [c.type], count: 1) { _, _ in c.value(row) }
        return Renderer.cellText(t, 0, 0, o, cut: false)
    }
}
