import Foundation

/// `where` as whole-column loops. A condition on one column against a constant runs as a
/// tight loop over that column's array (text: a yes/no table over its distinct values);
/// `and` narrows the rows step by step; anything else falls back to the row predicate.
typealias RowFilter = (Frame) throws(Diagnostic) -> [Int32]

/// A condition that is one loop over one column (named, for the plan).
enum ColumnCondition {
    case ints([Int64], BinaryOp, Int64, String)
    case doubles([Double], BinaryOp, Double, String)
    case dates([Int32], BinaryOp, Int32, String)
    /// Rows whose code's entry in the table is 1 (null codes never match). In the check the
    /// table is not built (it is empty).
    case codes([UInt32], [UInt8], String)

    var path: FilterPath {
        switch self {
        case .ints(_, _, _, let c), .doubles(_, _, _, let c), .dates(_, _, _, let c): return .columnLoop(c)
        case .codes(_, _, let c): return .valueTable(c)
        }
    }
}

extension ExprCompiler {
    /// The filter of `e`, and how it runs (for the plan).
    func rowFilter(_ e: Expr) throws(Diagnostic) -> (RowFilter, FilterPath) {
        if case .binary(.and, let l, let r) = e.kind {
            let (a, pa) = try rowFilter(l), (b, pb) = try rowFilter(r)
            var parts: [FilterPath] = []
            for p in [pa, pb] { if case .and(let inner) = p { parts += inner } else { parts.append(p) } }
            return ({ f throws(Diagnostic) in
                let rows = try a(f)
                return try b(Frame(table: f.table, rows: rows))
            }, .and(parts))
        }
        if let c = try columnCondition(e) {
            let env = self.env
            return ({ f throws(Diagnostic) in try Self.run(c, f, env) }, c.path)
        }
        let p = try predicate(e)
        let env = self.env
        return ({ f throws(Diagnostic) in
            var out: [Int32] = []
            let n = f.count
            var i = 0
            while i < n {
                try env.checkCancel()
                let end = Swift.min(n, i + 65536)
                if let rows = f.rows {
                    while i < end { if try p(Int(rows[i])) == .yes { out.append(rows[i]) }; i += 1 }
                } else {
                    while i < end { if try p(i) == .yes { out.append(Int32(i)) }; i += 1 }
                }
            }
            return out
        }, .rowByRow)
    }

    /// The single-column form of `e`, if it has one.
    func columnCondition(_ e: Expr) throws(Diagnostic) -> ColumnCondition? {
        switch e.kind {
        case .binary(let op, let le, let re) where op.isComparison:
            let l0 = try compile(le), r0 = try compile(re)
            try checkComparable(l0, r0, op.rawValue, e.range)
            let flip = l0.constant != nil && r0.constant == nil
            return Self.condition(flip ? r0 : l0, flip ? op.flipped : op, flip ? l0.constant : r0.constant,
                                  checking: env.checking)
        case .binary(let op, let le, let re) where op.isTextMatch:
            let l = try compile(le), r = try compile(re)
            for (c, x) in [(l, le), (r, re)] where c.type != .text && c.type != .null {
                throw error(.type, .textOperatorNeedsText(op: op.rawValue, text: source.slice(x.range), type: c.type), x.range)
            }
            guard let a = l.access, a.rowMap == nil, case .text(let codes, let pool) = a.column.storage,
                  case .text(let needle)? = r.constant else { return nil }
            return .codes(codes, env.checking ? [] : pool.matchTable(op, needle), l.label)
        case .inList(let le, let items, let negated):
            let l = try compile(le)
            guard let a = l.access, a.rowMap == nil, case .text(let codes, let pool) = a.column.storage else { return nil }
            var texts: [String] = []
            for item in items {
                let c = try compile(item)
                try checkComparable(l, c, "in", e.range)
                guard case .text(let s)? = c.constant else { return nil }
                texts.append(s)
            }
            if env.checking { return .codes(codes, [], l.label) }
            var table = [UInt8](repeating: negated ? 1 : 0, count: pool.count)
            for s in texts { for c in FixedWords.codes(pool, equalTo: s, field: a.column.name) { table[Int(c)] = negated ? 0 : 1 } }
            return .codes(codes, table, l.label)
        default:
            return nil
        }
    }

    /// `column op constant` as a loop, when the column is read directly.
    static func condition(_ l: Compiled, _ op: BinaryOp, _ constant: Value?, checking: Bool = false) -> ColumnCondition? {
        guard let a = l.access, a.rowMap == nil, let k = constant else { return nil }
        let storage = a.column.storage
        let name = l.label
        switch k {
        case .null:
            return nil
        case .integer(let x):
            if case .integer(let arr) = storage { return .ints(arr, op, x, name) }
            if case .decimal(let arr) = storage { return .doubles(arr, op, Double(x), name) }
            return nil
        case .decimal(let x):
            if case .decimal(let arr) = storage { return .doubles(arr, op, x, name) }
            return nil
        case .date(let d):
            if case .date(let arr) = storage { return .dates(arr, op, d.days, name) }
            return nil
        case .text(let s):
            guard op == .eq || op == .ne, case .text(let codes, let pool) = storage else { return nil }
            if checking { return .codes(codes, [], name) }
            var table = [UInt8](repeating: op == .eq ? 0 : 1, count: pool.count)
            for c in FixedWords.codes(pool, equalTo: s, field: a.column.name) { table[Int(c)] = op == .eq ? 1 : 0 }
            return .codes(codes, table, name)
        case .boolean:
            return nil
        }
    }

    static func run(_ c: ColumnCondition, _ f: Frame, _ env: Environment) throws(Diagnostic) -> [Int32] {
        switch c {
        case .ints(let arr, let op, let k, _):
            return try scan(arr, f, env) { v in v != Column.nullInteger && holds(op, v < k ? -1 : (v == k ? 0 : 1)) }
        case .doubles(let arr, let op, let k, _):
            return try scan(arr, f, env) { v in !v.isNaN && holds(op, v < k ? -1 : (v == k ? 0 : 1)) }
        case .dates(let arr, let op, let k, _):
            return try scan(arr, f, env) { v in v != Column.nullDate && holds(op, v < k ? -1 : (v == k ? 0 : 1)) }
        case .codes(let codes, let table, _):
            if f.count == 0 { return [] }
            return try table.withUnsafeBufferPointer { t throws(Diagnostic) in
                try scan(codes, f, env) { c in c != StringPool.nullCode && t[Int(c)] == 1 }
            }
        }
    }

    @inline(__always)
    static func scan<T>(_ arr: [T], _ f: Frame, _ env: Environment, _ keep: (T) -> Bool) throws(Diagnostic) -> [Int32] {
        var out: [Int32] = []
        try arr.withUnsafeBufferPointer { a throws(Diagnostic) in
            if let rows = f.rows {
                for (i, r) in rows.enumerated() {
                    if i & 0xFFFF == 0 { try env.checkCancel() }
                    if keep(a[Int(r)]) { out.append(r) }
                }
            } else {
                var i = 0
                let n = a.count
                while i < n {
                    try env.checkCancel()
                    let end = Swift.min(n, i + 65536)
                    while i < end { if keep(a[i]) { out.append(Int32(truncatingIfNeeded: i)) }; i += 1 }
                }
            }
        }
        return out
    }
}

extension StringPool {
    /// A yes/no table over the distinct values for `contains`, `starts with`, `ends with`
    /// and `~` on folded text. `contains` and `~` search the whole folded buffer (`find`) and
    /// map hits back to values, instead of searching value by value.
    func matchTable(_ op: BinaryOp, _ needle: String) -> [UInt8] {
        var table = [UInt8](repeating: 0, count: count)
        guard op == .contains || op == .like else {
            let matcher = ExprCompiler.matcher(op, needle)
            for c in 0..<UInt32(count) where withFolded(c, matcher) { table[Int(c)] = 1 }
            return table
        }
        let folded = Array(VietText.fold(needle).utf8)
        let words = op == .like ? folded.split(separator: 32).map(Array.init) : [folded]
        if words.isEmpty || words.allSatisfy(\.isEmpty) { return [UInt8](repeating: 1, count: count) }
        // `~ "tinh bot nghe"`: the longest word searches the whole buffer, and each next one
        // only the values still in, once they are few (three buffer searches were 63 ms on a
        // million names)
        let ordered = words.sorted { $0.count > $1.count }
        markOccurrences(of: ordered[0], in: &table)
        var kept = table.reduce(0) { $0 + Int($1) }
        for word in ordered.dropFirst() where kept > 0 {
            if kept < count / 8 {
                kept = keepValues(containing: word, in: &table)
            } else {
                var hits = [UInt8](repeating: 0, count: count)
                markOccurrences(of: word, in: &hits)
                kept = 0
                for i in 0..<count { table[i] &= hits[i]; kept += Int(table[i]) }
            }
        }
        return table
    }

    /// Clears the values marked in `table` whose folded text lacks `word`; how many stay.
    private func keepValues(containing word: [UInt8], in table: inout [UInt8]) -> Int {
        var kept = 0
        foldBytes.withUnsafeBufferPointer { hay in
            foldOffsets.withUnsafeBufferPointer { offs in
                word.withUnsafeBufferPointer { w in
                    guard let base = hay.baseAddress else { return }
                    let anchors = w.count >= 2 ? Self.anchors(w) : nil
                    for c in 0..<count where table[c] == 1 {
                        if Self.find(w, in: base, from: Int(offs[c]), total: Int(offs[c + 1]), anchors: anchors) == nil { table[c] = 0 } else { kept += 1 }
                    }
                }
            }
        }
        return kept
    }

    /// First offset ≥ `from` where `w` occurs wholly before `total`. A needle of two bytes or
    /// more tests 16 starting places at once: its two rarest bytes (in folded Vietnamese) are
    /// compared against 16 bytes each, and only places where both match are compared whole
    /// (memchr on one byte stopped at every 'e' of "nghe"). One byte: memchr.
    @inline(__always)
    static func find(_ w: UnsafeBufferPointer<UInt8>, in base: UnsafePointer<UInt8>, from: Int, total: Int,
                     anchors: (Int, Int)? = nil) -> Int? {
        let n = w.count
        guard n >= 2, let needle = w.baseAddress else {
            guard n == 1, from < total, let p = memchr(base + from, Int32(w[0]), total - from) else { return n == 0 ? from : nil }
            return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
        let (j1, j2) = anchors ?? Self.anchors(w)
        let b1 = w[j1], b2 = w[j2]
        let v1 = SIMD16<UInt8>(repeating: b1), v2 = SIMD16<UInt8>(repeating: b2)
        let raw = UnsafeRawPointer(base)
        var i = from
        // a whole block: its last starting place (i + 15) still has room for the needle
        while i + 15 + n <= total {
            let x = raw.loadUnaligned(fromByteOffset: i + j1, as: SIMD16<UInt8>.self)
            let y = raw.loadUnaligned(fromByteOffset: i + j2, as: SIMD16<UInt8>.self)
            // lanes where both bytes match are 0xFF: read as two words, each set byte a place
            let m = unsafeBitCast((x .== v1) .& (y .== v2), to: SIMD2<UInt64>.self)
            if m[0] | m[1] != 0 {
                var bits = m[0], half = 0
                while true {
                    while bits != 0 {
                        let lane = bits.trailingZeroBitCount >> 3
                        if memcmp(base + i + half + lane, needle, n) == 0 { return i + half + lane }
                        bits &= ~(0xFF << UInt64(lane * 8))
                    }
                    if half == 8 { break }
                    bits = m[1]
                    half = 8
                }
            }
            i += 16
        }
        while i + n <= total {
            if base[i + j1] == b1 && base[i + j2] == b2 && memcmp(base + i, needle, n) == 0 { return i }
            i += 1
        }
        return nil
    }

    /// The positions of the two needle bytes least frequent in folded Vietnamese text
    /// (distinct positions; the needle has at least two bytes).
    static func anchors(_ w: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        let first = anchor(w)
        var second = first == 0 ? 1 : 0, bestRank = Int.max
        for (i, b) in w.enumerated() where i != first {
            let rank = rarity(b)
            if rank < bestRank { second = i; bestRank = rank }
        }
        return (first, second)
    }

    /// How common `b` is in folded Vietnamese: 0 for the rarest (bytes not listed).
    @inline(__always)
    static func rarity(_ b: UInt8) -> Int {
        // most common first; a byte not listed is rarer than all of these
        let common: StaticString = " nhaigotcuemdlybrsvkp"
        let p = common.utf8Start
        for i in 0..<common.utf8CodeUnitCount where p[i] == b { return common.utf8CodeUnitCount - i }
        return 0
    }

    /// Index of the needle byte least frequent in folded Vietnamese text.
    static func anchor(_ w: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0, bestRank = Int.max
        for (i, b) in w.enumerated() {
            let rank = rarity(b)
            if rank < bestRank { best = i; bestRank = rank }
        }
        return best
    }

    private func markOccurrences(of word: [UInt8], in hits: inout [UInt8]) {
        guard !word.isEmpty else { for i in 0..<count { hits[i] = 1 }; return }
        foldBytes.withUnsafeBufferPointer { hay in
            foldOffsets.withUnsafeBufferPointer { offs in
                word.withUnsafeBufferPointer { w in
                    guard let base = hay.baseAddress else { return }
                    var pos = 0
                    let total = hay.count
                    let anchors = w.count >= 2 ? Self.anchors(w) : nil
                    while pos + w.count <= total {
                        guard let at = Self.find(w, in: base, from: pos, total: total, anchors: anchors) else { return }
                        // the value holding byte `at`: last offset <= at
                        var lo = 0, hi = offs.count - 1
                        while lo < hi {
                            let mid = (lo + hi + 1) / 2
                            if Int(offs[mid]) <= at { lo = mid } else { hi = mid - 1 }
                        }
                        let end = Int(offs[lo + 1])
                        if at + w.count <= end {
                            hits[lo] = 1
                            pos = end // next value
                        } else {
                            pos = at + 1 // the hit straddles two values
                        }
                    }
                }
            }
        }
    }
}
