/// `sort by`: keys extracted once into typed arrays (text as collation ranks), then an index
/// sort; ties keep file order. Followed by `limit k`, only the best k are kept (no full sort).
extension Executor {
    func sort(_ f: Frame, _ keys: [SortKey], limit: Int?) throws(Diagnostic) -> Frame {
        let compiler = ExprCompiler(table: f.table, env: env, source: source)
        let rows = f.rowList
        // every row in file order: positions are row numbers, and plain columns are used as is
        let positions: [Int]? = f.rows == nil ? nil : rows.map { Int($0) }
        var columns: [(SortColumn, Bool)] = []
        for (i, k) in keys.enumerated() {
            let c = try compiler.compile(k.expr)
            if c.type == .duration { throw error(.type, .cannotSortByDuration, k.expr.range) }
            // no rows (the check): the key is typed, and no ranks are made
            if rows.isEmpty { continue }
            // a top-k reads a later key only where the earlier ones tie: a text key is
            // weighed for the codes compared, not for its whole pool (`sort by score desc, id
            // limit 10` made a prefix for each of a million ids)
            let topK: SortColumn.TopK? = limit == nil ? nil : (i > 0 ? .later : k.descending ? .firstDescending : .first)
            if positions == nil, let direct = try SortColumn.direct(c, topK: topK, env: env) {
                columns.append((direct, k.descending))
                continue
            }
            columns.append((try SortColumn.make(c, rows: positions ?? rows.map { Int($0) }, env: env, topK: topK), k.descending))
        }
        func less(_ a: Int, _ b: Int) -> Bool {
            for (col, desc) in columns {
                let c = col.compare(a, b, descending: desc)
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        let n = rows.count
        if n == 0 { return f }
        var order: [Int]
        if let k = limit, k < n / 4, k <= 10_000, k > 0 {
            // Keep the best k in a sorted buffer. A row whose first key is already worse than
            // the k-th best is skipped on that key alone (top 10 of a million rows compares
            // fully only a few hundred times).
            order = []
            order.reserveCapacity(k + 1)
            let (first, desc) = columns[0]
            func insert(_ i: Int) {
                var lo = 0, hi = order.count
                while lo < hi { let mid = (lo + hi) / 2; if less(order[mid], i) { lo = mid + 1 } else { hi = mid } }
                order.insert(i, at: lo)
                if order.count > k { order.removeLast() }
            }
            // `v(i)` is row i's first key or a lower bound of it (a text prefix): a row whose
            // bound is already worse than the k-th best's cannot enter
            func scan<T: Comparable>(_ v: (Int) -> T, isNull: (T) -> Bool) throws(Diagnostic) {
                for i in 0..<n {
                    if i & 0xFFFF == 0 { try env.checkCancel() }
                    if order.count == k {
                        let x = v(i), t = v(order[k - 1])
                        if isNull(x) { if !isNull(t) { continue } }
                        else if !isNull(t) && (desc ? x < t : x > t) { continue }
                        if !less(i, order[k - 1]) { continue }
                    }
                    insert(i)
                }
            }
            switch first {
            case .lazyText(let codes, let keys) where keys.floors != nil && !desc:
                // a first text key in ascending order, its pool without prefixes yet: a row
                // whose floor is above the k-th best's prefix cannot enter; the others get
                // prefixes (and full keys for ties) as they are compared
                let floors = keys.floors ?? []
                var threshold = UInt64.max, lastIsNull = true
                func refresh() {
                    guard order.count == k else { return }
                    let c = codes[order[k - 1]]
                    lastIsNull = c == StringPool.nullCode
                    if !lastIsNull { threshold = keys.prefix(c) }
                }
                try codes.withUnsafeBufferPointer { cs throws(Diagnostic) in
                    try floors.withUnsafeBufferPointer { fl throws(Diagnostic) in
                        for i in 0..<n {
                            if i & 0xFFFF == 0 { try env.checkCancel() }
                            if order.count == k {
                                let c = cs[i]
                                if c == StringPool.nullCode { if !lastIsNull { continue } }
                                else if !lastIsNull && fl[Int(c)] > threshold { continue }
                                if !less(i, order[k - 1]) { continue }
                            }
                            insert(i)
                            refresh()
                        }
                    }
                }
            case .doubles(let v): try v.withUnsafeBufferPointer { v throws(Diagnostic) in try scan({ v[$0] }, isNull: { $0.isNaN }) }
            case .ints(let v): try v.withUnsafeBufferPointer { v throws(Diagnostic) in try scan({ v[$0] }, isNull: { $0 == Int64.min }) }
            case .text(let codes, let weights, _, _):
                try codes.withUnsafeBufferPointer { c throws(Diagnostic) in
                    try weights.withUnsafeBufferPointer { w throws(Diagnostic) in
                        try scan({ c[$0] == StringPool.nullCode ? UInt64.max : w[Int(c[$0])] }, isNull: { $0 == UInt64.max })
                    }
                }
            default:
                for i in 0..<n {
                    if i & 0xFFFF == 0 { try env.checkCancel() }
                    if order.count == k, let last = order.last, !less(i, last) { continue }
                    insert(i)
                }
            }
        } else {
            try env.checkCancel()
            order = Array(0..<n)
            // a million-row sort must still stop on Ctrl-C: the comparator checks now and then
            struct Cancelled: Error {}
            var comparisons = 0
            do {
                try order.sort { a, b in
                    comparisons &+= 1
                    if comparisons & 0xFFFF == 0 && env.cancel.isCancelled { throw Cancelled() }
                    return less(a, b)
                }
            } catch {
                throw Diagnostic(.runtime, .cancelled)
            }
        }
        return Frame(table: f.table, rows: order.map { rows[$0] })
    }
}

/// One sort key's values for a list of rows, in a form that compares fast.
enum SortColumn {
    /// Integers and dates; `Int64.min` is null.
    case ints([Int64])
    /// Decimals; NaN is null.
    case doubles([Double])
    /// Anything else, compared as values.
    case values([Value])
    /// Text as pool codes (`nullCode` is null) and a weight per code: collation ranks
    /// (`exact`), or for a top-k on a large pool not yet ranked, `StringPool.sortPrefixes`,
    /// where equal weights are settled by full collation keys made for those codes only.
    case text([UInt32], weights: [UInt64], exact: Bool, keys: LazyCollation)
    /// Text as pool codes whose prefixes and full keys are made when first compared: a top-k's
    /// later key, read only where the earlier keys tie.
    case lazyText([UInt32], keys: LazyCollation)

    /// Where a key sits in a sort followed by a limit (a top-k).
    enum TopK { case first, firstDescending, later }

    /// Pools this small are ranked outright: a few milliseconds, and then every comparison
    /// is one lookup.
    static let rankOutright = 65_536

    /// The weights of `pool` for a sort (`topK`: followed by a limit).
    static func text(_ codes: [UInt32], _ pool: StringPool, topK: TopK?, env: Environment) throws(Diagnostic) -> SortColumn {
        if topK != nil && !pool.hasRanks && pool.count > rankOutright {
            if topK == .later && !pool.hasSortPrefixes { return .lazyText(codes, keys: LazyCollation(pool)) }
            // the first key, ascending: floors from each value's first letter, prefixes on demand
            if topK == .first && !pool.hasSortPrefixes { return .lazyText(codes, keys: LazyCollation(pool, floors: pool.sortFloors)) }
            return .text(codes, weights: pool.sortPrefixes, exact: false, keys: LazyCollation(pool))
        }
        let ranks: [UInt32]
        do throws(StringPool.Stopped) {
            ranks = try pool.ranks(stoppingIf: { env.cancel.isCancelled })
        } catch {
            throw Diagnostic(.runtime, .cancelled)
        }
        return .text(codes, weights: ranks.map { UInt64($0) }, exact: true, keys: LazyCollation(pool))
    }

    /// A column read in place when rows are all rows in order (no copy).
    static func direct(_ c: Compiled, topK: TopK?, env: Environment) throws(Diagnostic) -> SortColumn? {
        guard let a = c.access, a.rowMap == nil else { return nil }
        switch a.column.storage {
        case .integer(let arr): return .ints(arr)
        case .decimal(let arr): return .doubles(arr)
        case .text(let codes, let pool): return try text(codes, pool, topK: topK, env: env)
        default: return nil
        }
    }

    static func make(_ c: Compiled, rows: [Int], env: Environment, topK: TopK? = nil) throws(Diagnostic) -> SortColumn {
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
            case .text(let codes, let pool):
                return try text(rows.map { r in at(r).map { codes[$0] } ?? StringPool.nullCode }, pool, topK: topK, env: env)
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
        case .text(let v, let weights, let exact, let keys):
            let x = v[a], y = v[b]
            if x == y { return 0 }
            if x == StringPool.nullCode { return 1 }
            if y == StringPool.nullCode { return -1 }
            let wx = weights[Int(x)], wy = weights[Int(y)]
            if wx != wy { c = wx < wy ? -1 : 1 }
            else if exact { return 0 }
            else {
                c = compareBytes(keys.key(x), keys.key(y))
                if c == 0 { return 0 }
            }
        case .lazyText(let v, let keys):
            let x = v[a], y = v[b]
            if x == y { return 0 }
            if x == StringPool.nullCode { return 1 }
            if y == StringPool.nullCode { return -1 }
            let wx = keys.prefix(x), wy = keys.prefix(y)
            if wx != wy { c = wx < wy ? -1 : 1 }
            else {
                c = compareBytes(keys.key(x), keys.key(y))
                if c == 0 { return 0 }
            }
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
    /// `StringPool.sortFloors`, for a top-k's first key.
    let floors: [UInt64]?
    init(_ pool: StringPool, floors: [UInt64]? = nil) {
        self.pool = pool
        self.floors = floors
    }
    /// `Collation.primaryPrefix` of one value (what `StringPool.sortPrefixes` holds for all),
    /// kept in the pool for later queries.
    @inline(__always)
    func prefix(_ code: UInt32) -> UInt64 { pool.sortPrefix(code) }
    func key(_ code: UInt32) -> [UInt8] {
        if let k = cache[code] { return k }
        let k = pool.withBytes(code) { Collation.key(utf8: $0) }
        cache[code] = k
        return k
    }
}
