/// Function calls, aggregates, group keys and relation subqueries.
extension ExprCompiler {
    /// Names of the aggregates (FunctionSpec.all, kind .aggregate).
    static let aggregates: Set<String> = Set(FunctionSpec.all.filter { $0.kind == .aggregate }.map(\.name))

    func call(_ name: Name, _ args: [Expr], _ e: Expr) throws(Diagnostic) -> Compiled {
        let fn = name.text.lowercased()
        guard let spec = FunctionSpec.named(fn) else {
            let near = EditDistance.nearest(fn, in: FunctionSpec.names)
            throw error(.name, .unknownFunction(name: name.text), name.range,
                        help: [near.map { .helpDidYouMean(word: $0) } ?? .helpFunctions(names: FunctionSpec.names.sorted())])
        }
        switch spec.implementation {
        case .aggregate(let kind): return try aggregate(spec, kind, args, e)
        case .scalar(let body): return try scalar(spec, body, args, e)
        }
    }

    /// A call of a scalar function: arguments checked against the table, then its body per row.
    func scalar(_ spec: FunctionSpec, _ body: FunctionSpec.Scalar, _ args: [Expr], _ e: Expr) throws(Diagnostic) -> Compiled {
        let fn = spec.name
        let arity = spec.arity
        guard arity.contains(args.count) else {
            throw error(.type, arity.lowerBound == arity.upperBound
                        ? .functionArity(function: fn, n: arity.lowerBound, given: args.count)
                        : .functionArityRange(function: fn, low: arity.lowerBound, high: arity.upperBound, given: args.count), e.range)
        }
        let cs = try args.map { (a: Expr) throws(Diagnostic) -> Compiled in try compile(a) }
        for (i, c) in cs.enumerated() {
            guard let p = spec.parameter(i) else { continue }
            if !p.types.isEmpty, !p.types.contains(c.type), c.type != .null {
                throw error(.type, .functionNeedsType(function: fn, type: p.types[0], text: source.slice(args[i].range), actual: c.type),
                            args[i].range)
            }
            if let allowed = p.constant {
                guard case .integer(let d)? = c.constant, allowed.contains(d) else {
                    throw error(.type, .functionConstantArgument(function: fn, position: i + 1, name: p.name,
                                                                low: Int(allowed.lowerBound), high: Int(allowed.upperBound)), args[i].range)
                }
            }
        }
        let type = spec.resultType(cs.map(\.type), constants: cs.map(\.constant))
        let lbl = label(e)
        let range = e.range
        func failed(_ f: FunctionFailure) -> Diagnostic {
            switch f {
            case .overflow: return error(.runtime, .integerOverflow, range)
            }
        }
        switch body {
        case .unary(let body):
            let f = cs[0].eval
            return Compiled(type: type, eval: { i throws(Diagnostic) in
                let v = try f(i)
                if v.isNull { return .null }
                do throws(FunctionFailure) { return try body(v) } catch { throw failed(error) }
            }, label: lbl, range: range)
        case .binary(let body):
            let f = cs[0].eval, g = cs[1].eval
            return Compiled(type: type, eval: { i throws(Diagnostic) in
                let a = try f(i), b = try g(i)
                if a.isNull || b.isNull { return .null }
                do throws(FunctionFailure) { return try body(a, b) } catch { throw failed(error) }
            }, label: lbl, range: range)
        case .withConstant(let body):
            let f = cs[0].eval
            var constant = 0
            if cs.count > 1, case .integer(let d)? = cs[1].constant { constant = Int(d) }
            let n = constant
            return Compiled(type: type, eval: { i throws(Diagnostic) in
                let v = try f(i)
                return v.isNull ? .null : body(v, n)
            }, label: lbl, range: range)
        case .firstNonNull:
            let first = cs.first { $0.type != .null }?.type ?? .null
            for (i, c) in cs.enumerated() where c.type != first && c.type != .null && !(c.type.isNumeric && first.isNumeric) {
                throw error(.type, .functionOneType(function: fn, text: source.slice(args[i].range), type: c.type), args[i].range)
            }
            // whole numbers mixed with decimals give a decimal, whichever argument answers
            // (coalesce(price_vnd, 0.5) typed as a whole number made sum() drop the 0.5s)
            let widen = type == .decimal
            let fs = cs.map(\.eval)
            return Compiled(type: type, eval: { i throws(Diagnostic) in
                for g in fs {
                    let v = try g(i)
                    if case .integer(let x) = v, widen { return .decimal(Double(x)) }
                    if !v.isNull { return v }
                }
                return .null
            }, label: lbl, range: range)
        }
    }

    // MARK: aggregates

    func aggregate(_ spec: FunctionSpec, _ kind: FunctionSpec.Aggregate, _ args: [Expr], _ e: Expr) throws(Diagnostic) -> Compiled {
        let lbl = label(e)
        let fn = spec.name
        guard spec.arity.contains(args.count) else {
            throw error(.type, .aggregateOneArgument(function: fn), e.range,
                        help: spec.arity.lowerBound == 0 ? [] : [.helpForExample(text: "\(fn)(score)")])
        }
        // count(products), sum(products.score), count(products where stars = 4): over a relation
        if groups == nil, let arg = args.first, let rel = try relationArgument(arg) {
            return try relationAggregate(spec, kind, rel, arg, e)
        }
        guard let groups else {
            throw error(.type, .aggregateNeedsGroups(function: fn), e.range,
                        help: [.helpForExample(text: "products group by province select province, \(source.slice(e.range))")])
        }
        // inside a group: the argument is evaluated on each row of the group
        let inner = ExprCompiler(table: groups.table, env: env, source: source)
        if kind == .count, let a = args.first, case .call(let d, let xs) = a.kind, d.text == "distinct", let x = xs.first {
            return try countDistinct(try inner.compile(x), groups, e, lbl)
        }
        let arg = try args.first.map { (a: Expr) throws(Diagnostic) -> Compiled in try inner.compile(a) }
        return try reduce(spec, kind, arg, e, lbl, groups: groups) { g throws(Diagnostic) in
            let lo = Int(groups.offsets[g]), hi = Int(groups.offsets[g + 1])
            return groups.rows[lo..<hi].lazy.map { Int($0) }
        }
    }

    /// count(distinct x): the different non-null values of x in each group (text compared as
    /// `=` compares it: "Hoà" is "Hòa").
    func countDistinct(_ x: Compiled, _ groups: GroupSet, _ e: Expr, _ lbl: String) throws(Diagnostic) -> Compiled {
        if x.type == .duration { throw error(.type, .cannotCountDuration, e.range) }
        let f = x.eval
        let env = self.env
        return Compiled(type: .integer, eval: { g throws(Diagnostic) in
            var seen = Set<Value>()
            let lo = Int(groups.offsets[g]), hi = Int(groups.offsets[g + 1])
            for (i, r) in groups.rows[lo..<hi].enumerated() {
                if i & 0xFFFF == 0xFFFF { try env.checkCancel() }
                var v = try f(Int(r))
                if v.isNull { continue }
                if case .text(let s) = v { v = .text(VietText.canonical(s)) }
                seen.insert(v)
            }
            return .integer(Int64(seen.count))
        }, label: lbl, range: e.range)
    }

    /// sum, avg, min and max of a plain integer or decimal column: the values read in place
    /// (no `Value` per row), in the same row order and with the same overflow rule as the
    /// general loop in `reduce`. Nil for anything else.
    func columnReduce<S: Sequence>(_ kind: FunctionSpec.Aggregate, _ arg: Compiled, type: DataType, _ lbl: String, _ e: Expr,
                                   groups: GroupSet? = nil,
                                   rows: @escaping (Int) throws(Diagnostic) -> S) -> Compiled? where S.Element == Int {
        guard let a = arg.access, a.rowMap == nil, [.sum, .avg, .min, .max].contains(kind) else { return nil }
        let env = self.env, source = self.source, range = e.range, fn = kind == .sum ? "sum" : "avg"
        /// Calls `body` with each row of group or row `g`, in order: a group's rows read from
        /// its slice of the group set's list in place (a lazy sequence cost ~50 instructions a row).
        func each(_ g: Int, _ body: (Int) throws(Diagnostic) -> Void) throws(Diagnostic) {
            guard let groups else {
                for r in try rows(g) { try body(r) }
                return
            }
            let lo = Int(groups.offsets[g]), hi = Int(groups.offsets[g + 1])
            try groups.rows.withUnsafeBufferPointer { (list: UnsafeBufferPointer<Int32>) throws(Diagnostic) in
                for j in lo..<hi { try body(Int(list[j])) }
            }
        }
        switch a.column.storage {
        case .decimal(let v):
            return Compiled(type: type, eval: { g throws(Diagnostic) in
                var n = 0, sum = 0.0, best = Double.nan
                try v.withUnsafeBufferPointer { (v: UnsafeBufferPointer<Double>) throws(Diagnostic) in
                    try each(g) { (r: Int) throws(Diagnostic) in
                        let x = v[r]
                        if x.isNaN { return }
                        n += 1
                        sum += x
                        if best.isNaN || (kind == .max ? x > best : x < best) { best = x }
                        if n & 0xFFFF == 0 { try env.checkCancel() }
                    }
                }
                if n == 0 { return .null }
                switch kind {
                case .min, .max: return .decimal(best)
                case .avg: return .decimal(sum / Double(n))
                default: return .decimal(sum)
                }
            }, label: lbl, range: range)
        case .integer(let v):
            let isInt = type == .integer
            return Compiled(type: type, eval: { g throws(Diagnostic) in
                var n = 0, isum: Int64 = 0, best = Int64.min
                // avg from the exact sum, as the general loop does (a double loses whole numbers past 2^53)
                var wide: Int128 = 0
                try v.withUnsafeBufferPointer { (v: UnsafeBufferPointer<Int64>) throws(Diagnostic) in
                    try each(g) { (r: Int) throws(Diagnostic) in
                        let x = v[r]
                        if x == Column.nullInteger { return }
                        n += 1
                        if kind == .min || kind == .max {
                            if n == 1 || (kind == .max ? x > best : x < best) { best = x }
                            return
                        }
                        if isInt {
                            let (s, o) = isum.addingReportingOverflow(x)
                            if o || s == .min { throw Diagnostic(.runtime, .integerOverflowInFunction(function: fn), at: range, in: source) }
                            isum = s
                        }
                        wide += Int128(x)
                        if n & 0xFFFF == 0 { try env.checkCancel() }
                    }
                }
                if n == 0 { return .null }
                switch kind {
                case .min, .max: return .integer(best)
                case .avg:
                    let (q, r) = wide.quotientAndRemainder(dividingBy: Int128(n))
                    return .decimal(Double(q) + Double(r) / Double(n))
                default: return isInt ? .integer(isum) : .decimal(Double(wide))
                }
            }, label: lbl, range: range)
        default:
            return nil
        }
    }

    /// The rows an aggregate runs over, by index: `rows(i)` for each group/row index `i`.
    func reduce<S: Sequence>(_ spec: FunctionSpec, _ kind: FunctionSpec.Aggregate, _ arg: Compiled?, _ e: Expr, _ lbl: String,
                             groups: GroupSet? = nil,
                             rows: @escaping (Int) throws(Diagnostic) -> S) throws(Diagnostic) -> Compiled where S.Element == Int {
        let env = self.env
        guard let arg else {
            return Compiled(type: .integer, eval: { g throws(Diagnostic) in
                var n: Int64 = 0
                for _ in try rows(g) { n += 1 }
                return .integer(n)
            }, label: lbl, range: e.range)
        }
        let f = arg.eval
        let fn = spec.name
        let accepted = spec.parameter(0)?.types ?? []
        if kind == .count {
            // count(stars = 3): the rows where the condition holds, not those where it is known
            if let a = e.callArguments.first, a.isCondition {
                return Compiled(type: .integer, eval: { g throws(Diagnostic) in
                    var n: Int64 = 0
                    for r in try rows(g) where try f(r) == .boolean(true) { n += 1 }
                    return .integer(n)
                }, label: lbl, range: e.range)
            }
            return Compiled(type: .integer, eval: { g throws(Diagnostic) in
                var n: Int64 = 0
                for r in try rows(g) where !(try f(r)).isNull { n += 1 }
                return .integer(n)
            }, label: lbl, range: e.range)
        }
        if kind == .min || kind == .max {
            guard accepted.contains(arg.type) || arg.type == .null else { throw error(.type, .minMaxNeedsOrdered(function: fn), e.range) }
            let wantMax = kind == .max
            if let fast = columnReduce(kind, arg, type: arg.type, lbl, e, groups: groups, rows: rows) { return fast }
            return Compiled(type: arg.type, eval: { g throws(Diagnostic) in
                var best: Value = .null
                for r in try rows(g) {
                    let v = try f(r)
                    if v.isNull { continue }
                    if best.isNull { best = v; continue }
                    if let c = compareValues(v, best), wantMax ? c > 0 : c < 0 { best = v }
                }
                return best
            }, label: lbl, range: e.range)
        }
        guard accepted.contains(arg.type) || arg.type == .null else {
            throw error(.type, .aggregateNeedsNumbers(function: fn, text: arg.label, type: arg.type), e.range)
        }
        let type = spec.resultType([arg.type])
        let isInt = type == .integer
        let range = e.range
        let isAvg = kind == .avg
        if let fast = columnReduce(kind, arg, type: type, lbl, e, groups: groups, rows: rows) { return fast }
        return Compiled(type: type, eval: { g throws(Diagnostic) in
            var n = 0
            var isum: Int64 = 0
            // whole numbers are also summed exactly for avg: a double loses them past 2^53
            var wide: Int128 = 0
            var dsum = 0.0
            for r in try rows(g) {
                let v = try f(r)
                switch v {
                case .integer(let x):
                    if isInt {
                        let (s, o) = isum.addingReportingOverflow(x)
                        if o || s == .min { throw Diagnostic(.runtime, .integerOverflowInFunction(function: fn), at: range, in: self.source) }
                        isum = s
                    }
                    wide += Int128(x)
                    n += 1
                case .decimal(let x): dsum += x; n += 1
                default: continue
                }
                if n & 0xFFFF == 0 { try env.checkCancel() }
            }
            if n == 0 { return .null }
            if isInt { return .integer(isum) }
            // the whole numbers' mean from their exact sum: quotient and remainder, one rounding each
            let (q, r) = wide.quotientAndRemainder(dividingBy: Int128(n))
            let whole = Double(q) + Double(r) / Double(n)
            let total = Double(wide) + dsum
            return isAvg ? .decimal(dsum == 0 ? whole : total / Double(n)) : .decimal(total)
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
                    throw error(.syntax, .relationOnlyWhere, c.keywordRange)
                }
                cond = cond.map { Expr(kind: .binary(.and, $0, w), range: $0.range.union(w.range)) } ?? w
            }
            return RelationArg(target: t, offsets: o, rows: r, field: nil, condition: cond)
        default:
            return nil
        }
    }

    func relationAggregate(_ spec: FunctionSpec, _ kind: FunctionSpec.Aggregate, _ rel: RelationArg, _ arg: Expr, _ e: Expr) throws(Diagnostic) -> Compiled {
        let fn = spec.name
        let inner = ExprCompiler(table: rel.target, env: env, source: source)
        let cond = try rel.condition.map { (c: Expr) throws(Diagnostic) -> Predicate in try inner.predicate(c) }
        var field: Compiled?
        if let f = rel.field { field = try inner.path(f, arg.range) }
        if kind != .count && field == nil {
            throw error(.type, .relationAggregateNeedsField(function: fn), arg.range,
                        help: [.helpForExample(text: "\(fn)(\(source.slice(arg.range)).score)")])
        }
        let offsets = rel.offsets, rows = rel.rows
        if let cond {
            // rows of the relation that meet the condition
            // an error in the condition (stars / 0) is the statement's error, never a row left out
            return try reduce(spec, kind, field, e, label(e)) { i throws(Diagnostic) -> [Int] in
                var kept: [Int] = []
                for r in rows[Int(offsets[i])..<Int(offsets[i + 1])] where try cond(Int(r)) == .yes { kept.append(Int(r)) }
                return kept
            }
        }
        return try reduce(spec, kind, field, e, label(e)) { i throws(Diagnostic) in
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
        throw error(.name, .notGroupKey(name: text), e.range, help: [.helpAddToGroup(name: text)])
    }

    // MARK: subqueries

    /// A query used as a value: `(products count)`, `{products where stars = 4 count}` in
    /// print. It cannot depend on the row in scope (a relation of the row is allowed only inside
    /// count(…) and the other aggregates), so it runs once, here, and becomes a constant.
    func subquery(_ q: Query, _ e: Expr) throws(Diagnostic) -> Compiled {
        if table.relations[q.source.text] != nil {
            throw error(.syntax, .relationQueryOnlyInCount(table: q.source.text), e.range,
                        help: [.helpForExample(text: "producers where count(products where stars >= 4) >= 2")])
        }
        switch try Executor(env: env, source: source).run(q) {
        case .scalar(let v, _):
            if env.checking { return .unknown(v.dataType, label: label(e), range: e.range) }
            return .constant(v, type: v.dataType, label: label(e), range: e.range)
        case .rows(let f):
            guard f.table.columns.count == 1, f.count <= 1 else {
                throw error(.type, f.table.columns.count == 1 ? .queryValueRows(n: f.count) : .queryValueFields(n: f.table.columns.count),
                            e.range, help: [.helpEndWithCountOrOneRow])
            }
            let col = f.table.columns[0]
            if env.checking { return .unknown(col.type, label: label(e), range: e.range) }
            let v = f.count == 1 ? col.value(f.row(0)) : .null
            return .constant(v, type: col.type, label: label(e), range: e.range)
        }
    }
}
