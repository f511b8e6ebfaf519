/// Runs a query's clauses left to right, each on the previous result.
struct Executor {
    let env: Environment
    let source: Source

    /// What a query produced.
    enum Result {
        case rows(Frame)
        case scalar(Value, label: String)
    }

    /// The state between clauses.
    private enum State {
        case rows(Frame)
        case grouped(GroupSet)
        case scalar(Value, String, SourceRange)
    }

    func error(_ kind: Diagnostic.Kind, _ code: Message, _ range: SourceRange, help: [Message] = []) -> Diagnostic {
        Diagnostic(kind, code, at: range, in: source, help: help)
    }

    func run(_ q: Query) throws(Diagnostic) -> Result {
        var p = plan(q)
        return try execute(&p)
    }

    /// Runs `plan`'s steps left to right. In a checking environment (no rows) each step
    /// records what it keeps and which fast path it took.
    func execute(_ plan: inout Plan) throws(Diagnostic) -> Result {
        try env.checkCancel()
        let from = try source(of: plan.query)
        var state = State.rows(from)
        if env.checking {
            if plan.query.compare == nil, let t = env.dataset.tables[plan.query.source.text], t === from.table {
                plan.tableRows = t.rowCount
                plan.tableFields = t.fieldNames.count
            } else {
                plan.from = shape(of: state, after: nil)
            }
        } else {
            plan.sourceRows = from.count
        }
        for i in plan.steps.indices {
            try env.checkCancel()
            let clause = plan.steps[i].clause
            if case .scalar(_, let label, let range) = state {
                throw error(.syntax, .scalarEndsStatement(label: label), clause.keywordRange,
                            help: [.helpMoveToEnd(label: label, text: source.slice(range))])
            }
            var path: FilterPath?
            let before = state
            state = try apply(plan.steps[i], to: state, path: &path)
            if env.checking {
                plan.steps[i].filter = path
                plan.steps[i].keeps = shape(of: state, after: before)
            } else {
                plan.steps[i].rows = count(of: state)
            }
        }
        switch state {
        case .rows(let f): return .rows(f)
        case .grouped(let g): return .rows(try counted(g))
        case .scalar(let v, let l, _): return .scalar(v, label: l)
        }
    }

    /// How many rows (or groups) `state` holds; nil for one value.
    private func count(of state: State) -> Plan.Count? {
        switch state {
        case .rows(let f): return .rows(f.count)
        case .grouped(let g): return .groups(g.count)
        case .scalar: return nil
        }
    }

    /// What `state` holds, for the plan: `.sameFields` when the rows kept their table.
    private func shape(of state: State, after before: State?) -> Shape {
        switch state {
        case .rows(let f):
            if case .rows(let b)? = before, b.table === f.table { return .sameFields }
            return .fields(f.table.columns.map { Shape.Field(name: $0.name, type: $0.type) })
        case .grouped(let g):
            return .groups(keys: g.keys.map { Shape.Field(name: $0.name, type: $0.compiled.type) })
        case .scalar(let v, let label, _):
            return .value(label: label, type: v.dataType)
        }
    }

    /// A table or a `let` variable.
    func resolve(_ name: Name) throws(Diagnostic) -> Frame {
        if let t = env.dataset.tables[name.text] { return Frame(table: t, rows: env.checking ? [] : nil) }
        if let v = env.variables[name.text] { return v }
        var help: [Message] = []
        if let near = EditDistance.nearest(name.text, in: env.sourceNames) { help.append(.helpDidYouMean(word: near)) }
        else { help.append(.helpTables(names: env.dataset.tableOrder)) }
        if Token.keywords.contains(name.text.lowercased()) { help = [.helpStartWithTableKeyword(word: name.text)] }
        throw error(.name, .unknownTableOrVariable(name: name.text), name.range, help: help)
    }

    private func apply(_ step: Plan.Step, to state: State, path: inout FilterPath?) throws(Diagnostic) -> State {
        let clause = step.clause
        switch (clause.kind, state) {
        case (.group(let keys), .rows(let f)):
            return .grouped(try group(f, keys))
        case (.group, .grouped):
            throw error(.syntax, .alreadyGrouped, clause.keywordRange, help: [.helpOneGroupBy])
        case (.count, .rows(let f)):
            return .scalar(.integer(Int64(f.count)), "count", clause.keywordRange)
        case (.count, .grouped(let g)):
            return .rows(try counted(g))
        case (.select(let items), .grouped(let g)):
            return .rows(try select(items, groups: g))
        case (.select(let items), .rows(let f)):
            if items.contains(where: { containsAggregate($0.expr) }) {
                let all = GroupSet(table: f.table, keys: [], offsets: [0, Int32(f.count)], rows: f.rowList)
                return .rows(try select(items, groups: all))
            }
            return .rows(try select(items, frame: f))
        case (_, .grouped(let g)):
            return try apply(step, to: .rows(try counted(g)), path: &path)
        case (.where(let cond), .rows(let f)):
            return .rows(try filter(f, cond, path: &path))
        case (.sort(let keys), .rows(let f)):
            return .rows(try sort(f, keys, limit: step.topK))
        case (.limit(let n, let offset), .rows(let f)):
            let rows = f.rowList
            let lo = min(offset, rows.count), hi = min(rows.count, lo + min(n, rows.count))
            return .rows(Frame(table: f.table, rows: Array(rows[lo..<hi])))
        case (.pivot(let r, let c), .rows(let f)):
            return .rows(try pivot(f, rows: r, columns: c))
        case (.distinct, .rows(let f)):
            return .rows(distinct(f))
        case (_, .scalar):
            fatalError("handled by run")
        }
    }

    func containsAggregate(_ e: Expr) -> Bool {
        switch e.kind {
        case .call(let n, let args):
            if ExprCompiler.aggregates.contains(n.text.lowercased()) {
                // count(products) on a producer is a per-row value, not a group aggregate
                if let a = args.first {
                    if case .path(let p) = a.kind, p.count >= 1 { return !isToMany(p[0].text) }
                    if case .subquery = a.kind { return false }
                }
                return true
            }
            return args.contains(where: containsAggregate)
        case .negate(let a), .not(let a), .isNull(let a, _), .duration(let a, _): return containsAggregate(a)
        case .binary(_, let a, let b): return containsAggregate(a) || containsAggregate(b)
        case .between(let a, let b, let c, _): return containsAggregate(a) || containsAggregate(b) || containsAggregate(c)
        case .inList(let a, let items, _): return containsAggregate(a) || items.contains(where: containsAggregate)
        default: return false
        }
    }

    private var relationNames: Set<String> {
        var s = Set<String>()
        for t in env.dataset.tables.values { for (k, r) in t.relations { if case .toMany = r { s.insert(k) } } }
        return s
    }
    private func isToMany(_ name: String) -> Bool { relationNames.contains(name) }

    // MARK: where

    func filter(_ f: Frame, _ cond: Expr, path: inout FilterPath?) throws(Diagnostic) -> Frame {
        let (run, how) = try ExprCompiler(table: f.table, env: env, source: source).rowFilter(cond)
        path = how
        let out = try run(f)
        if out.isEmpty && f.count > 0 { env.notes += emptyResultNotes(f, cond) }
        env.notes += provinceNotes(f, cond)
        return Frame(table: f.table, rows: out)
    }

    // MARK: select

    func select(_ items: [SelectItem], frame f: Frame) throws(Diagnostic) -> Frame {
        let compiler = ExprCompiler(table: f.table, env: env, source: source)
        var compiled: [Compiled] = []
        for item in items { compiled.append(try compiler.compile(item.expr)) }
        let names = try columnNames(items, compiled)
        let n = f.count
        var columns: [Column] = []
        for (c, name) in zip(compiled, names) {
            try checkSelectable(c)
            // a plain column keeps its storage (no copy of values) when all rows are kept
            if let a = c.access, a.rowMap == nil, f.rows == nil {
                columns.append(Column(name: name, storage: a.column.storage))
                continue
            }
            var values: [Value] = []
            values.reserveCapacity(n)
            for i in 0..<n {
                if i & 0xFFFF == 0 { try env.checkCancel() }
                values.append(try c.eval(f.row(i)))
            }
            columns.append(Column.from(name: name, type: resultType(c, values), values: values))
        }
        return Frame(table: selection(f.table.name, columns, n, items, names))
    }

    func select(_ items: [SelectItem], groups g: GroupSet) throws(Diagnostic) -> Frame {
        let compiler = ExprCompiler(table: g.table, env: env, source: source, groups: g)
        var compiled: [Compiled] = []
        for item in items { compiled.append(try compiler.compile(item.expr)) }
        let names = try columnNames(items, compiled)
        var columns: [Column] = []
        for (c, name) in zip(compiled, names) {
            try checkSelectable(c)
            var values: [Value] = []
            for i in 0..<g.count {
                if i & 0xFFF == 0 { try env.checkCancel() }
                values.append(try c.eval(i))
            }
            columns.append(Column.from(name: name, type: resultType(c, values), values: values))
        }
        return Frame(table: selection(g.table.name, columns, g.count, items, names))
    }

    /// The table a select makes, each column remembering the expression it shows.
    func selection(_ name: String, _ columns: [Column], _ n: Int, _ items: [SelectItem], _ names: [String]) -> Table {
        let t = Table(name: name, columns: columns, rowCount: n)
        for (item, name) in zip(items, names) where !item.expr.isValue && t.selected[item.expr.structure] == nil {
            t.selected[item.expr.structure] = name
        }
        return t
    }

    func checkSelectable(_ c: Compiled) throws(Diagnostic) {
        if c.type == .duration {
            throw error(.type, .durationNotShown, c.range, help: [.helpForExample(text: "today + \(source.slice(c.range))")])
        }
    }

    func resultType(_ c: Compiled, _ values: [Value]) -> DataType {
        if c.type != .null { return c.type }
        return values.first { !$0.isNull }?.dataType ?? .text
    }

    func columnNames(_ items: [SelectItem], _ compiled: [Compiled]) throws(Diagnostic) -> [String] {
        var names: [String] = []
        for (item, c) in zip(items, compiled) {
            let name = item.alias?.text ?? c.label
            if names.contains(name) {
                throw error(.name, .duplicateColumn(name: name), item.alias?.range ?? item.expr.range,
                            help: [.helpNameWithAs(text: source.slice(item.expr.range))])
            }
            names.append(name)
        }
        return names
    }

    // MARK: distinct

    func distinct(_ f: Frame) -> Frame {
        var seen = Set<[Value]>()
        var keep: [Int32] = []
        for i in 0..<f.count {
            let r = f.row(i)
            // text by its canonical form, as = and group by compare it ("Hoà" is "Hòa")
            let row = f.table.columns.map { c -> Value in
                if case .text(let s) = c.value(r) { return .text(VietText.canonical(s)) }
                return c.value(r)
            }
            if seen.insert(row).inserted { keep.append(Int32(r)) }
        }
        return Frame(table: f.table, rows: keep)
    }
}

