import Foundation
@testable import OCOPKit

/// Random statements over the products/producers schema, each written twice: in ocop and as
/// the SQL that means the same (DifferentialTests runs both and compares).
///
/// Clauses apply left to right, so each clause becomes one SQL level wrapping the previous
/// one, and every level carries an `ord` column: the row order ocop promises (file order;
/// a sort keeps ties in the order before it). The final level orders by `ord`, which makes
/// every ordered result comparable row by row.
///
/// Left out on purpose (Vietnamese semantics SQLite does not have; see DifferentialTests):
/// folded matching (`contains`, `~`, `starts with` on Vietnamese text), canonical `=` between
/// tone-placement variants ("Hoà" = "Hòa"), and Vietnamese collation (text sort keys, text
/// `<`, min/max of text) — text is ordered or matched only on ASCII id columns, text `=`
/// only against values with no variant spelling in the dataset, and groups with text keys
/// are compared as multisets.
struct DiffGenerator {
    var rng: SplitMix
    let data: DiffSchema
    /// Numbers fresh column names (a1, a2, …) within a statement.
    var serial = 0

    init(seed: UInt64, data: DiffSchema) {
        rng = SplitMix(state: seed)
        self.data = data
    }

    // MARK: random helpers

    mutating func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) / Double(1 << 53) < p }
    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }

    /// A keyword, now and then in another case (keywords are case-insensitive).
    mutating func kw(_ k: String) -> String {
        if chance(0.04) { return k.uppercased() }
        if chance(0.02) { return k.prefix(1).uppercased() + k.dropFirst() }
        return k
    }

    // MARK: statements

    /// One statement: ocop text, SQL, and whether row order is part of the answer.
    mutating func statement() -> DiffCase {
        let base = chance(0.75) ? data.products : data.producers
        var b = Builder(base: base)
        var o = base.name
        var named = false
        let steps = pick([0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5])
        for step in 0..<steps {
            // `let v = …` then `v …`: the same rows through a variable
            if step > 0, !named, chance(0.06) {
                o = "let v = \(o)\(chance(0.5) ? "\n" : "; ")v"
                named = true
            }
            switch int(0...99) {
            case 0..<32:
                let c = condition(b.scope(), depth: int(0...3))
                o += clause("where") + " " + c.o
                b.whereLevel(c)
            case 32..<50:
                o += sortClause(&b)
                if chance(0.6), b.ordered { o += limitClause(&b) }
            case 50..<58 where b.ordered:
                o += limitClause(&b)
            case 58..<72:
                o += selectClause(&b)
            // distinct merges "Liêm Thuỷ" and "Liêm Thủy" (canonical equality), SQL does not
            case 72..<76 where !b.isBase && !b.visible.contains(where: { $0.text == .ambiguous }):
                o += clause("distinct")
                b.distinctLevel()
            case 76..<94:
                o += groupClause(&b)
            case 94..<100:
                o += aggregateSelect(&b)
            default:
                let c = condition(b.scope(), depth: int(0...2))
                o += clause("where") + " " + c.o
                b.whereLevel(c)
            }
        }
        if chance(0.12) {
            o += clause("count")
            return DiffCase(ocop: o, sql: b.countSQL(), ordered: true, names: nil)
        }
        return DiffCase(ocop: o, sql: b.finalSQL(), ordered: b.ordered, names: b.names)
    }

    /// A clause keyword, usually after a space, sometimes at the start of a new line (a line
    /// that starts with a clause keyword continues the statement).
    mutating func clause(_ k: String) -> String {
        (chance(0.08) ? "\n" : " ") + kw(k)
    }

    // MARK: clauses

    mutating func sortClause(_ b: inout Builder) -> String {
        let s = b.scope()
        var keys: [(GExpr, Bool)] = []
        let n = int(1...3)
        for _ in 0..<n {
            if let k = sortKey(s) { keys.append((k, chance(0.4))) }
        }
        // a total order: the id last, when there is one (ties keep the previous order anyway)
        if let id = s.referable.first(where: { $0.name == "id" }), chance(0.7) {
            keys.append((col(id), chance(0.3)))
        }
        if keys.isEmpty, let any = s.referable.first(where: { $0.t != .text || $0.text == .ascii }) {
            keys.append((col(any), false))
        }
        if keys.isEmpty { return "" }
        b.sortLevel(keys.map { (Self.asKey($0.0), $0.1) })
        // a Vietnamese text key (or ties kept from an order SQL does not share): compare as a multiset
        if keys.contains(where: { k, _ in k.t == .text && !k.asciiOrdered }) { b.ordered = false }
        let by = kw("by")
        return clause(chance(0.1) ? "order" : "sort") + " \(by) " + keys.map { k, desc in
            k.o + (desc ? " " + kw("desc") : (chance(0.2) ? " " + kw("asc") : ""))
        }.joined(separator: ", ")
    }

    /// A bare number in ORDER BY / GROUP BY is a column position in SQL: make it an expression.
    static func asKey(_ e: GExpr) -> GExpr {
        var e = e
        if Double(e.s.filter { !"() ".contains($0) }) != nil { e.s = "(\(e.s) + 0)" }
        return e
    }

    mutating func sortKey(_ s: Scope) -> GExpr? {
        switch int(0...9) {
        case 0..<5:
            let cols = s.referable.filter { $0.t != .text || $0.text == .ascii || chance(0.1) }
            return cols.isEmpty ? nil : col(pick(cols))
        case 5..<8 where s.has(.int) || s.has(.real):
            return numeric(s, depth: 1)
        case 8 where s.has(.date):
            return date(s, depth: 1)
        default:
            let cols = s.referable.filter { $0.t == .bool }
            return cols.isEmpty ? nil : col(pick(cols))
        }
    }

    mutating func limitClause(_ b: inout Builder) -> String {
        let n = pick([0, 1, 2, 3, 5, 10, 20, 50, 1000])
        // (`limit 5 offset 2` is one clause, so an offset clause never directly follows a limit)
        if chance(0.15), !b.lastWasLimit {
            let off = int(0...30)
            b.limitLevel(nil, off)
            return clause("offset") + " \(off)"
        }
        if chance(0.3) {
            let off = pick([0, 1, 3, 10, 100])
            b.limitLevel(n, off)
            return clause("limit") + " \(n) \(kw("offset")) \(off)"
        }
        b.limitLevel(n, 0)
        return clause("limit") + " \(n)"
    }

    /// `select a, b as x, …`: columns and row expressions.
    mutating func selectClause(_ b: inout Builder) -> String {
        let s = b.scope()
        var items: [(GExpr, String)] = []
        var names = Set<String>()
        for i in 0..<int(1...4) {
            let e: GExpr
            var name: String
            switch int(0...9) {
            case 0..<4:
                e = anyColumn(s)
                name = e.columnName ?? "c\(i)"
            case 4..<6 where s.has(.int) || s.has(.real): e = numeric(s, depth: int(0...2)); name = "c\(i)"
            case 6 where s.has(.date): e = date(s, depth: 1); name = "c\(i)"
            case 7: e = condition(s, depth: 1); name = "c\(i)"
            case 8 where s.has(.text): e = text(s); name = "c\(i)"
            default:
                e = anyColumn(s)
                name = e.columnName ?? "c\(i)"
            }
            if names.contains(name) { continue }
            // a column keeps its name; an expression is named with as (its label is its text)
            if case .column = e.shape, name == e.o {
                if chance(0.15) { name = "c\(i)" }
            }
            if names.contains(name) { continue }
            names.insert(name)
            items.append((e, name))
        }
        b.selectLevel(items)
        return clause("select") + " " + items.map { e, name in
            name == e.o ? e.o : "\(e.o) \(kw("as")) \(name)"
        }.joined(separator: ", ")
    }

    /// `group by …` then `count`, or `select` with aggregates (then where / sort / limit).
    mutating func groupClause(_ b: inout Builder) -> String {
        let s = b.scope()
        var keys: [GExpr] = []
        var seen = Set<String>()
        for _ in 0..<(chance(0.7) ? 1 : 2) {
            let k = Self.asKey(groupKey(s))
            if seen.insert(k.o).inserted { keys.append(k) }
        }
        var o = clause("group") + " \(kw("by")) " + keys.map(\.o).joined(separator: ", ")
        if chance(0.35) {
            b.groupCountLevel(keys)
            o += clause("count")
        } else {
            var items: [(GExpr, String)] = []
            var names = Set<String>()
            for (i, k) in keys.enumerated() where chance(0.8) {
                let name: String
                if case .column(let c) = k.shape, !c.name.contains(".") { name = c.name } else { name = "k\(i)" }
                if names.insert(name).inserted { items.append((k, name)) }
            }
            for _ in 0..<int(1...3) {
                serial += 1
                let name = "a\(serial)"
                names.insert(name)
                items.append((aggregate(s, keys: keys), name))
            }
            b.groupSelectLevel(keys, items)
            o += clause("select") + " " + items.map { e, name in name == e.o ? e.o : "\(e.o) \(kw("as")) \(name)" }.joined(separator: ", ")
        }
        // groups come in key order, whatever the order before
        b.ordered = !keys.contains { $0.t == .text && !$0.asciiOrdered }
        return o
    }

    mutating func groupKey(_ s: Scope) -> GExpr {
        let cols = (s.referable + s.hidden).filter { c in
            c.t == .int || c.t == .date || c.t == .bool || (c.t == .text && c.text != .ambiguous) || (c.t == .real && c.lowCardinality)
        }
        switch int(0...9) {
        case 0..<7 where !cols.isEmpty:
            return col(pick(cols))
        case 7 where s.has(.date):
            let d = col(pick((s.referable + s.hidden).filter { $0.t == .date }))
            let f = pick(["year", "month"])
            return GExpr(o: "\(f)(\(d.o))", s: Self.datePart(f, d.s), t: .int, p: Prec.primary)
        case 8 where s.has(.int):
            return comparison(s, type: .int)
        default:
            return cols.isEmpty ? numeric(s, depth: 0) : col(pick(cols))
        }
    }

    /// An aggregate over the rows of a group (or of the whole table).
    mutating func aggregate(_ s: Scope, keys: [GExpr]) -> GExpr {
        func agg(_ f: String, _ arg: GExpr?) -> GExpr {
            guard let arg else { return GExpr(o: "\(kw(f))()", s: "count(*)", t: .int, p: Prec.primary) }
            let t: DType = f == "count" ? .int : f == "avg" ? .real : f == "sum" ? (arg.t == .int ? .int : .real) : arg.t
            return GExpr(o: "\(f)(\(arg.o))", s: "\(f)(\(arg.s))", t: t, p: Prec.primary)
        }
        switch int(0...11) {
        case 0..<3: return agg("count", nil)
        case 3: return agg("count", pick([anyColumn(s), numeric(s, depth: 1)]))
        case 4..<6: return agg("sum", numeric(s, depth: int(0...1)))
        case 6: return agg("avg", numeric(s, depth: int(0...1)))
        case 7..<9:
            let f = pick(["min", "max"])
            var args = [numeric(s, depth: int(0...1))]
            if s.has(.date) { args.append(date(s, depth: int(0...1))) }
            if let id = s.referable.first(where: { $0.text == .ascii }) { args.append(col(id)) }
            return agg(f, pick(args))
        case 9:
            // arithmetic over aggregates
            let a = agg("sum", numeric(s, depth: 0)), c = agg("count", nil)
            return GExpr(o: "\(a.o) / \(c.o)", s: "(CAST(\(a.s) AS REAL) / \(c.s))", t: .real, p: Prec.term)
        case 10:
            let nums = s.referable.filter { $0.t == .int || $0.t == .real } + s.hidden.filter { $0.t == .int }
            guard !nums.isEmpty else { return agg("count", nil) }
            let x = col(pick(nums))
            let a = agg("max", x), c = agg("min", x)
            return GExpr(o: "\(a.o) - \(c.o)", s: "(\(a.s) - \(c.s))", t: x.t, p: Prec.additive)
        default:
            // a group key used inside an expression
            if let k = keys.first(where: { $0.t == .int }) {
                return GExpr(o: "\(wrap(k, Prec.additive)) + 1", s: "(\(k.s) + 1)", t: .int, p: Prec.additive)
            }
            return agg("count", nil)
        }
    }

    /// `select count() as n, avg(score) as a` over the whole (filtered) table: one row.
    mutating func aggregateSelect(_ b: inout Builder) -> String {
        let s = b.scope()
        var items: [(GExpr, String)] = []
        for _ in 0..<int(1...3) { serial += 1; items.append((aggregate(s, keys: []), "a\(serial)")) }
        b.aggregateLevel(items)
        b.ordered = true
        return clause("select") + " " + items.map { "\($0.0.o) \(kw("as")) \($0.1)" }.joined(separator: ", ")
    }

    // MARK: expressions

    /// Any column in scope (a literal when there is none to name).
    mutating func anyColumn(_ s: Scope) -> GExpr {
        let cols = s.referable + s.hidden
        return cols.isEmpty ? numberLiteral(like: nil) : col(pick(cols))
    }

    func col(_ c: GCol) -> GExpr {
        GExpr(o: c.name, s: c.sql, t: c.t, p: Prec.primary, shape: .column(c))
    }

    /// `e` as an operand that needs at least precedence `min` (ocop), sometimes with spare
    /// parentheses to exercise the parser.
    mutating func wrap(_ e: GExpr, _ min: Int) -> String {
        if e.p < min { return "(\(e.o))" }
        if chance(0.03), e.p < Prec.primary { return "(\(e.o))" }
        return e.o
    }

    /// A condition: comparisons, null tests, in, between, and/or/not.
    mutating func condition(_ s: Scope, depth: Int) -> GExpr {
        let e: GExpr
        if depth <= 0 || chance(0.25) {
            e = atom(s)
        } else {
            switch int(0...9) {
            case 0..<4:
                let a = condition(s, depth: depth - 1), c = condition(s, depth: depth - 1)
                e = GExpr(o: "\(wrap(a, Prec.and)) \(kw("and")) \(wrap(c, Prec.not))", s: "(\(a.s) AND \(c.s))", t: .bool, p: Prec.and)
            case 4..<8:
                let a = condition(s, depth: depth - 1), c = condition(s, depth: depth - 1)
                e = GExpr(o: "\(wrap(a, Prec.or)) \(kw("or")) \(wrap(c, Prec.and))", s: "(\(a.s) OR \(c.s))", t: .bool, p: Prec.or)
            default:
                let a = condition(s, depth: depth - 1)
                e = GExpr(o: "\(kw("not")) \(wrap(a, Prec.not))", s: "(NOT \(a.s))", t: .bool, p: Prec.not)
            }
        }
        return e
    }

    mutating func atom(_ s: Scope) -> GExpr {
        for _ in 0..<20 {
            switch int(0...99) {
            case 0..<22 where s.has(.int) || s.has(.real): return comparison(s, type: .int)
            case 22..<34 where s.has(.date): return comparison(s, type: .date)
            case 34..<48 where s.equatableText.count > 0: return textEquality(s)
            case 48..<54 where s.asciiText.count > 0: return asciiText(s)
            case 54..<64: return nullTest(s)
            case 64..<72: return inList(s)
            case 72..<78: return between(s)
            case 78..<81 where s.has(.bool): return boolColumn(s)
            case 81..<83:
                let v = pick(["true", "false", "null"])
                return GExpr(o: kw(v), s: v.uppercased(), t: .bool, p: Prec.primary)
            case 83..<86:
                // a condition compared with a boolean
                let c = comparison(s, type: .int)
                let v = pick(["true", "false"])
                let op = pick(["=", "!="])
                return GExpr(o: "(\(c.o)) \(op) \(kw(v))", s: "(\(c.s) \(op) \(v.uppercased()))", t: .bool, p: Prec.predicate)
            case 86..<92 where s.relations: return relationComparison(s)
            case 92..<96: return subqueryComparison(s)
            default: continue
            }
        }
        return nullTest(s)
    }

    static let compareOps: [(String, String)] = [("=", "="), ("==", "="), ("!=", "<>"), ("<>", "<>"), ("<", "<"), ("<=", "<="), (">", ">"), (">=", ">=")]

    /// `a op b` on numbers (type .int) or dates (type .date).
    mutating func comparison(_ s: Scope, type: DType) -> GExpr {
        let (oo, so) = pick(Self.compareOps)
        var l: GExpr, r: GExpr
        if type == .date {
            l = date(s, depth: int(0...1))
            r = chance(0.6) ? dateLiteral() : date(s, depth: int(0...1))
        } else {
            l = numeric(s, depth: int(0...2))
            r = chance(0.6) ? numberLiteral(like: l) : numeric(s, depth: int(0...1))
        }
        if chance(0.2) { swap(&l, &r) }
        return GExpr(o: "\(wrap(l, Prec.additive)) \(oo) \(wrap(r, Prec.additive))", s: "(\(l.s) \(so) \(r.s))", t: .bool, p: Prec.predicate)
    }

    /// `province = "Bắc Kạn"`, `province != producer.province`, `district in […]`.
    mutating func textEquality(_ s: Scope) -> GExpr {
        let c = pick(s.equatableText)
        let ce = col(c)
        let (oo, so) = pick([("=", "="), ("!=", "<>"), ("<>", "<>"), ("==", "=")])
        if chance(0.15), c.text != .ambiguous {
            let others = s.equatableText.filter { $0.text != .ambiguous && $0.name != c.name }
            if !others.isEmpty {
                let d = col(pick(others))
                return GExpr(o: "\(ce.o) \(oo) \(d.o)", s: "(\(ce.s) \(so) \(d.s))", t: .bool, p: Prec.predicate)
            }
        }
        let v = textConstant(c)
        if chance(0.15) {
            return GExpr(o: "\(v.o) \(oo) \(ce.o)", s: "(\(v.s) \(so) \(ce.s))", t: .bool, p: Prec.predicate)
        }
        return GExpr(o: "\(ce.o) \(oo) \(v.o)", s: "(\(ce.s) \(so) \(v.s))", t: .bool, p: Prec.predicate)
    }

    /// A value of text column `c` with no variant spelling, or one that is not there at all.
    mutating func textConstant(_ c: GCol) -> GExpr {
        let v: String
        if c.values.isEmpty || chance(0.1) { v = pick(["Không có", "zzz", "SP9999999", "Hòa Bình Mới"]) }
        else { v = pick(c.values) }
        return Self.textLiteral(v)
    }

    static func textLiteral(_ v: String) -> GExpr {
        let o = "\"" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let s = "'" + v.replacingOccurrences(of: "'", with: "''") + "'"
        return GExpr(o: o, s: s, t: .text, p: Prec.primary)
    }

    /// Order and matching on ASCII id columns, where Vietnamese rules change nothing.
    mutating func asciiText(_ s: Scope) -> GExpr {
        let c = pick(s.asciiText)
        let ce = col(c)
        let v = c.values.isEmpty ? "SP0001" : pick(c.values)
        switch int(0...5) {
        case 0, 1:
            let (oo, so) = pick(Array(Self.compareOps[4...]))
            let lit = Self.textLiteral(v)
            return GExpr(o: "\(ce.o) \(oo) \(lit.o)", s: "(\(ce.s) \(so) \(lit.s))", t: .bool, p: Prec.predicate)
        case 2:
            // a piece of the value, in any case (matching ignores case)
            let chars = Array(v)
            let a = int(0...max(0, chars.count - 2)), n = int(1...max(1, min(3, chars.count - a)))
            var needle = String(chars[a..<min(chars.count, a + n)])
            if chance(0.5) { needle = needle.lowercased() }
            let lit = Self.textLiteral(needle)
            let neg = chance(0.2)
            let sql = "(instr(lower(\(ce.s)), lower(\(lit.s))) > 0)"
            return GExpr(o: "\(ce.o) \(neg ? kw("not") + " " : "")\(kw("contains")) \(lit.o)", s: neg ? "(NOT \(sql))" : sql, t: .bool, p: Prec.predicate)
        case 3:
            let needle = String(v.prefix(int(1...max(1, v.count))))
            let lit = Self.textLiteral(chance(0.3) ? needle.lowercased() : needle)
            return GExpr(o: "\(ce.o) \(kw("starts")) \(kw("with")) \(lit.o)",
                         s: "(substr(lower(\(ce.s)), 1, \(needle.utf8.count)) = lower(\(lit.s)))", t: .bool, p: Prec.predicate)
        case 4:
            let needle = String(v.suffix(int(1...max(1, v.count))))
            let lit = Self.textLiteral(needle)
            return GExpr(o: "\(ce.o) \(kw("ends")) \(kw("with")) \(lit.o)",
                         s: "(substr(lower(\(ce.s)), -\(needle.utf8.count)) = lower(\(lit.s)))", t: .bool, p: Prec.predicate)
        default:
            let f = pick(["lower", "upper", "length"])
            if f == "length" {
                let n = v.count + int(-1...1)
                let (oo, so) = pick(Self.compareOps)
                return GExpr(o: "length(\(ce.o)) \(oo) \(n)", s: "(length(\(ce.s)) \(so) \(n))", t: .bool, p: Prec.predicate)
            }
            let lit = Self.textLiteral(f == "lower" ? v.lowercased() : v.uppercased())
            return GExpr(o: "\(f)(\(ce.o)) = \(lit.o)", s: "(\(f)(\(ce.s)) = \(lit.s))", t: .bool, p: Prec.predicate)
        }
    }

    mutating func nullTest(_ s: Scope) -> GExpr {
        var e = anyColumn(s)
        if chance(0.25), s.has(.int) || s.has(.real) { e = numeric(s, depth: 1) }
        else if chance(0.1), s.has(.date) { e = date(s, depth: 1) }
        let neg = chance(0.5)
        return GExpr(o: "\(wrap(e, Prec.additive)) \(kw("is"))\(neg ? " " + kw("not") : "") \(kw("null"))",
                     s: "(\(e.s) IS \(neg ? "NOT " : "")NULL)", t: .bool, p: Prec.predicate)
    }

    mutating func inList(_ s: Scope) -> GExpr {
        let e: GExpr
        var items: [GExpr] = []
        let n = int(0...4)
        switch int(0...2) {
        case 0 where !s.equatableText.isEmpty:
            let c = pick(s.equatableText)
            e = col(c)
            for _ in 0..<max(1, n) { items.append(textConstant(c)) }
        case 1 where s.has(.date):
            e = date(s, depth: 0)
            for _ in 0..<max(1, n) { items.append(dateLiteral()) }
        default:
            e = s.has(.int) || s.has(.real) ? numeric(s, depth: int(0...1)) : GExpr(o: "1", s: "1", t: .int, p: Prec.primary)
            for _ in 0..<max(1, n) { items.append(numberLiteral(like: e)) }
        }
        if chance(0.15) { items.insert(GExpr(o: kw("null"), s: "NULL", t: .int, p: Prec.primary), at: int(0...items.count)) }
        let neg = chance(0.3)
        let round = chance(0.2)
        return GExpr(o: "\(wrap(e, Prec.additive)) \(neg ? kw("not") + " " : "")\(kw("in")) \(round ? "(" : "[")\(items.map(\.o).joined(separator: ", "))\(round ? ")" : "]")",
                     s: "(\(e.s) \(neg ? "NOT " : "")IN (\(items.map(\.s).joined(separator: ", "))))", t: .bool, p: Prec.predicate)
    }

    mutating func between(_ s: Scope) -> GExpr {
        let e: GExpr, lo: GExpr, hi: GExpr
        if chance(0.3), s.has(.date) {
            e = date(s, depth: 0); lo = dateLiteral(); hi = dateLiteral()
        } else if chance(0.2), let c = s.asciiText.first, !c.values.isEmpty {
            e = col(c); lo = Self.textLiteral(pick(c.values)); hi = Self.textLiteral(pick(c.values))
        } else if s.has(.int) || s.has(.real) {
            e = numeric(s, depth: int(0...1)); lo = numberLiteral(like: e); hi = numberLiteral(like: e)
        } else {
            return nullTest(s)
        }
        let neg = chance(0.3)
        return GExpr(o: "\(wrap(e, Prec.additive)) \(neg ? kw("not") + " " : "")\(kw("between")) \(wrap(lo, Prec.additive)) \(kw("and")) \(wrap(hi, Prec.additive))",
                     s: "(\(e.s) \(neg ? "NOT " : "")BETWEEN \(lo.s) AND \(hi.s))", t: .bool, p: Prec.predicate)
    }

    mutating func boolColumn(_ s: Scope) -> GExpr {
        let c = col(pick(s.referable.filter { $0.t == .bool }))
        if chance(0.5) { return c }
        let v = pick(["true", "false"])
        return GExpr(o: "\(c.o) = \(kw(v))", s: "(\(c.s) = \(v.uppercased()))", t: .bool, p: Prec.predicate)
    }

    /// On producers: `count(products …) >= 2`, `max(products.score) > 80`.
    mutating func relationComparison(_ s: Scope) -> GExpr {
        let agg = relationAggregate(s)
        let (oo, so) = pick(Self.compareOps)
        let k = agg.t == .int ? "\(int(0...4))" : "\(int(50...95))"
        return GExpr(o: "\(agg.o) \(oo) \(k)", s: "(\(agg.s) \(so) \(k))", t: .bool, p: Prec.predicate)
    }

    mutating func relationAggregate(_ s: Scope) -> GExpr {
        let outer = s.outerAlias
        let link = "FROM products q WHERE q.producer_id = \(outer).\"id\""
        switch int(0...4) {
        case 0, 1:
            return GExpr(o: "\(kw("count"))(products)", s: "(SELECT count(*) \(link))", t: .int, p: Prec.primary)
        case 2:
            var inner = data.products.scope(alias: "q")
            inner.hidden = []
            inner.relations = false
            inner.subqueries = false
            let c = condition(inner, depth: int(0...1))
            return GExpr(o: "\(kw("count"))(products \(kw("where")) \(c.o))", s: "(SELECT count(*) \(link) AND \(c.s))", t: .int, p: Prec.primary)
        default:
            let f = pick(["sum", "min", "max", "avg", "count"])
            let field = pick(["stars", "score"] + (data.products.columns.contains { $0.name == "price_vnd" } ? ["price_vnd"] : []))
            let t: DType = f == "count" ? .int : f == "avg" ? .real : (field == "score" ? .real : .int)
            return GExpr(o: "\(f)(products.\(field))", s: "(SELECT \(f)(q.\"\(field)\") \(link))", t: t, p: Prec.primary)
        }
    }

    /// `score > (products select avg(score) as a)`, `stars < (products where … count)`.
    mutating func subqueryComparison(_ s: Scope) -> GExpr {
        guard s.subqueries, s.has(.int) || s.has(.real) else { return nullTest(s) }
        // a table name that is not a relation of the scope (a relation would need count(…))
        let table = s.relations ? data.producers : data.products
        var inner = table.scope(alias: "u")
        inner.relations = false
        inner.subqueries = false
        inner.hidden = []
        let sub: GExpr
        if chance(0.5) {
            let c = condition(inner, depth: 1)
            sub = GExpr(o: "(\(table.name) \(kw("where")) \(c.o) \(kw("count")))", s: "(SELECT count(*) FROM \(table.sqlName) u WHERE \(c.s))", t: .int, p: Prec.primary)
        } else {
            let numericCols = inner.referable.filter { $0.t == .int || $0.t == .real }
            if numericCols.isEmpty {
                sub = GExpr(o: "(\(table.name) \(kw("count")))", s: "(SELECT count(*) FROM \(table.sqlName) u)", t: .int, p: Prec.primary)
            } else {
                let c = col(pick(numericCols))
                let f = pick(["avg", "min", "max", "sum"])
                sub = GExpr(o: "(\(table.name) \(kw("select")) \(f)(\(c.o)) \(kw("as")) v)", s: "(SELECT \(f)(\(c.s)) FROM \(table.sqlName) u)",
                            t: f == "avg" ? .real : c.t, p: Prec.primary)
            }
        }
        let l = numeric(s, depth: 0)
        let (oo, so) = pick(Self.compareOps)
        return GExpr(o: "\(wrap(l, Prec.additive)) \(oo) \(sub.o)", s: "(\(l.s) \(so) \(sub.s))", t: .bool, p: Prec.predicate)
    }

    /// A number: columns, literals, + - * / %, unary minus, abs, round, year(…), date differences.
    mutating func numeric(_ s: Scope, depth: Int) -> GExpr {
        let cols = (s.referable + s.hidden).filter { $0.t == .int || $0.t == .real }
        if depth <= 0 || chance(0.3) {
            if cols.isEmpty || chance(0.15) { return numberLiteral(like: nil) }
            return col(pick(cols))
        }
        switch int(0...19) {
        case 0..<4:
            let (op, p) = pick([("+", Prec.additive), ("-", Prec.additive), ("*", Prec.term)])
            let a = numeric(s, depth: depth - 1)
            // a product's right side stays small, so whole numbers never overflow (ocop
            // reports overflow; SQLite turns to floating point)
            let small = cols.filter { !$0.big }
            let b = op != "*" ? numeric(s, depth: depth - 1)
                : (small.isEmpty || chance(0.5) ? GExpr(o: "\(int(0...100))", s: "", t: .int, p: Prec.primary) : col(pick(small)))
                .filled()
            let t: DType = a.t == .int && b.t == .int ? .int : .real
            let l = wrap(a, p), r = wrap(b, p + 1)
            return GExpr(o: "\(l) \(op) \(r)", s: "(\(a.s) \(op) \(b.s))", t: t, p: p)
        case 4..<7:
            // division: by a non-zero constant, or by stars (1–5 or null)
            let a = numeric(s, depth: depth - 1)
            var d = numberLiteral(like: nil, nonZero: true)
            if chance(0.3), let st = cols.first(where: { $0.name == "stars" }) { d = col(st) }
            return GExpr(o: "\(wrap(a, Prec.term)) / \(wrap(d, Prec.unary))", s: "(CAST(\(a.s) AS REAL) / \(d.s))", t: .real, p: Prec.term)
        case 7:
            let a = numeric(s, depth: depth - 1)
            let d = numberLiteral(like: nil, nonZero: true)
            let sql = a.t == .int && d.t == .int ? "(\(a.s) % \(d.s))" : "mod(\(a.s), \(d.s))"
            return GExpr(o: "\(wrap(a, Prec.term)) % \(wrap(d, Prec.unary))", s: sql, t: a.t == .int && d.t == .int ? .int : .real, p: Prec.term)
        case 8:
            let a = numeric(s, depth: depth - 1)
            let inner = wrap(a, Prec.unary)
            return GExpr(o: "-" + (inner.hasPrefix("-") ? " " : "") + inner, s: "(- \(a.s))", t: a.t, p: Prec.unary)
        case 9:
            let a = numeric(s, depth: depth - 1)
            return GExpr(o: "abs(\(a.o))", s: "abs(\(a.s))", t: a.t, p: Prec.primary)
        case 10:
            let a = numeric(s, depth: depth - 1)
            if chance(0.5) {
                return GExpr(o: "round(\(a.o))", s: "round(\(a.s))", t: a.t, p: Prec.primary)
            }
            let digits = int(0...2)
            return GExpr(o: "round(\(a.o), \(digits))", s: "round(\(a.s), \(digits))", t: digits == 0 ? a.t : .real, p: Prec.primary)
        case 11..<13 where s.has(.date):
            let d = date(s, depth: 0)
            let f = pick(["year", "month", "day"])
            return GExpr(o: "\(f)(\(d.o))", s: Self.datePart(f, d.s), t: .int, p: Prec.primary)
        case 13 where s.has(.date):
            let a = date(s, depth: 0), b = date(s, depth: 0)
            return GExpr(o: "\(wrap(a, Prec.additive)) - \(wrap(b, Prec.term))", s: "CAST(julianday(\(a.s)) - julianday(\(b.s)) AS INTEGER)", t: .int, p: Prec.additive)
        case 14 where s.has(.date):
            let a = date(s, depth: 0), b = date(s, depth: 0)
            return GExpr(o: "days_between(\(a.o), \(b.o))", s: "CAST(julianday(\(b.s)) - julianday(\(a.s)) AS INTEGER)", t: .int, p: Prec.primary)
        case 15 where !cols.isEmpty:
            let c = col(pick(cols))
            let k = numberLiteral(like: c)
            return GExpr(o: "coalesce(\(c.o), \(k.o))", s: "coalesce(\(c.s), \(k.s))", t: c.t == .int && k.t == .int ? .int : .real, p: Prec.primary)
        case 16 where s.has(.text):
            // length counts letters; sqlite3 counts code points, the same for NFC Vietnamese
            let c = col(pick((s.referable + s.hidden).filter { $0.t == .text }))
            return GExpr(o: "length(\(c.o))", s: "length(\(c.s))", t: .int, p: Prec.primary)
        case 17 where s.relations:
            return relationAggregate(s)
        default:
            return cols.isEmpty ? numberLiteral(like: nil) : col(pick(cols))
        }
    }

    static func datePart(_ f: String, _ d: String) -> String {
        let fmt = f == "year" ? "%Y" : f == "month" ? "%m" : "%d"
        return "CAST(strftime('\(fmt)', \(d)) AS INTEGER)"
    }

    /// A literal near the values of `like` (so comparisons split the rows), or a small one.
    mutating func numberLiteral(like e: GExpr?, nonZero: Bool = false) -> GExpr {
        var v: String
        if case .column(let c)? = e?.shape, !c.values.isEmpty, chance(0.7) {
            v = pick(c.values)
            if chance(0.3), let x = Double(v) { v = String(format: "%.1f", x + Double(int(-5...5)) / 2) }
        } else {
            switch int(0...5) {
            case 0, 1: v = "\(int(1...5))"
            case 2: v = "\(int(40...100))"
            case 3: v = "\(int(1...99)).\(int(0...9))"
            case 4: v = "\(int(0...2))"
            default: v = pick(["0.5", "10", "100", "2.25", "1000", "70"])
            }
        }
        if nonZero, Double(v) == 0 { v = "3" }
        let neg = !nonZero && chance(0.08)
        let t: DType = v.contains(".") ? .real : .int
        if neg { return GExpr(o: "-\(v)", s: "(-\(v))", t: t, p: Prec.unary) }
        return GExpr(o: v, s: v, t: t, p: Prec.primary)
    }

    /// A date: a column, a literal, today, ± days/weeks/months/years, coalesce.
    mutating func date(_ s: Scope, depth: Int) -> GExpr {
        let cols = (s.referable + s.hidden).filter { $0.t == .date }
        if cols.isEmpty { return dateLiteral() }
        if depth <= 0 || chance(0.4) {
            return chance(0.85) ? col(pick(cols)) : GExpr(o: kw("today"), s: "'\(DiffSchema.today)'", t: .date, p: Prec.primary)
        }
        switch int(0...5) {
        case 0, 1, 2:
            let a = chance(0.8) ? col(pick(cols)) : GExpr(o: kw("today"), s: "'\(DiffSchema.today)'", t: .date, p: Prec.primary)
            let unit = pick(["day", "days", "week", "weeks", "month", "months", "year", "years"])
            let n = unit.hasPrefix("day") ? int(0...400) : unit.hasPrefix("week") ? int(0...60) : unit.hasPrefix("month") ? int(0...40) : int(0...4)
            let plus = chance(0.6)
            let sql: String
            if unit.hasPrefix("day") || unit.hasPrefix("week") {
                let days = unit.hasPrefix("week") ? n * 7 : n
                sql = "date(\(a.s), '\(plus ? "+" : "-")\(days) days')"
            } else {
                let months = (unit.hasPrefix("year") ? 12 : 1) * n * (plus ? 1 : -1)
                // ocop keeps the day, clamped to the month's end (2020-01-31 + 1 month = 2020-02-29)
                sql = "(CASE WHEN strftime('%d', date(\(a.s), '\(months >= 0 ? "+" : "")\(months) months')) != strftime('%d', \(a.s)) "
                    + "THEN date(\(a.s), 'start of month', '\(months + 1 >= 0 ? "+" : "")\(months + 1) months', '-1 day') "
                    + "ELSE date(\(a.s), '\(months >= 0 ? "+" : "")\(months) months') END)"
            }
            return GExpr(o: "\(wrap(a, Prec.additive)) \(plus ? "+" : "-") \(n) \(kw(unit))", s: sql, t: .date, p: Prec.additive)
        case 3:
            if cols.count >= 2 {
                let a = col(pick(cols)), b = col(pick(cols))
                return GExpr(o: "coalesce(\(a.o), \(b.o))", s: "coalesce(\(a.s), \(b.s))", t: .date, p: Prec.primary)
            }
            return col(cols[0])
        case 4:
            return dateLiteral()
        default:
            return col(pick(cols))
        }
    }

    mutating func dateLiteral() -> GExpr {
        let y = int(2018...2027), m = int(1...12)
        let d = int(1...Day.daysIn(year: y, month: m))
        let day = Day(year: y, month: m, day: d)!
        if chance(0.25) {
            // the Vietnamese form, sometimes without leading zeros
            let dd = chance(0.5) ? "\(d)" : String(format: "%02d", d), mm = chance(0.5) ? "\(m)" : String(format: "%02d", m)
            return GExpr(o: "\(dd)/\(mm)/\(y)", s: "'\(day.iso)'", t: .date, p: Prec.primary)
        }
        return GExpr(o: day.iso, s: "'\(day.iso)'", t: .date, p: Prec.primary)
    }

    /// A text expression for select: a column, or lower/upper of an id, or coalesce.
    mutating func text(_ s: Scope) -> GExpr {
        let cols = (s.referable + s.hidden).filter { $0.t == .text }
        if chance(0.3), let c = s.asciiText.first {
            let f = pick(["lower", "upper", "trim"])
            let sf = f == "trim" ? "trim" : f
            return GExpr(o: "\(f)(\(c.name))", s: "\(sf)(\(c.sql))", t: .text, p: Prec.primary)
        }
        if chance(0.3), cols.count >= 2 {
            let a = col(pick(cols)), b = col(pick(cols))
            return GExpr(o: "coalesce(\(a.o), \(b.o))", s: "coalesce(\(a.s), \(b.s))", t: .text, p: Prec.primary)
        }
        return col(pick(cols))
    }
}

/// Operator precedence, loosest first (Grammar/ocop.ebnf).
enum Prec {
    static let or = 1, and = 2, not = 3, predicate = 4, additive = 5, term = 6, unary = 7, primary = 8
}

enum DType { case int, real, date, text, bool }

/// A generated expression in both languages.
struct GExpr {
    enum Shape { case other, column(GCol) }
    var o: String
    var s: String
    var t: DType
    /// Precedence of the outermost ocop operator.
    var p: Int
    var shape: Shape = .other

    /// The column's name, when this is a plain column.
    var columnName: String? {
        if case .column(let c) = shape { return c.name }
        return nil
    }

    /// Text whose order is the same in SQL (an ASCII id column).
    var asciiOrdered: Bool {
        if case .column(let c) = shape { return c.text == .ascii }
        return false
    }

    /// A literal whose SQL is its ocop text.
    func filled() -> GExpr {
        var e = self
        if e.s.isEmpty { e.s = e.o }
        return e
    }
}

/// A column as the generator sees it.
struct GCol {
    enum TextKind { case none, ascii, plain, ambiguous }
    /// How ocop names it: `stars`, `producer.kind`.
    var name: String
    /// How SQL names it in the level below: `"stars"`, `"producer_kind"`.
    var sql: String
    var t: DType
    /// ascii: an id (order and matching agree with SQL); ambiguous: some value has another
    /// spelling in the dataset ("Hoà"/"Hòa"), so no column-to-column `=` and no grouping.
    var text: TextKind = .none
    /// Values to compare with (texts with a single spelling; numbers as written).
    var values: [String] = []
    var lowCardinality = false
    /// Whole numbers beyond ±10,000 (prices): kept out of products.
    var big = false
}

/// What an expression may refer to at one point of a statement.
struct Scope {
    var referable: [GCol]
    /// producer.* on products: usable in expressions, not shown as columns.
    var hidden: [GCol]
    /// count(products …) and friends (producers, before a select).
    var relations: Bool
    var subqueries = true
    /// The SQL alias of the level this scope's expressions are evaluated in.
    var outerAlias: String

    func has(_ t: DType) -> Bool { referable.contains { $0.t == t } || hidden.contains { $0.t == t } }
    var equatableText: [GCol] { (referable + hidden).filter { $0.t == .text && !$0.values.isEmpty } }
    var asciiText: [GCol] { referable.filter { $0.text == .ascii } }
}

/// One generated statement.
struct DiffCase {
    var ocop: String
    var sql: String
    /// False when ocop's row order depends on Vietnamese collation: compare as multisets.
    var ordered: Bool
    /// Column names ocop should give (nil for a count).
    var names: [String]?
}

/// Deterministic random numbers (SplitMix64): one seed, one statement.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
