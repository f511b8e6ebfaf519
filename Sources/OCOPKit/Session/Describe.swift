/// `describe`, `describe TABLE`, `describe TABLE.FIELD`: what is in the data, at a glance.
extension Session {
    func describe(_ what: String?, _ s: Statement, _ source: Source) throws(Diagnostic) -> String {
        let lang = options.lang
        guard let what, !what.isEmpty else { return describeTables() }
        let parts = what.split(separator: ".").map { String($0).trimmingSpaces }
        guard let frame = describedFrame(parts[0]) else {
            throw Diagnostic(.name, .unknownTable(name: parts[0]), at: s.range, in: source,
                             help: EditDistance.nearest(parts[0], in: env.sourceNames).map { [.helpDidYouMean(word: $0)] } ?? [])
        }
        let table = frame.table
        guard parts.count > 1 else { return describeFields(parts[0], frame) }
        if let rel = table.relations[parts[1]] {
            let many: Bool
            if case .toMany = rel { many = true } else { many = false }
            return Msg.text(many ? "describe.relationMany" : "describe.relationOne", lang, "\(parts[0]).\(parts[1])", rel.target.name, table.name) + "\n"
                + describeFields(rel.target.name, Frame(table: rel.target))
        }
        guard let col = table.field(parts[1], today: env.today) else {
            throw Diagnostic(.name, .unknownFieldIn(name: parts[1], table: table.name), at: s.range, in: source,
                             help: EditDistance.nearest(parts[1], in: table.fieldNames + table.relations.keys.sorted()).map { [.helpDidYouMean(word: $0)] } ?? [])
        }
        return try describeValues(parts[0], frame, col, s, source)
    }

    /// A table or a variable, as the rows `describe` counts.
    func describedFrame(_ name: String) -> Frame? {
        if let t = dataset.tables[name] { return Frame(table: t) }
        return env.variables[name]
    }

    /// `describe`: one line per table, with its relations, then the variables.
    func describeTables() -> String {
        let lang = options.lang
        var out = ""
        for n in dataset.tableOrder {
            let t = dataset.tables[n]!
            out += Msg.text("describe.tableLine", lang, n, ValueFormat.grouped(Int64(t.rowCount), lang), String(t.fieldNames.count))
            if !t.relations.isEmpty { out += "; " + Msg.text("describe.relations", lang, relationList(t)) }
            out += "\n"
        }
        for name in env.variables.keys.sorted() {
            let f = env.variables[name]!
            out += Msg.text("describe.variableLine", lang, name, ValueFormat.grouped(Int64(f.count), lang), f.table.name) + "\n"
        }
        return out + uncertainUnitsText() + Msg.text("describe.more", lang) + "\n"
    }

    /// `producer → producers (one), certifications → certifications (many)`.
    func relationList(_ t: Table) -> String {
        t.relations.keys.sorted().map { name in
            let rel = t.relations[name]!
            if case .toMany = rel { return "\(name) → \(rel.target.name) (\(Msg.text("describe.many", options.lang)))" }
            return "\(name) → \(rel.target.name) (\(Msg.text("describe.one", options.lang)))"
        }.joined(separator: ", ")
    }

    /// `describe products`: one row per field, then one per relation.
    func describeFields(_ name: String, _ f: Frame) -> String {
        let lang = options.lang
        let t = f.table
        var lines: [[Value]] = []
        func add(_ field: String, _ col: Column, derived: Bool) {
            let st = f.rows == nil && col.count == t.rowCount ? col.wholeStats : FieldStats(col, f)
            let type = col.type.name.text(lang) + (derived ? ", " + Msg.text("describe.derived", lang) : "")
            lines.append([.text(field), .text(type), .integer(Int64(st.present)), .integer(Int64(st.missing)),
                          .integer(Int64(st.distinct)), .text(DisplayWidth.truncate(st.summary(lang), to: 34)),
                          .text(DisplayWidth.truncate(st.example ?? "", to: 22))])
        }
        for col in t.columns { add(col.name, col, derived: false) }
        for d in t.derivedNames { if let col = t.field(d, today: env.today) { add(d, col, derived: true) } }
        for rel in t.relations.keys.sorted() {
            let r = t.relations[rel]!
            var many = false
            if case .toMany = r { many = true }
            let fields = r.target.columnNames.prefix(4).joined(separator: ", ") + (r.target.columnNames.count > 4 ? ", …" : "")
            lines.append([.text(rel), .text("→ \(r.target.name)"),
                          .null, .null, .null, .text(DisplayWidth.truncate(Msg.text(many ? "describe.many" : "describe.one", lang) + ": " + fields, to: 34)),
                          .text(many ? "count(\(rel))" : "\(rel).\(r.target.columnNames.dropFirst().first ?? "id")")])
        }
        let names = ["field", "type", "present", "missing", "distinct", "values", "example"].map { Msg.text("describe.col.\($0)", lang) }
        let types: [DataType] = [.text, .text, .integer, .integer, .integer, .text, .text]
        let table = ResultTable(columns: names, types: types, count: lines.count) { r, c in lines[r][c] }
        var o = displayOptions
        o.maxRows = nil
        o.display = .table
        o.named = [names[0], names[5]]  // at a narrow window: the field and its values
        o.describing = name
        let head = Msg.text("describe.header", lang, name, ValueFormat.grouped(Int64(f.count), lang), t.name == name ? (dataset.folder == nil ? Msg.text("describe.sample", lang) : dataset.folder!) : t.name)
        // the whole table: how many of its rows have a new unit the data does not settle
        return head + "\n" + Renderer.render(table, o) + (dataset.tables[name] === t ? uncertainUnitsText(name) : "")
    }

    /// `describe products.province`: every value with its count and share, in Vietnamese
    /// order (numbers and dates in their order), missing last.
    func describeValues(_ name: String, _ f: Frame, _ col: Column, _ s: Statement, _ source: Source) throws(Diagnostic) -> String {
        let lang = options.lang
        let st = FieldStats(col, f)
        let exec = Executor(env: env, source: source)
        let key = Expr(kind: .path([Name(text: col.name, range: s.range)]), range: s.range)
        let counted = ResultTable(try exec.counted(try exec.group(f, [key])))
        let total = Double(max(1, f.count))
        let share = Msg.text("describe.col.share", lang)
        let t = ResultTable(columns: [col.name, Msg.text("describe.col.count", lang), share], types: [col.type, .integer, .decimal],
                            count: counted.count) { r, c in
            switch c {
            case 0: return counted.cell(r, 0)
            case 1: return counted.cell(r, 1)
            default:
                guard case .integer(let n) = counted.cell(r, 1) else { return .null }
                return .decimal((Double(n) * 1000 / total).rounded() / 10)
            }
        }
        var o = displayOptions
        o.maxRows = nil
        o.display = .table
        let head = Msg.text("describe.valuesHeader", lang, "\(name).\(col.name)", col.type.name.text(lang),
                            ValueFormat.grouped(Int64(st.present), lang), ValueFormat.grouped(Int64(st.missing), lang), ValueFormat.grouped(Int64(st.distinct), lang))
        return head + "\n" + Renderer.render(t, o)
    }
}

/// What `describe` says of one column over some rows: counts, range, most common values.
/// Each storage is read in place (no `Value` per row); distinct values are counted exactly,
/// text merged by canonical spelling (Hoà and Hòa are one value).
struct FieldStats {
    var present = 0
    var missing = 0
    var distinct = 0
    var min: Value = .null
    var max: Value = .null
    /// Most common values (text, booleans), most frequent first, with their counts.
    var top: [(String, Int)] = []
    var example: String?
    let type: DataType

    init(_ col: Column, _ f: Frame, topCount: Int = 3) {
        self.init(col, rows: f.rows, count: f.count, topCount: topCount)
    }

    /// Over every row of a column.
    init(_ col: Column, rowCount: Int) {
        self.init(col, rows: nil, count: rowCount, topCount: 3)
    }

    /// Over `rows` (nil: all `count` rows in order).
    private init(_ col: Column, rows: [Int32]?, count: Int, topCount: Int) {
        type = col.type
        let f = Rows(rows: rows, count: count)
        switch col.storage {
        case .text(let codes, let pool):
            countText(codes, pool, f, topCount)
        case .integer(let a):
            countNumbers(a, f, isNull: { $0 == Column.nullInteger }, bits: { UInt64(bitPattern: $0) }, value: { .integer($0) })
        case .decimal(let a):
            // 0 and -0 are one value
            countNumbers(a, f, isNull: { $0.isNaN }, bits: { $0 == 0 ? 0 : $0.bitPattern }, value: { .decimal($0) })
        case .date(let a):
            countNumbers(a, f, isNull: { $0 == Column.nullDate }, bits: { UInt64(UInt32(bitPattern: $0)) }, value: { .date(Day(days: $0)) })
        case .boolean(let a):
            var n = [0, 0]
            for i in 0..<f.count {
                let v = a[f.row(i)]
                if v > 1 { missing += 1 } else { n[Int(v)] += 1 }
            }
            present = f.count - missing
            distinct = n.filter { $0 > 0 }.count
            top = [(true, n[1]), (false, n[0])].filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
                .map { (ValueFormat.plain(.boolean($0.0)), $0.1) }
        }
        example = (0..<f.count).lazy.map { col.value(f.row($0)) }.first { !$0.isNull }.map { ValueFormat.plain($0) }
    }

    /// Numbers and dates: missing, exact distinct count (a set of bit patterns), min and max.
    private mutating func countNumbers<T: Comparable>(_ a: [T], _ f: Rows, isNull: (T) -> Bool,
                                                      bits: (T) -> UInt64, value: (T) -> Value) {
        var seen = BitPatternSet()
        var lo: T?, hi: T?
        func add(_ v: T) {
            if isNull(v) { missing += 1; return }
            seen.insert(bits(v))
            if let l = lo { if v < l { lo = v } } else { lo = v }
            if let h = hi { if v > h { hi = v } } else { hi = v }
        }
        a.withUnsafeBufferPointer { a in
            if let rows = f.rows { for r in rows { add(a[Int(r)]) } } else { for v in a { add(v) } }
        }
        present = f.count - missing
        distinct = seen.count
        if let lo, let hi { min = value(lo); max = value(hi) }
    }

    /// Text: counted by code, then merged into distinct values by the pool (a pool that
    /// appends holds a repeated value under several codes); the most common few, ties in
    /// Vietnamese order.
    private mutating func countText(_ codes: [UInt32], _ pool: StringPool, _ f: Rows, _ topCount: Int) {
        var counts = [Int32](repeating: 0, count: pool.count)
        var missing = 0
        counts.withUnsafeMutableBufferPointer { c in
            codes.withUnsafeBufferPointer { k in
                func add(_ x: UInt32) { if x == StringPool.nullCode { missing += 1 } else { c[Int(x)] += 1 } }
                if let rows = f.rows { for r in rows { add(k[Int(r)]) } } else { for x in k { add(x) } }
            }
        }
        self.missing = missing
        present = f.count - missing
        let values = pool.distinctValues(counts: counts)
        distinct = values.count
        // all different: `summary` says so, no most common values to find
        guard topCount > 0, !values.isEmpty, !(distinct == present && present > 1) else { return }
        var best: [Int] = []  // the topCount largest counts, descending
        for v in values where best.count < topCount || v.count > best[best.count - 1] {
            let at = best.firstIndex { $0 < v.count } ?? best.count
            best.insert(v.count, at: at)
            if best.count > topCount { best.removeLast() }
        }
        let kth = best[best.count - 1]
        let above = values.filter { $0.count > kth }
        let tied = values.filter { $0.count == kth }.map(\.code)
        let firstTied = pool.firstInCollation(tied, topCount - above.count)
        let keyed = (above.map { ($0.code, $0.count) } + firstTied.map { ($0, kth) })
            .map { ($0.0, $0.1, pool.withBytes($0.0) { Collation.key(utf8: $0) }) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : compareBytes($0.2, $1.2) < 0 }
        top = keyed.map { (pool.string($0.0), $0.1) }
    }

    /// `2–5`, `2018-12-28 – 2026-10-01`, `Bắc Kạn 86, Bắc Giang 72, …`, or `all different`.
    func summary(_ lang: Lang) -> String {
        switch type {
        case .integer, .decimal, .date:
            guard !min.isNull else { return "" }
            let sep = type == .date || (min.number ?? 0) < 0 ? " – " : "–"
            return ValueFormat.plain(min) + sep + ValueFormat.plain(max)
        default:
            if present > 0 && distinct == present && present > 1 { return Msg.text("describe.allDifferent", lang) }
            var s = top.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
            if distinct > top.count { s += ", …" }
            return s
        }
    }
}

/// The rows FieldStats counts: a frame's selection, or all of a column's.
private struct Rows {
    let rows: [Int32]?
    let count: Int
    @inline(__always)
    func row(_ i: Int) -> Int { rows.map { Int($0[i]) } ?? i }
}

/// A set of 64-bit patterns (open addressing; 0 is kept aside), for exact distinct counts.
struct BitPatternSet {
    private var slots = [UInt64](repeating: 0, count: 1024)
    private var hasZero = false
    private var stored = 0
    var count: Int { stored + (hasZero ? 1 : 0) }

    @inline(__always)
    mutating func insert(_ v: UInt64) {
        if v == 0 { hasZero = true; return }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: (v &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let s = slots[i]
            if s == v { return }
            if s == 0 { break }
            i = (i + 1) & mask
        }
        slots[i] = v
        stored += 1
        if stored * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for v in old where v != 0 {
            var i = Int(truncatingIfNeeded: (v &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = v
        }
    }
}
