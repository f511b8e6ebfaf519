/// `group by`: rows partitioned by key values, groups ordered by their keys (Vietnamese order
/// for text, nulls last).
extension Executor {
    func group(_ f: Frame, _ keyExprs: [Expr]) throws(Diagnostic) -> GroupSet {
        let compiler = ExprCompiler(table: f.table, env: env, source: source)
        var keys: [GroupSet.Key] = []
        for e in keyExprs {
            let c = try compiler.compile(e)
            if c.type == .duration { throw error(.type, .cannotGroupByDuration, e.range) }
            keys.append(GroupSet.Key(expr: e, compiled: c, name: c.label, structure: e.structure))
        }
        let n = f.count
        // no rows (the check): no ids to make (a text key's would read its whole dictionary)
        if n == 0 { return GroupSet(table: f.table, keys: keys, offsets: [0], rows: []) }
        // Per key, a dense id per row; combined into one group id per row.
        var groupOf = [UInt32](repeating: 0, count: n)
        var groupCount = 1
        for key in keys {
            let (ids, distinct) = try denseIDs(key.compiled, f)
            if groupCount == 1 {
                groupOf = ids
                groupCount = distinct
            } else if groupCount * distinct <= 1 << 22 {
                // few combinations (provinces by stars): a table of them, not a dictionary
                var table = [UInt32](repeating: UInt32.max, count: groupCount * distinct)
                var made: UInt32 = 0
                for i in 0..<n {
                    let k = Int(groupOf[i]) * distinct + Int(ids[i])
                    if table[k] == UInt32.max { table[k] = made; made += 1 }
                    groupOf[i] = table[k]
                }
                groupCount = Int(made)
            } else {
                var map: [UInt64: UInt32] = [:]
                for i in 0..<n {
                    let k = UInt64(groupOf[i]) << 32 | UInt64(ids[i])
                    if let g = map[k] { groupOf[i] = g } else {
                        let g = UInt32(map.count)
                        map[k] = g
                        groupOf[i] = g
                    }
                }
                groupCount = map.count
            }
        }
        if n == 0 { groupCount = 0 }
        // compress: offsets by group id, rows in original order within a group
        var counts = [Int32](repeating: 0, count: groupCount + 1)
        for g in groupOf { counts[Int(g) + 1] += 1 }
        // drop ids that no row uses (dense ids can come from a whole dictionary)
        var used: [Int] = []
        for g in 0..<groupCount where counts[g + 1] > 0 { used.append(g) }
        var firstRow = [Int](repeating: -1, count: groupCount)
        for i in 0..<n where firstRow[Int(groupOf[i])] < 0 { firstRow[Int(groupOf[i])] = f.row(i) }
        // order groups by their key values
        let sortKeys = try keys.map { (k: GroupSet.Key) throws(Diagnostic) -> SortColumn in
            try SortColumn.make(k.compiled, rows: used.map { firstRow[$0] }, env: env)
        }
        let order = (0..<used.count).sorted { a, b in
            for k in sortKeys {
                let c = k.compare(a, b)
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        var position = [Int](repeating: -1, count: groupCount)
        for (p, idx) in order.enumerated() { position[used[idx]] = p }
        var offsets = [Int32](repeating: 0, count: used.count + 1)
        for g in 0..<groupCount where position[g] >= 0 { offsets[position[g] + 1] = counts[g + 1] }
        for i in 0..<used.count { offsets[i + 1] += offsets[i] }
        var fill = offsets
        // one pass, through buffers (array stores in this loop checked uniqueness per row)
        let rows = [Int32](unsafeUninitializedCapacity: n) { out, made in
            fill.withUnsafeMutableBufferPointer { fill in
                groupOf.withUnsafeBufferPointer { groupOf in
                    position.withUnsafeBufferPointer { position in
                        if let list = f.rows {
                            for i in 0..<n {
                                let p = position[Int(groupOf[i])]
                                out[Int(fill[p])] = list[i]
                                fill[p] += 1
                            }
                        } else {
                            for i in 0..<n {
                                let p = position[Int(groupOf[i])]
                                out[Int(fill[p])] = Int32(truncatingIfNeeded: i)
                                fill[p] += 1
                            }
                        }
                    }
                }
            }
            made = n
        }
        return GroupSet(table: f.table, keys: keys, offsets: offsets, rows: rows)
    }

    /// A dense id per row of `f` for the values of `c` (equal values, equal ids), and how
    /// many ids there are. Text columns use their codes directly.
    func denseIDs(_ c: Compiled, _ f: Frame) throws(Diagnostic) -> ([UInt32], Int) {
        let n = f.count
        var ids = [UInt32](repeating: 0, count: n)
        if let a = c.access, case .text(let codes, let pool) = a.column.storage {
            let nullID = UInt32(pool.count)
            // canonical equality: "Hoà" and "Hòa" fall in one group
            var canon = [UInt32](repeating: 0, count: pool.count)
            var seen: [String: UInt32] = [:]
            for code in 0..<UInt32(pool.count) {
                if code & 0xFFFF == 0 { try env.checkCancel() }
                let k = VietText.canonical(pool.string(code))
                if let first = seen[k] { canon[Int(code)] = first } else { seen[k] = code; canon[Int(code)] = code }
            }
            let map = a.rowMap
            if map == nil && f.rows == nil {
                // every row, a plain column: one pass over the codes
                codes.withUnsafeBufferPointer { cs in
                    canon.withUnsafeBufferPointer { cn in
                        for i in 0..<n {
                            let code = cs[i]
                            ids[i] = code == StringPool.nullCode ? nullID : cn[Int(code)]
                        }
                    }
                }
                return (ids, pool.count + 1)
            }
            for i in 0..<n {
                var r = f.row(i)
                if let map { let m = map[r]; if m < 0 { ids[i] = nullID; continue }; r = Int(m) }
                let code = codes[r]
                ids[i] = code == StringPool.nullCode ? nullID : canon[Int(code)]
            }
            return (ids, pool.count + 1)
        }
        if let a = c.access, a.rowMap == nil, case .integer(let arr) = a.column.storage {
            // a narrow range (stars, years): ids from a table indexed by value − min
            var lo = Int64.max, hi = Int64.min
            for i in 0..<n { let v = arr[f.row(i)]; if v != Column.nullInteger { lo = Swift.min(lo, v); hi = Swift.max(hi, v) } }
            let (range, overflow) = hi.subtractingReportingOverflow(lo)
            if lo <= hi, !overflow, range < 1 << 20 {
                var table = [UInt32](repeating: UInt32.max, count: Int(range) + 2)  // the last slot: null
                var made: UInt32 = 0
                for i in 0..<n {
                    let v = arr[f.row(i)]
                    let k = v == Column.nullInteger ? table.count - 1 : Int(v - lo)
                    if table[k] == UInt32.max { table[k] = made; made += 1 }
                    ids[i] = table[k]
                }
                return (ids, Int(made))
            }
            var map: [Int64: UInt32] = [:]
            for i in 0..<n {
                let v = arr[f.row(i)]
                if let id = map[v] { ids[i] = id } else { let id = UInt32(map.count); map[v] = id; ids[i] = id }
            }
            return (ids, map.count)
        }
        var map: [Value: UInt32] = [:]
        for i in 0..<n {
            if i & 0xFFFF == 0 { try env.checkCancel() }
            var v = try c.eval(f.row(i))
            if case .text(let s) = v { v = .text(VietText.canonical(s)) }
            if let id = map[v] { ids[i] = id } else { let id = UInt32(map.count); map[v] = id; ids[i] = id }
        }
        return (ids, map.count)
    }

    /// Group keys and a `count` column: what `group by …` gives when nothing else is asked.
    func counted(_ g: GroupSet) throws(Diagnostic) -> Frame {
        var columns: [Column] = []
        for key in g.keys {
            var values: [Value] = []
            values.reserveCapacity(g.count)
            for i in 0..<g.count { values.append(try key.compiled.eval(g.firstRow(i))) }
            var name = key.name
            // the count column keeps its name: a key called count (group by count) becomes count_
            while name == "count" || columns.contains(where: { $0.name == name }) { name += "_" }
            columns.append(Column.from(name: name, type: key.compiled.type == .null ? .text : key.compiled.type, values: values))
        }
        let counts = (0..<g.count).map { Int64(g.size($0)) }
        columns.append(Column(name: "count", storage: .integer(counts), heading: .headingCount))
        return Frame(table: Table(name: g.table.name, columns: columns, rowCount: g.count))
    }
}
