/// `sort by`: keys extracted once into typed arrays (text as collation ranks), then an index
/// sort; ties keep file order. Followed by `limit k`, only the best k are kept (no full sort).
extension Executor {
    func sort(_ f: Frame, _ keys: [SortKey], limit: Int?) throws(Diagnostic) -> Frame {
        let compiler = ExprCompiler(table: f.table, env: env, source: source)
        let rows = f.rowList
        var columns: [(SortColumn, Bool)] = []
        for k in keys {
            let c = try compiler.compile(k.expr)
            if c.type == .duration || c.type == .boolean && false { throw error(.type, "cannot sort by a duration", k.expr.range) }
            columns.append((try SortColumn.make(c, rows: rows.map { Int($0) }, env: env, lazyText: limit != nil), k.descending))
        }
        func less(_ a: Int, _ b: Int) -> Bool {
            for (col, desc) in columns {
                let c = col.compare(a, b, descending: desc)
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        let n = rows.count
        var order: [Int]
        if let k = limit, k < n / 4, k <= 10_000 {
            // keep the best k in a sorted buffer
            order = []
            order.reserveCapacity(k + 1)
            for i in 0..<n {
                if i & 0xFFFF == 0 { try env.checkCancel() }
                if order.count == k, let last = order.last, !less(i, last) { continue }
                var lo = 0, hi = order.count
                while lo < hi { let mid = (lo + hi) / 2; if less(order[mid], i) { lo = mid + 1 } else { hi = mid } }
                order.insert(i, at: lo)
                if order.count > k { order.removeLast() }
            }
        } else {
            try env.checkCancel()
            order = Array(0..<n)
            order.sort(by: less)
        }
        return Frame(table: f.table, rows: order.map { rows[$0] })
    }
}

/// One sort key's values for a list of rows, in a form that compares fast.
enum SortColumn {
    /// Integers, dates and text ranks; `Int64.min` is null.
    case ints([Int64])
    /// Decimals; NaN is null.
    case doubles([Double])
    /// Anything else, compared as values.
    case values([Value])
    /// Text codes compared by collation keys made on first use: for top-k, where only the few
    /// rows that tie on earlier keys are ever compared on this one.
    case lazyText([UInt32], LazyCollation)

    static func make(_ c: Compiled, rows: [Int], env: Environment, lazyText: Bool = false) throws(Diagnostic) -> SortColumn {
        if let a = c.access {
            func at(_ r: Int) -> Int? {
                guard let m = a.rowMap else { return r }
                let x = m[r]
                return x < 0 ? nil : Int(x)
            }
            switch a.column.storage {
            case .integer(let arr): return .ints(rows.map { at($0).map { arr[$0] } ?? Column.nullInteger })
            case .date(let arr): return .ints(rows.map { r in at(r).map { arr[$0] == Column.nullDate ? Int64.min : Int64(arr[$0]) } ?? Int64.min })
            case .decimal(let arr): return .doubles(rows.map { at($0).map { arr[$0] } ?? .nan })
            case .text(let codes, let pool) where lazyText && !pool.hasRanks:
                return .lazyText(rows.map { r in at(r).map { codes[$0] } ?? StringPool.nullCode }, LazyCollation(pool))
            case .text(let codes, let pool):
                let ranks = pool.ranks
                return .ints(rows.map { r in
                    guard let x = at(r) else { return Int64.min }
                    let code = codes[x]
                    return code == StringPool.nullCode ? Int64.min : Int64(ranks[Int(code)])
                })
            case .boolean(let arr): return .ints(rows.map { r in at(r).map { arr[$0] == 2 ? Int64.min : Int64(arr[$0]) } ?? Int64.min })
            }
        }
        var values: [Value] = []
        values.reserveCapacity(rows.count)
        for (i, r) in rows.enumerated() {
            if i & 0xFFFF == 0 { try env.checkCancel() }
            values.append(try c.eval(r))
        }
        if c.type == .text {
            // rank the distinct texts once
            let distinct = Array(Set(values.compactMap { if case .text(let s) = $0 { return s } else { return nil } }))
            let keyed = distinct.map { ($0, Collation.key($0)) }.sorted { compareBytes($0.1, $1.1) < 0 }
            var rank: [String: Int64] = [:]
            for (i, (s, _)) in keyed.enumerated() { rank[s] = Int64(i) }
            return .ints(values.map { if case .text(let s) = $0 { return rank[s]! } else { return Int64.min } })
        }
        return .values(values)
    }

    /// Order of positions `a` and `b`; nulls last in both directions.
    func compare(_ a: Int, _ b: Int, descending: Bool = false) -> Int {
        var c: Int
        switch self {
        case .ints(let v):
            let x = v[a], y = v[b]
            if x == y { return 0 }
            if x == Int64.min { return 1 }
            if y == Int64.min { return -1 }
            c = x < y ? -1 : 1
        case .doubles(let v):
            let x = v[a], y = v[b]
            if x.isNaN && y.isNaN || x == y { return 0 }
            if x.isNaN { return 1 }
            if y.isNaN { return -1 }
            c = x < y ? -1 : 1
        case .lazyText(let v, let keys):
            let x = v[a], y = v[b]
            if x == y { return 0 }
            if x == StringPool.nullCode { return 1 }
            if y == StringPool.nullCode { return -1 }
            c = compareBytes(keys.key(x), keys.key(y))
            if c == 0 { c = x < y ? -1 : 1 }
        case .values(let v):
            let x = v[a], y = v[b]
            if x.isNull && y.isNull { return 0 }
            if x.isNull { return 1 }
            if y.isNull { return -1 }
            c = compareValues(x, y) ?? 0
        }
        return descending ? -c : c
    }
}

/// Collation keys of a pool's values, made when first asked for.
final class LazyCollation {
    let pool: StringPool
    private var cache: [UInt32: [UInt8]] = [:]
    init(_ pool: StringPool) { self.pool = pool }
    func key(_ code: UInt32) -> [UInt8] {
        if let k = cache[code] { return k }
        let k = Collation.key(pool.string(code))
        cache[code] = k
        return k
    }
}
