/// Function calls, aggregates, group keys and relation subqueries.
extension ExprCompiler {
    static let aggregates: Set<String> = ["count", "sum", "avg", "min", "max"]
    static let scalars: [String: ClosedRange<Int>] = [
        "year": 1...1, "month": 1...1, "day": 1...1, "lower": 1...1, "upper": 1...1, "length": 1...1,
        "trim": 1...1, "abs": 1...1, "round": 1...2, "days_between": 2...2, "coalesce": 1...16,
    ]
    static var functionNames: [String] { Array(aggregates) + scalars.keys.sorted() }

    func call(_ name: Name, _ args: [Expr], _ e: Expr) throws(Diagnostic) -> Compiled {
        let fn = name.text.lowercased()
        if Self.aggregates.contains(fn) { return try aggregate(fn, name, args, e) }
        guard let arity = Self.scalars[fn] else {
            let near = EditDistance.nearest(fn, in: Self.functionNames)
            throw error(.name, "unknown function '\(name.text)'", name.range,
                        hints: near.map { ["did you mean '\($0)'?"] } ?? ["functions: \(Self.functionNames.sorted().joined(separator: ", "))"])
        }
        guard arity.contains(args.count) else {
            let want = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw error(.type, "\(fn)() takes \(want) argument\(arity.upperBound == 1 ? "" : "s"), given \(args.count)", e.range)
        }
        let cs = try args.map { (a: Expr) throws(Diagnostic) -> Compiled in try compile(a) }
        func need(_ i: Int, _ types: [DataType]) throws(Diagnostic) {
            guard types.contains(cs[i].type) || cs[i].type == .null else {
                throw error(.type, "\(fn)() needs \(types[0].phrase), but \(source.slice(args[i].range)) is \(cs[i].type.phrase)", args[i].range)
            }
        }
        let f = cs[0].eval
        let lbl = label(e)
        func make(_ type: DataType, _ body: @escaping (Value) throws(Diagnostic) -> Value) -> Compiled {
            Compiled(type: type, eval: { i throws(Diagnostic) in
                let v = try f(i)
                return v.isNull ? .null : try body(v)
            }, label: lbl, range: e.range)
        }
        switch fn {
        case "year", "month", "day":
            try need(0, [.date])
            return make(.integer) { v throws(Diagnostic) in
                guard case .date(let d) = v else { return .null }
                let c = d.civil
                return .integer(Int64(fn == "year" ? c.year : fn == "month" ? c.month : c.day))
            }
        case "lower", "upper", "trim":
            try need(0, [.text])
            return make(.text) { v throws(Diagnostic) in
                guard case .text(let s) = v else { return .null }
                return .text(fn == "lower" ? s.lowercased() : fn == "upper" ? s.uppercased() : s.trimmingSpaces)
            }
        case "length":
            try need(0, [.text])
            return make(.integer) { v throws(Diagnostic) in
                guard case .text(let s) = v else { return .null }
                return .integer(Int64(s.count))
            }
        case "abs":
            try need(0, [.integer, .decimal])
            return make(cs[0].type) { v throws(Diagnostic) in
                switch v {
                case .integer(let x):
                    guard x != .min else { throw self.error(.runtime, "whole-number overflow", e.range) }
                    return .integer(Swift.abs(x))
                case .decimal(let x): return .decimal(Swift.abs(x))
                default: return .null
                }
            }
        case "round":
            try need(0, [.integer, .decimal])
            var digits = 0
            if cs.count == 2 {
                guard case .integer(let d)? = cs[1].constant, (0...10).contains(d) else {
                    throw error(.type, "round()'s second argument is a number of decimals from 0 to 10", args[1].range)
                }
                digits = Int(d)
            }
            let scale = Parse.pow10(digits)
            return make(digits == 0 && cs[0].type == .integer ? .integer : .decimal) { v throws(Diagnostic) in
                switch v {
                case .integer(let x): return digits == 0 ? .integer(x) : .decimal(Double(x))
                case .decimal(let x): return .decimal((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
                default: return .null
                }
            }
        case "days_between":
            try need(0, [.date]); try need(1, [.date])
            let g = cs[1].eval
            return Compiled(type: .integer, eval: { i throws(Diagnostic) in
                guard case .date(let a) = try f(i), case .date(let b) = try g(i) else { return .null }
                return .integer(Int64(b.days) - Int64(a.days))
            }, label: lbl, range: e.range)
        default: // coalesce
            var type = cs.first { $0.type != .null }?.type ?? .null
            for (i, c) in cs.enumerated() where c.type != type && c.type != .null && !(c.type.isNumeric && type.isNumeric) {
                throw error(.type, "coalesce() needs values of one type; \(source.slice(args[i].range)) is \(c.type.phrase)", args[i].range)
            }
            // whole numbers mixed with decimals give a decimal, whichever argument answers
            // (coalesce(price_vnd, 0.5) typed as a whole number made sum() drop the 0.5s)
            let widen = type.isNumeric && cs.contains { $0.type == .decimal }
            if widen { type = .decimal }
            let fs = cs.map(\.eval)
            return Compiled(type: type, eval: { i throws(Diagnostic) in
                for g in fs {
                    let v = try g(i)
                    if case .integer(let x) = v, widen { return .decimal(Double(x)) }
                    if !v.isNull { return v }
                }
                return .null
            }, label: lbl, range: e.range)
        }
    }

    // MARK: aggregates

    func aggregate(_ fn: String, _ name: Name, _ args: [Expr], _ e: Expr) throws(Diagnostic) -> Compiled {
        let lbl = label(e)
        guard args.count <= 1, fn == "count" || args.count == 1 else {
            throw error(.type, "\(fn)() takes one argument", e.range, hints: fn == "count" ? [] : ["for example: \(fn)(score)"])
        }
        // count(products), sum(products.score), count(products where stars = 4): over a relation
        if groups == nil, let arg = args.first, let rel = try relationArgument(arg) {
            return try relationAggregate(fn, rel, arg, e)
        }
        guard let groups else {
            throw error(.type, "\(fn)() needs groups: use it after 'group by', or in a select over the whole table",
                        e.range, hints: ["for example: products group by province select province, \(source.slice(e.range))"])
        }
        // inside a group: the argument is evaluated on each row of the group
        let inner = ExprCompiler(table: groups.table, env: env, source: source)
        let arg = try args.first.map { (a: Expr) throws(Diagnostic) -> Compiled in try inner.compile(a) }
        return try reduce(fn, arg, e, lbl) { g in
            let lo = Int(groups.offsets[g]), hi = Int(groups.offsets[g + 1])
            return groups.rows[lo..<hi].lazy.map { Int($0) }
        }
    }

    /// The rows an aggregate runs over, by index: `rows(i)` for each group/row index `i`.
    func reduce<S: Sequence>(_ fn: String, _ arg: Compiled?, _ e: Expr, _ lbl: String,
                             rows: @escaping (Int) -> S) throws(Diagnostic) -> Compiled where S.Element == Int {
        let env = self.env
        guard let arg else {
            return Compiled(type: .integer, eval: { g throws(Diagnostic) in
                var n: Int64 = 0
                for _ in rows(g) { n += 1 }
                return .integer(n)
            }, label: lbl, range: e.range)
        }
        let f = arg.eval
        if fn == "count" {
            return Compiled(type: .integer, eval: { g throws(Diagnostic) in
                var n: Int64 = 0
                for r in rows(g) where !(try f(r)).isNull { n += 1 }
                return .integer(n)
            }, label: lbl, range: e.range)
        }
        if fn == "min" || fn == "max" {
            guard arg.type != .boolean else { throw error(.type, "\(fn)() needs numbers, dates or text", e.range) }
            let wantMax = fn == "max"
            return Compiled(type: arg.type, eval: { g throws(Diagnostic) in
                var best: Value = .null
                for r in rows(g) {
                    let v = try f(r)
                    if v.isNull { continue }
                    if best.isNull { best = v; continue }
                    if let c = compareValues(v, best), wantMax ? c > 0 : c < 0 { best = v }
                }
                return best
            }, label: lbl, range: e.range)
        }
        guard arg.type.isNumeric || arg.type == .null else {
            throw error(.type, "\(fn)() needs numbers, but \(arg.label) is \(arg.type.phrase)", e.range)
        }
        let isInt = arg.type == .integer && fn == "sum"
        let range = e.range
        return Compiled(type: isInt ? .integer : .decimal, eval: { g throws(Diagnostic) in
            var n = 0
            var isum: Int64 = 0
            var dsum = 0.0
            for r in rows(g) {
                let v = try f(r)
                switch v {
                case .integer(let x):
                    if isInt {
                        let (s, o) = isum.addingReportingOverflow(x)
                        if o || s == .min { throw Diagnostic(.runtime, "whole-number overflow in sum()", at: range, in: self.source) }
                        isum = s
                    }
                    dsum += Double(x)
                    n += 1
                case .decimal(let x): dsum += x; n += 1
                default: continue
                }
                if n & 0xFFFF == 0 { try env.checkCancel() }
            }
            if n == 0 { return .null }
            if isInt { return .integer(isum) }
            return fn == "avg" ? .decimal(dsum / Double(n)) : .decimal(dsum)
        }, label: lbl, range: e.range)
    }

    /// A to-many relation (with an optional field and condition) named by an aggregate's argument.
    struct RelationArg {
        let target: Table
        let offsets: [Int32]
        let rows: [Int32]
        let field: [Name]?
        let condition: Expr?
    }

    func relationArgument(_ arg: Expr) throws(Diagnostic) -> RelationArg? {
        switch arg.kind {
        case .path(let parts):
            guard case .toMany(let t, let o, let r)? = table.relations[parts[0].text] else { return nil }
            return RelationArg(target: t, offsets: o, rows: r, field: parts.count > 1 ? Array(parts.dropFirst()) : nil, condition: nil)
        case .subquery(let q):
            guard case .toMany(let t, let o, let r)? = table.relations[q.source.text] else { return nil }
            var cond: Expr?
            for c in q.clauses {
                guard case .where(let w) = c.kind else {
                    throw error(.syntax, "inside an aggregate, a relation takes only 'where'", c.keywordRange)
                }
                cond = cond.map { Expr(kind: .binary(.and, $0, w), range: $0.range.union(w.range)) } ?? w
            }
            return RelationArg(target: t, offsets: o, rows: r, field: nil, condition: cond)
        default:
            return nil
        }
    }

    func relationAggregate(_ fn: String, _ rel: RelationArg, _ arg: Expr, _ e: Expr) throws(Diagnostic) -> Compiled {
        let inner = ExprCompiler(table: rel.target, env: env, source: source)
        let cond = try rel.condition.map { (c: Expr) throws(Diagnostic) -> Predicate in try inner.predicate(c) }
        var field: Compiled?
        if let f = rel.field { field = try inner.path(f, arg.range) }
        if fn != "count" && field == nil {
            throw error(.type, "\(fn)() over a relation needs a field", arg.range,
                        hints: ["for example: \(fn)(\(source.slice(arg.range)).score)"])
        }
        let offsets = rel.offsets, rows = rel.rows
        if let cond {
            // rows of the relation that meet the condition
            return try reduce(fn, field, e, label(e)) { i in
                rows[Int(offsets[i])..<Int(offsets[i + 1])].lazy.map { Int($0) }.filter { (try? cond($0)) == .yes }
            }
        }
        return try reduce(fn, field, e, label(e)) { i in
            rows[Int(offsets[i])..<Int(offsets[i + 1])].lazy.map { Int($0) }
        }
    }

    // MARK: group mode

    /// In `group by … select`, a path must name a group key.
    func groupPath(_ e: Expr, _ parts: [Name], _ groups: GroupSet) throws(Diagnostic) -> Compiled {
        let text = parts.map(\.text).joined(separator: ".")
        for key in groups.keys {
            let keyText: String
            if case .path(let kp) = key.expr.kind { keyText = kp.map(\.text).joined(separator: ".") } else { keyText = "" }
            if keyText == text || key.name == text {
                let f = key.compiled.eval
                return Compiled(type: key.compiled.type, eval: { g throws(Diagnostic) in try f(groups.firstRow(g)) },
                                label: key.name, range: e.range)
            }
        }
        // is it a field at all?
        let inner = ExprCompiler(table: groups.table, env: env, source: source)
        _ = try inner.path(parts, e.range)
        throw error(.name, "'\(text)' is not one of the group keys", e.range,
                    hints: ["add it to group by, or use an aggregate: min(\(text)), max(\(text)), count(\(text))"])
    }

    // MARK: subqueries

    /// A query used as a value: `(products count)`, `{products where stars = 4 count}` in
    /// print. It cannot depend on the row in scope (a relation of the row is allowed only inside
    /// count(…) and the other aggregates), so it runs once, here, and becomes a constant.
    func subquery(_ q: Query, _ e: Expr) throws(Diagnostic) -> Compiled {
        if table.relations[q.source.text] != nil {
            throw error(.syntax, "a query over '\(q.source.text)' can only appear inside count(…) here", e.range,
                        hints: ["for example: producers where count(products where stars >= 4) >= 2"])
        }
        switch try Executor(env: env, source: source).run(q) {
        case .scalar(let v, _):
            return .constant(v, type: v.dataType, label: label(e), range: e.range)
        case .rows(let f):
            guard f.table.columns.count == 1, f.count <= 1 else {
                let what = f.table.columns.count == 1 ? "\(ValueFormat.grouped(Int64(f.count))) rows"
                    : "\(f.table.columns.count) fields"
                throw error(.type, "a query used as a value must give one value, but this one gives \(what)", e.range,
                            hints: ["end it with count, or select one field of one row: … limit 1 select name"])
            }
            let col = f.table.columns[0]
            let v = f.count == 1 ? col.value(f.row(0)) : .null
            return .constant(v, type: col.type, label: label(e), range: e.range)
        }
    }
}
