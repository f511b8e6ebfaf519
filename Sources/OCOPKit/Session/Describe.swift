/// `describe`, `describe TABLE`, `describe TABLE.FIELD`: what is in the data, at a glance.
extension Session {
    func describe(_ what: String?, _ s: Statement, _ source: Source) throws(Diagnostic) -> String {
        let lang = options.lang
        guard let what, !what.isEmpty else { return describeTables() }
        let parts = what.split(separator: ".").map { String($0).trimmingSpaces }
        guard let frame = describedFrame(parts[0]) else {
            throw Diagnostic(.name, Msg.text("error.unknownTable", lang, parts[0]), at: s.range, in: source,
                             hints: EditDistance.nearest(parts[0], in: env.sourceNames).map { [Msg.text("hint.didYouMean", lang, $0)] } ?? [])
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
            throw Diagnostic(.name, Msg.text("error.unknownFieldIn", lang, parts[1], table.name), at: s.range, in: source,
                             hints: EditDistance.nearest(parts[1], in: table.fieldNames + table.relations.keys.sorted()).map { [Msg.text("hint.didYouMean", lang, $0)] } ?? [])
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
        return out + Msg.text("describe.more", lang) + "\n"
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
            let st = FieldStats(col, f)
            let type = col.type.rawValue + (derived ? ", " + Msg.text("describe.derived", lang) : "")
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
        let head = Msg.text("describe.header", lang, name, ValueFormat.grouped(Int64(f.count), lang), t.name == name ? (dataset.folder == nil ? Msg.text("describe.sample", lang) : dataset.folder!) : t.name)
        return head + "\n" + Renderer.render(table, o)
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
        let head = Msg.text("describe.valuesHeader", lang, "\(name).\(col.name)", col.type.rawValue,
                            ValueFormat.grouped(Int64(st.present), lang), ValueFormat.grouped(Int64(st.missing), lang), ValueFormat.grouped(Int64(st.distinct), lang))
        return head + "\n" + Renderer.render(t, o)
    }
}

/// What `describe` says of one column over some rows: counts, range, most common values.
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
        type = col.type
        switch col.storage {
        case .text(let codes, let pool):
            // counted by code, then merged by canonical spelling (Hoà and Hòa are one value)
            var counts = [Int](repeating: 0, count: pool.count)
            for i in 0..<f.count {
                let c = codes[f.row(i)]
                if c == StringPool.nullCode { missing += 1 } else { counts[Int(c)] += 1 }
            }
            present = f.count - missing
            if pool.count <= 50_000 {
                var merged: [String: (shown: String, n: Int)] = [:]
                for code in counts.indices where counts[code] > 0 {
                    let s = pool.string(UInt32(code))
                    let k = VietText.canonical(s)
                    if let m = merged[k] {
                        merged[k] = (m.n >= counts[code] ? m.shown : s, m.n + counts[code])
                    } else {
                        merged[k] = (s, counts[code])
                    }
                }
                distinct = merged.count
                // the most common first, ties in Vietnamese order: only values as common as the
                // k-th are ordered, each with its collation key made once
                let ns = merged.values.map(\.n).sorted(by: >)
                let kth = ns.isEmpty || topCount < 1 ? Int.max : ns[Swift.min(topCount, ns.count) - 1]
                top = merged.values.filter { $0.n >= kth }.map { ($0, Collation.key($0.shown)) }
                    .sorted { $0.0.n != $1.0.n ? $0.0.n > $1.0.n : compareBytes($0.1, $1.1) < 0 }
                    .prefix(topCount).map { ($0.0.shown, $0.0.n) }
            } else {
                distinct = counts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
            }
        default:
            var seen = Set<Value>()
            var counts: [Value: Int] = [:]
            for i in 0..<f.count {
                let v = col.value(f.row(i))
                if v.isNull { missing += 1; continue }
                if seen.count < 100_000 { seen.insert(v) }
                if case .boolean = v { counts[v, default: 0] += 1 }
                if min.isNull || FieldStats.less(v, min) { min = v }
                if max.isNull || FieldStats.less(max, v) { max = v }
            }
            present = f.count - missing
            distinct = seen.count
            top = counts.sorted { $0.value > $1.value }.map { (ValueFormat.plain($0.key), $0.value) }
        }
        example = (0..<f.count).lazy.map { col.value(f.row($0)) }.first { !$0.isNull }.map { ValueFormat.plain($0) }
    }

    static func less(_ a: Value, _ b: Value) -> Bool {
        if case .date(let x) = a, case .date(let y) = b { return x.days < y.days }
        return (a.number ?? 0) < (b.number ?? 0)
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
