/// Whether a table the fast CSV loader read (header on line 1) holds rows that are not
/// products, as a typed list without a title often does: `I | Huyện Na Rì`, `A. SẢN PHẨM 4
/// SAO`, `Cộng`, `Tổng cộng`, a signature, a row of empty cells. Such a file is read again as
/// a grid by PrintedLayout, which skips and counts them (CSVInput.csvText).
///
/// The look costs one pass over each column's storage to count the filled cells of every
/// row (a few milliseconds on a million rows); only sparse rows (at most 3 cells and at most
/// half the columns; in a one-column file only empty rows) are read as text and put to
/// PrintedLayout's own tests, and at most the first and the last `sample` of them: a list's
/// first section heads its first products and its grand total ends it, while a large
/// machine-written file with many sparse rows must not pay a text look at each.
extension PrintedLayout {
    static func hasNonProductRows(_ t: Table) -> Bool {
        let columns = t.columns
        guard t.rowCount > 0, !columns.isEmpty, columns.count < Int(UInt16.max) else { return false }
        let sparse = min(3, columns.count / 2)
        var filled = [UInt16](repeating: 0, count: t.rowCount)
        for c in columns {
            switch c.storage {
            case .integer(let a): for r in a.indices where a[r] != Column.nullInteger { filled[r] &+= 1 }
            case .decimal(let a): for r in a.indices where !a[r].isNaN { filled[r] &+= 1 }
            case .date(let a): for r in a.indices where a[r] != Column.nullDate { filled[r] &+= 1 }
            case .boolean(let a): for r in a.indices where a[r] != 2 { filled[r] &+= 1 }
            case .text(let a, _): for r in a.indices where a[r] != StringPool.nullCode { filled[r] &+= 1 }
            }
        }
        let nameSlot = columns.firstIndex { $0.name == "name" }
        // the first `sample` sparse rows, then the last `sample` before them
        var rows: [Int] = []
        var r = 0
        while r < t.rowCount, rows.count < sample { if Int(filled[r]) <= sparse { rows.append(r) }; r += 1 }
        var tail: [Int] = []
        var b = t.rowCount - 1
        while b >= r, tail.count < sample { if Int(filled[b]) <= sparse { tail.append(b) }; b -= 1 }
        for r in rows + tail {
            if filled[r] == 0 { return true }
            let texts = columns.map { c -> String in
                switch c.value(r) {
                case .null: return ""
                case .text(let s): return s
                case let v: return "\(v)"
                }
            }
            let cells = texts.indices.filter { !texts[$0].isEmpty }
            let keys = cells.prefix(3).map { HeaderAliases.key(texts[$0]) }
            if keys.contains(where: { isTotal($0) || isSignature($0) }) { return true }
            // only a section that says what it fills: a district or a star level (a lone
            // label could be a product with few cells)
            if let s = section(texts, filled: cells, numberSlot: nil, nameSlot: nameSlot), s.district != nil || s.stars != nil {
                return true
            }
        }
        return false
    }

    static let sample = 2000
}
