/// Conditions: comparisons, text matching, `in`, `between`, `is null`, and/or/not.
/// A condition on one column against a constant compiles to a loop over the column's array
/// (text: a yes/no table over the column's distinct values, built once).
extension ExprCompiler {
    func predicate(_ e: Expr) throws(Diagnostic) -> Predicate {
        switch e.kind {
        case .binary(.and, let l, let r):
            let a = try predicate(l), b = try predicate(r)
            return { i throws(Diagnostic) in
                let x = try a(i)
                if x == .no { return .no }
                return Tri.and(x, try b(i))
            }
        case .binary(.or, let l, let r):
            let a = try predicate(l), b = try predicate(r)
            return { i throws(Diagnostic) in
                let x = try a(i)
                if x == .yes { return .yes }
                return Tri.or(x, try b(i))
            }
        case .not(let inner):
            let p = try predicate(inner)
            return { i throws(Diagnostic) in try p(i).not }
        case .isNull(let inner, let negated):
            let c = try compile(inner)
            if let a = c.access, a.rowMap == nil {
                let col = a.column
                return { i throws(Diagnostic) in Tri(col.isNull(i) != negated) }
            }
            let f = c.eval
            return { i throws(Diagnostic) in Tri(try f(i).isNull != negated) }
        case .binary(let op, let l, let r) where op.isComparison:
            return try comparison(op, l, r, e)
        case .binary(let op, let l, let r) where op.isTextMatch:
            return try textMatch(op, l, r, e)
        case .inList(let inner, let items, let negated):
            let c = try compile(inner)
            var values: [Value] = []
            for item in items {
                let ic = try compile(item)
                try checkComparable(c, ic, "in", e.range)
                guard let v = ic.constant else {
                    throw error(.type, .inListNeedsValues, item.range)
                }
                values.append(v)
            }
            if let a = c.access, case .text = a.column.storage {
                let texts = values.compactMap { if case .text(let s) = $0 { return s } else { return nil } }
                let p = textEquality(a, texts)
                let hasNull = values.contains(.null)
                return { i throws(Diagnostic) in
                    let t = try p(i)
                    if t == .no && hasNull { return negated ? .unknown : .unknown }
                    return negated ? t.not : t
                }
            }
            let f = c.eval
            return { i throws(Diagnostic) in
                let v = try f(i)
                if v.isNull { return .unknown }
                var sawNull = false
                for x in values {
                    guard let cmp = compareValues(v, x) else { sawNull = true; continue }
                    if cmp == 0 { return negated ? .no : .yes }
                }
                return sawNull ? .unknown : (negated ? .yes : .no)
            }
        case .between(let inner, let lo, let hi, let negated):
            let low = try comparison(.ge, inner, lo, e), high = try comparison(.le, inner, hi, e)
            return { i throws(Diagnostic) in
                let t = Tri.and(try low(i), try high(i))
                return negated ? t.not : t
            }
        default:
            let c = try compile(e)
            guard c.type == .boolean || c.type == .null else {
                throw error(.type, .conditionNotBoolean(type: c.type), e.range, help: [.helpCompareIt(text: source.slice(e.range))])
            }
            let f = c.eval
            return { i throws(Diagnostic) in
                switch try f(i) {
                case .boolean(let b): return Tri(b)
                default: return .unknown
                }
            }
        }
    }

    func checkComparable(_ l: Compiled, _ r: Compiled, _ op: String, _ range: SourceRange) throws(Diagnostic) {
        let a = l.type, b = r.type
        if a == .duration || b == .duration {
            // 1 month and 30 days have no order of their own; the dates they lead to do
            throw error(.type, .cannotCompare(left: a, leftText: l.label, right: b, rightText: r.label, op: op), range,
                        help: [.helpCompareDates])
        }
        if a == .null || b == .null || a == b || (a.isNumeric && b.isNumeric) { return }
        var help: [Message] = []
        if (a == .date && b == .text) || (a == .text && b == .date) {
            let textSide = a == .text ? l : r
            if case .text(let s)? = textSide.constant, let d = Day(parsing: s) {
                help.append(.helpDateNoQuotes(date: d.iso))
            } else {
                help.append(.helpDateForm)
            }
        } else if (a.isNumeric && b == .text) || (a == .text && b.isNumeric) {
            let textSide = a == .text ? l : r
            if case .text(let s)? = textSide.constant, Int(s) != nil || Double(s) != nil {
                help.append(.helpNumberNoQuotes(text: s))
            } else if let access = (a == .text ? l : r).access {
                help.append(.helpQuoteText(field: access.column.name))
            }
        }
        throw error(.type, .cannotCompare(left: a, leftText: l.label, right: b, rightText: r.label, op: op), range, help: help)
    }

    func comparison(_ op: BinaryOp, _ le: Expr, _ re: Expr, _ e: Expr) throws(Diagnostic) -> Predicate {
        var l = try compile(le), r = try compile(re)
        var op = op
        try checkComparable(l, r, op.rawValue, e.range)
        // constant on the left: flip so fast paths see column op constant
        if l.constant != nil && r.constant == nil {
            swap(&l, &r)
            op = [.lt: .gt, .le: .ge, .gt: .lt, .ge: .le][op] ?? op
        }
        if let a = l.access, let k = r.constant {
            if k.isNull { return { _ throws(Diagnostic) in .unknown } }
            if let fast = fastCompare(a, op, k) { return fast }
        }
        let lf = l.eval, rf = r.eval
        return { i throws(Diagnostic) in
            guard let c = compareValues(try lf(i), try rf(i)) else { return .unknown }
            return Tri(ExprCompiler.holds(op, c))
        }
    }

    @inline(__always)
    static func holds(_ op: BinaryOp, _ c: Int) -> Bool {
        switch op {
        case .eq: return c == 0
        case .ne: return c != 0
        case .lt: return c < 0
        case .le: return c <= 0
        case .gt: return c > 0
        default: return c >= 0
        }
    }

    /// Column-against-constant loops over the column's own array.
    func fastCompare(_ a: ColumnAccess, _ op: BinaryOp, _ k: Value) -> Predicate? {
        let map = a.rowMap
        switch (a.column.storage, k) {
        case (.integer(let arr), .integer(let x)):
            return Self.loop(arr, map, isNull: { $0 == Column.nullInteger }, op, x)
        case (.integer(let arr), .decimal(let x)):
            let d = arr.map { $0 == Column.nullInteger ? Double.nan : Double($0) }
            return Self.loop(d, map, isNull: { $0.isNaN }, op, x)
        case (.decimal(let arr), _):
            guard let x = k.number else { return nil }
            return Self.loop(arr, map, isNull: { $0.isNaN }, op, x)
        case (.date(let arr), .date(let d)):
            return Self.loop(arr, map, isNull: { $0 == Column.nullDate }, op, d.days)
        case (.text, .text(let s)) where op == .eq || op == .ne:
            let p = textEquality(a, [s])
            return op == .eq ? p : { i throws(Diagnostic) in try p(i).not }
        default:
            return nil
        }
    }

    static func loop<T: Comparable>(_ arr: [T], _ map: [Int32]?, isNull: @escaping (T) -> Bool,
                                    _ op: BinaryOp, _ k: T) -> Predicate {
        func at(_ i: Int) -> T? {
            if let map { let m = map[i]; return m < 0 ? nil : arr[Int(m)] }
            return arr[i]
        }
        switch op {
        case .eq: return { i throws(Diagnostic) in guard let v = at(i), !isNull(v) else { return .unknown }; return Tri(v == k) }
        case .ne: return { i throws(Diagnostic) in guard let v = at(i), !isNull(v) else { return .unknown }; return Tri(v != k) }
        case .lt: return { i throws(Diagnostic) in guard let v = at(i), !isNull(v) else { return .unknown }; return Tri(v < k) }
        case .le: return { i throws(Diagnostic) in guard let v = at(i), !isNull(v) else { return .unknown }; return Tri(v <= k) }
        case .gt: return { i throws(Diagnostic) in guard let v = at(i), !isNull(v) else { return .unknown }; return Tri(v > k) }
        default: return { i throws(Diagnostic) in guard let v = at(i), !isNull(v) else { return .unknown }; return Tri(v >= k) }
        }
    }

    /// `field = "x"` / `in [...]` on a text column: canonical equality decided once per
    /// distinct value ("Hoà" = "Hòa"), then one table lookup per row.
    func textEquality(_ a: ColumnAccess, _ needles: [String]) -> Predicate {
        guard case .text(let codes, let pool) = a.column.storage else { fatalError("textEquality on non-text column") }
        var table = [UInt8](repeating: 0, count: pool.count)
        // a fixed word of the data may be written in Vietnamese: status = "hết hạn" (FixedWords.swift)
        for s in needles { for c in FixedWords.codes(pool, equalTo: s, field: a.column.name) { table[Int(c)] = 1 } }
        return Self.codeLookup(codes, a.rowMap, table)
    }

    static func codeLookup(_ codes: [UInt32], _ map: [Int32]?, _ table: [UInt8]) -> Predicate {
        if let map {
            return { i throws(Diagnostic) in
                let m = map[i]
                if m < 0 { return .unknown }
                let c = codes[Int(m)]
                return c == StringPool.nullCode ? .unknown : Tri(rawValue: table[Int(c)])!
            }
        }
        return { i throws(Diagnostic) in
            let c = codes[i]
            return c == StringPool.nullCode ? .unknown : (table[Int(c)] == 1 ? .yes : .no)
        }
    }

    /// `contains`, `starts with`, `ends with`, `~`: on folded text (case, tones, marks and đ
    /// ignored). `~` matches when every word of the pattern occurs in the value.
    func textMatch(_ op: BinaryOp, _ le: Expr, _ re: Expr, _ e: Expr) throws(Diagnostic) -> Predicate {
        let l = try compile(le), r = try compile(re)
        for (c, x) in [(l, le), (r, re)] where c.type != .text && c.type != .null {
            throw error(.type, .textOperatorNeedsText(op: op.rawValue, text: source.slice(x.range), type: c.type), x.range)
        }
        if case .text(let needle)? = r.constant, let a = l.access, case .text(let codes, let pool) = a.column.storage {
            // the one-buffer search the where filter uses (StringPool.matchTable)
            return Self.codeLookup(codes, a.rowMap, pool.matchTable(op, needle))
        }
        let lf = l.eval, rf = r.eval
        return { i throws(Diagnostic) in
            guard case .text(let hay) = try lf(i), case .text(let needle) = try rf(i) else { return .unknown }
            let folded = Array(VietText.fold(hay).utf8)
            return Tri(folded.withUnsafeBufferPointer(Self.matcher(op, needle)))
        }
    }

    static func matcher(_ op: BinaryOp, _ needle: String) -> (UnsafeBufferPointer<UInt8>) -> Bool {
        let n = Array(VietText.fold(needle).utf8)
        switch op {
        case .startsWith:
            return { h in h.count >= n.count && zip(h, n).allSatisfy { $0 == $1 } }
        case .endsWith:
            return { h in h.count >= n.count && zip(h[(h.count - n.count)...], n).allSatisfy { $0 == $1 } }
        case .like:
            let words = n.split(separator: 32).map(Array.init)
            return { h in words.allSatisfy { bytesContain(h, $0) } }
        default:
            return { h in bytesContain(h, n) }
        }
    }
}

/// Order of two values of comparable types; nil when either is null.
func compareValues(_ a: Value, _ b: Value) -> Int? {
    switch (a, b) {
    case (.null, _), (_, .null): return nil
    case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.date(let x), .date(let y)): return x.days < y.days ? -1 : (x.days == y.days ? 0 : 1)
    case (.text(let x), .text(let y)):
        if x == y || VietText.canonical(x) == VietText.canonical(y) { return 0 }
        return compareBytes(Collation.key(x), Collation.key(y))
    case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (!x ? -1 : 1)
    default:
        guard let x = a.number, let y = b.number else { return nil }
        return x < y ? -1 : (x == y ? 0 : 1)
    }
}
