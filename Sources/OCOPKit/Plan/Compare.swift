/// Two snapshots of a list (last month's folder and this month's), compared product by
/// product, keyed by `id`. The result is a table `changes` with the columns
///
///     change   new | removed | upgraded | downgraded | renewed | renamed
///     id       the product's id
///     name     its name (in the newer list; in the older one for removed)
///     before   the older list's rating `4★ 83 (2021-12-20)`, or the older name when renamed
///     after    the newer list's rating, or the newer name when renamed
///
/// A product that was both upgraded and renamed has a row for each. `upgraded`/`downgraded`
/// compare stars; `renewed` is the same stars with a later certified_on or expires_on;
/// `renamed` compares names canonically (Hoà = Hòa, NFD = NFC). Rows come grouped by change
/// in that order, and within a change in the order of the newer list (removed: the older).
/// Since it is a table, every clause and output format applies:
/// `compare "lists/2026-11" where change = "upgraded" select id, name, after`.
enum Compare {
    static let changes = ["new", "removed", "upgraded", "downgraded", "renewed", "renamed"]
    static let fields = ["change", "id", "name", "before", "after"]

    /// The changes table's fields with no rows (what the check runs on).
    static var emptyTable: Table {
        Table(name: "changes", columns: fields.map { Column.from(name: $0, type: .text, values: []) }, rowCount: 0)
    }

    struct Snapshot {
        let ids: [String]
        let names: [String?]
        let stars: [Int64]
        let score: [Double]
        let certified: [Int32]
        let expires: [Int32]
        var rowOf: [String: Int] = [:]

        init(_ products: Table) {
            func text(_ n: String) -> [String?] {
                guard let c = products.column(n) else { return Array(repeating: nil, count: products.rowCount) }
                return (0..<products.rowCount).map { if case .text(let s) = c.value($0) { return s }; return c.isNull($0) ? nil : ValueFormat.plain(c.value($0)) }
            }
            ids = text("id").map { $0 ?? "" }
            names = text("name")
            stars = Certifications.integers(products, "stars")
            score = Certifications.decimals(products, "score")
            certified = Certifications.dates(products, "certified_on")
            expires = Certifications.dates(products, "expires_on")
            for (r, id) in ids.enumerated() where !id.isEmpty && rowOf[id] == nil { rowOf[id] = r }
        }

        /// `4★ 83 (2021-12-20)`; a product with neither stars nor score is `unrated` in `lang`.
        func rating(_ r: Int, _ lang: Lang) -> String {
            var s = Certifications.rating(stars[r], score[r]).text(lang)
            if certified[r] != Column.nullDate { s += " (\(Day(days: certified[r]).iso))" }
            return s
        }
    }

    /// The changes from `old` to `new`; nil when either has no products id column. The
    /// ratings' one word (`unrated`) is in `lang`; the change names stay the language's words.
    static func table(from old: Dataset, to new: Dataset, lang: Lang) -> Table? {
        guard let op = old.tables["products"], let np = new.tables["products"],
              op.column("id") != nil, np.column("id") != nil else { return nil }
        let a = Snapshot(op), b = Snapshot(np)
        // rows per change kind, in list order
        var rows = Array(repeating: [(id: String, name: String?, before: String?, after: String?)](), count: changes.count)
        for (r, id) in b.ids.enumerated() where !id.isEmpty && b.rowOf[id] == r {
            guard let o = a.rowOf[id] else {
                rows[0].append((id, b.names[r], nil, b.rating(r, lang)))
                continue
            }
            let s0 = a.stars[o], s1 = b.stars[r]
            if s0 != Column.nullInteger && s1 != Column.nullInteger && s0 != s1 {
                rows[s1 > s0 ? 2 : 3].append((id, b.names[r], a.rating(o, lang), b.rating(r, lang)))
            } else if later(b.certified[r], than: a.certified[o]) || later(b.expires[r], than: a.expires[o]) {
                rows[4].append((id, b.names[r], a.rating(o, lang), b.rating(r, lang)))
            }
            if let n0 = a.names[o], let n1 = b.names[r], n0 != n1, VietText.canonical(n0) != VietText.canonical(n1) {
                rows[5].append((id, n1, n0, n1))
            }
        }
        for (r, id) in a.ids.enumerated() where !id.isEmpty && a.rowOf[id] == r && b.rowOf[id] == nil {
            rows[1].append((id, a.names[r], a.rating(r, lang), nil))
        }
        var change: [Value] = [], id: [Value] = [], name: [Value] = [], before: [Value] = [], after: [Value] = []
        for (k, list) in rows.enumerated() {
            for row in list {
                change.append(.text(changes[k]))
                id.append(.text(row.id))
                name.append(row.name.map(Value.text) ?? .null)
                before.append(row.before.map(Value.text) ?? .null)
                after.append(row.after.map(Value.text) ?? .null)
            }
        }
        let values = [change, id, name, before, after]
        return Table(name: "changes", columns: zip(fields, values).map { Column.from(name: $0, type: .text, values: $1) },
                     rowCount: change.count)
    }

    static func later(_ a: Int32, than b: Int32) -> Bool {
        a != Column.nullDate && b != Column.nullDate && a > b
    }
}
