/// Compiles expressions against a table into closures over row indices, checking names and
/// types first so a bad query fails before it touches a row.
///
/// In group mode (`group by … select …`) the index is a group number: paths must be group
/// keys, and aggregates run over the group's rows.
struct ExprCompiler {
    let table: Table
    let env: Environment
    let source: Source
    /// Set in group mode.
    var groups: GroupSet?

    init(table: Table, env: Environment, source: Source, groups: GroupSet? = nil) {
        self.table = table
        self.env = env
        self.source = source
        self.groups = groups
    }

    func error(_ kind: Diagnostic.Kind, _ code: Message, _ range: SourceRange, help: [Message] = []) -> Diagnostic {
        Diagnostic(kind, code, at: range, in: source, help: help)
    }

    func label(_ e: Expr) -> String {
        if case .path(let parts) = e.kind { return parts.map(\.text).joined(separator: ".") }
        return source.slice(e.range)
    }

    // MARK: expressions

    func compile(_ e: Expr) throws(Diagnostic) -> Compiled {
        let lbl = label(e)
        if let known = try shown(e) { return known }
        switch e.kind {
        case .integer(let v): return .constant(.integer(v), type: .integer, label: lbl, range: e.range)
        case .decimal(let v): return .constant(.decimal(v), type: .decimal, label: lbl, range: e.range)
        case .text(let s): return .constant(.text(s), type: .text, label: lbl, range: e.range)
        case .date(let d): return .constant(.date(d), type: .date, label: lbl, range: e.range)
        case .bool(let b): return .constant(.boolean(b), type: .boolean, label: lbl, range: e.range)
        case .null: return .constant(.null, type: .null, label: lbl, range: e.range)
        case .today: return .constant(.date(env.today), type: .date, label: lbl, range: e.range)
        case .parameter(let name):
            if env.checking, let type = env.opaqueParameters[name] {
                return .unknown(type, label: lbl, range: e.range)
            }
            guard let v = env.parameters[name] else {
                let near = EditDistance.nearest(name, in: Array(env.parameters.keys))
                throw error(.name, .unknownParameter(name: name), e.range,
                            help: [near.map { .helpDidYouMean(word: "$" + $0) } ?? .helpDeclareParam(name: name)])
            }
            return .constant(v, type: v.dataType, label: lbl, range: e.range)
        case .duration(let amount, _):
            let a = try compile(amount)
            guard a.type == .integer || a.type == .null else {
                throw error(.type, .durationNeedsInteger(type: a.type), amount.range)
            }
            return Compiled(type: .duration, eval: a.eval, constant: a.constant, access: nil, label: lbl, range: e.range)
        case .path(let parts):
            if let groups { return try groupPath(e, parts, groups) }
            return try path(parts, e.range)
        case .call(let name, let args):
            return try call(name, args, e)
        case .negate(let inner):
            let c = try compile(inner)
            switch c.type {
            case .integer:
                let f = c.eval
                return Compiled(type: .integer, eval: { r throws(Diagnostic) in
                    let v = try f(r)
                    guard case .integer(let i) = v else { return v }
                    guard i != Int64.min else { throw self.error(.runtime, .integerOverflow, e.range) }
                    return .integer(-i)
                }, label: lbl, range: e.range)
            case .decimal:
                let f = c.eval
                return Compiled(type: .decimal, eval: { r throws(Diagnostic) in
                    if case .decimal(let d) = try f(r) { return .decimal(-d) }
                    return .null
                }, label: lbl, range: e.range)
            case .null: return c
            default: throw error(.type, .cannotNegate(type: c.type), e.range)
            }
        case .not, .isNull, .inList, .between:
            let p = try predicate(e)
            return Compiled(type: .boolean, eval: { r throws(Diagnostic) in
                let t = try p(r)
                return t == .unknown ? .null : .boolean(t == .yes)
            }, label: lbl, range: e.range)
        case .binary(let op, let l, let r):
            if op.isArithmetic, case .binary(let inner, _, _) = l.kind, inner.isArithmetic { return try chain(e) }
            if op.isArithmetic { return try arithmetic(op, try compile(l), l, r, e) }
            let p = try predicate(e)
            return Compiled(type: .boolean, eval: { i throws(Diagnostic) in
                let t = try p(i)
                return t == .unknown ? .null : .boolean(t == .yes)
            }, label: lbl, range: e.range)
        case .subquery(let q):
            return try subquery(q, e)
        }
    }

    /// `e` as a column already made: the same expression as a group key, or one a select
    /// has shown; nil otherwise.
    func shown(_ e: Expr) throws(Diagnostic) -> Compiled? {
        // the same expression as a group key, however it is spaced: year(certified_on) in group by and select
        if let groups, !groups.keys.isEmpty, case let s = e.structure, let key = groups.keys.first(where: { $0.structure == s }) {
            let f = key.compiled.eval
            return Compiled(type: key.compiled.type, eval: { g throws(Diagnostic) in try f(groups.firstRow(g)) },
                            label: key.name, range: e.range)
        }
        // an expression a select has shown is its column: … select avg(score) sort by avg(score)
        if groups == nil, !table.selected.isEmpty, !e.isValue, let name = table.selected[e.structure], let col = table.column(name) {
            let access = ColumnAccess(column: col, rowMap: nil)
            return Compiled(type: col.type, eval: Self.reader(access), access: access, label: name, range: e.range)
        }
        return nil
    }

    /// A flat chain `1 + 1 + … + 1` (a tree as deep as the chain is long, leaning left) in a
    /// loop down its left side and back up, not by recursion: compile's frame is large, and
    /// a 400-operand chain overflowed the stack of a debug build. Each operator is compiled
    /// as `arithmetic` would, left to right; a part that is a group key or a shown column
    /// is that column, as compile would find it.
    func chain(_ e: Expr) throws(Diagnostic) -> Compiled {
        var spine: [Expr] = []  // the operators, outermost first
        var node = e
        var start: Compiled?
        while case .binary(let op, let l, _) = node.kind, op.isArithmetic {
            if !spine.isEmpty, let known = try shown(node) { start = known; break }
            spine.append(node)
            node = l
        }
        var left: Compiled
        if let start { left = start } else { left = try compile(node) }
        for n in spine.reversed() {
            guard case .binary(let op, let le, let re) = n.kind else { continue }
            left = try arithmetic(op, left, le, re, n)
        }
        return left
    }

    // MARK: names

    /// `province`, `producer.kind`: a column of this table, or of a to-one relation.
    func path(_ parts: [Name], _ range: SourceRange) throws(Diagnostic) -> Compiled {
        if table === Self.statementScope { throw noRow(parts[0]) }
        var current = table
        var rowMap: [Int32]?
        for (i, part) in parts.enumerated() {
            let isLast = i == parts.count - 1
            if isLast, let col = current.field(part.text, today: env.today) {
                let access = ColumnAccess(column: col, rowMap: rowMap)
                return Compiled(type: col.type, eval: Self.reader(access), access: access,
                                label: parts.map(\.text).joined(separator: "."), range: range)
            }
            if let rel = current.relations[part.text] {
                switch rel {
                case .toOne(let target, let rows):
                    if isLast {
                        throw error(.type, .relationIsRecord(name: part.text, table: target.name), part.range,
                                    help: [.helpForExample(text: "\(part.text).\(target.columnNames.dropFirst().first ?? "name")")])
                    }
                    if let m = rowMap { rowMap = m.map { $0 < 0 ? -1 : rows[Int($0)] } } else { rowMap = rows }
                    current = target
                    continue
                case .toMany(let target, _, _):
                    let field = target.columnNames.contains("score") ? "score" : target.columnNames.first ?? "x"
                    throw error(.type, .relationIsSet(name: part.text, table: target.name), part.range,
                                help: [.helpCountOrAggregate(name: part.text, field: field)])
                }
            }
            throw unknownField(part, in: current, isLast: isLast)
        }
        fatalError("unreachable: a path has at least one part")
    }

    /// The scope of print, assert and param: one row and no fields, so only constants,
    /// parameters and queries used as values (`{products count}`) make sense.
    nonisolated(unsafe) static let statementScope = Table(name: "", columns: [], rowCount: 1)

    /// A name where there is no row to take a field from (print, assert, param).
    func noRow(_ name: Name) -> Diagnostic {
        let hint: Message
        if env.dataset.tables[name.text] != nil || env.variables[name.text] != nil {
            hint = .helpCountTable(name: name.text)
        } else if env.parameters[name.text] != nil {
            hint = .helpParameterDollar(name: name.text)
        } else if let near = EditDistance.nearest(name.text, in: env.sourceNames) {
            hint = .helpDidYouMeanTable(word: near)
        } else {
            hint = .helpValueHere
        }
        return error(.name, .noCurrentRow(name: name.text), name.range, help: [hint])
    }

    func unknownField(_ part: Name, in t: Table, isLast: Bool) -> Diagnostic {
        let candidates = t.fieldNames + t.relations.keys.sorted()
        var help: [Message] = []
        if let near = EditDistance.nearest(part.text, in: candidates) { help.append(.helpDidYouMean(word: near)) }
        else { help.append(.helpTableHas(table: t.name, names: candidates)) }
        if t === table, env.dataset.tables[part.text] != nil || env.variables[part.text] != nil {
            help.append(.helpIsTable(name: part.text))
        }
        return error(.name, t === table ? .unknownField(name: part.text) : .unknownFieldIn(name: part.text, table: t.name),
                     part.range, help: help)
    }

    static func reader(_ a: ColumnAccess) -> Compiled.Eval {
        let col = a.column
        if let map = a.rowMap {
            return { r throws(Diagnostic) in
                let m = map[r]
                return m < 0 ? .null : col.value(Int(m))
            }
        }
        switch col.storage {
        case .integer(let arr):
            return { r throws(Diagnostic) in let v = arr[r]; return v == Column.nullInteger ? .null : .integer(v) }
        case .decimal(let arr):
            return { r throws(Diagnostic) in let v = arr[r]; return v.isNaN ? .null : .decimal(v) }
        case .date(let arr):
            return { r throws(Diagnostic) in let v = arr[r]; return v == Column.nullDate ? .null : .date(Day(days: v)) }
        default:
            return { r throws(Diagnostic) in col.value(r) }
        }
    }

    // MARK: arithmetic

    func arithmetic(_ op: BinaryOp, _ l: Compiled, _ le: Expr, _ re: Expr, _ e: Expr) throws(Diagnostic) -> Compiled {
        let r = try compile(re)
        let lf = l.eval, rf = r.eval
        let lbl = label(e)
        let range = e.range
        func overflow() -> Diagnostic {
            error(.runtime, .integerOverflowIn(expr: source.slice(range)), range, help: [.helpIntegerRange])
        }
        // dates
        if l.type == .date || r.type == .date || l.type == .duration || r.type == .duration {
            if l.type == .date && r.type == .duration && (op == .add || op == .sub) {
                // the unit is known only where the duration is written: date + 30 days
                guard case .duration(_, let unit) = re.kind else {
                    throw error(.type, .dateOperatorDuration(op: op.rawValue, text: source.slice(re.range)), re.range,
                                help: [.helpDurationAfter(left: source.slice(le.range), op: op.rawValue)])
                }
                let sign: Int64 = op == .add ? 1 : -1
                return Compiled(type: .date, eval: { i throws(Diagnostic) in
                    guard case .date(let d) = try lf(i), case .integer(let n) = try rf(i) else { return .null }
                    guard let moved = Self.move(d, by: n, sign: sign, unit) else {
                        throw self.error(.runtime, .dateOutOfRange(expr: self.source.slice(range)), range)
                    }
                    return .date(moved)
                }, label: lbl, range: range)
            }
            if l.type == .duration && r.type == .date && op == .add {
                return try arithmetic(op, r, re, le, e)
            }
            if l.type == .date && r.type == .date && op == .sub {
                return Compiled(type: .integer, eval: { i throws(Diagnostic) in
                    guard case .date(let a) = try lf(i), case .date(let b) = try rf(i) else { return .null }
                    return .integer(Int64(a.days) - Int64(b.days))
                }, label: lbl, range: range)
            }
            if (l.type == .date && r.type == .null) || (l.type == .null && r.type == .date) {
                return .constant(.null, type: .date, label: lbl, range: range)
            }
            var help: [Message] = []
            if l.type == .date && r.type == .integer {
                help.append(.helpAddDuration(text: "\(source.slice(le.range)) \(op.rawValue) \(source.slice(re.range)) days"))
            }
            throw error(.type, .cannotUseWith(op: op.rawValue, left: l.type, right: r.type), range, help: help)
        }
        for (c, x) in [(l, le), (r, re)] where !(c.type.isNumeric || c.type == .null) {
            throw error(.type, .operatorNeedsNumbers(op: op.rawValue, text: source.slice(x.range), type: c.type), x.range)
        }
        let intResult = l.type != .decimal && r.type != .decimal && op != .div
        let divRange = re.range
        let eval: Compiled.Eval = { i throws(Diagnostic) in
            let a = try lf(i), b = try rf(i)
            if case .integer(let x) = a, case .integer(let y) = b, op != .div {
                switch op {
                case .add: let (v, o) = x.addingReportingOverflow(y); if o || v == .min { throw overflow() }; return .integer(v)
                case .sub: let (v, o) = x.subtractingReportingOverflow(y); if o || v == .min { throw overflow() }; return .integer(v)
                case .mul: let (v, o) = x.multipliedReportingOverflow(by: y); if o || v == .min { throw overflow() }; return .integer(v)
                default:
                    if y == 0 { throw self.error(.runtime, .divisionByZero, divRange) }
                    let (v, o) = x.remainderReportingOverflow(dividingBy: y); if o { throw overflow() }; return .integer(v)
                }
            }
            guard let x = a.number, let y = b.number else { return .null }
            switch op {
            case .add: return .decimal(x + y)
            case .sub: return .decimal(x - y)
            case .mul: return .decimal(x * y)
            case .div:
                if y == 0 { throw self.error(.runtime, .divisionByZero, divRange) }
                return .decimal(x / y)
            default:
                if y == 0 { throw self.error(.runtime, .divisionByZero, divRange) }
                return .decimal(x.truncatingRemainder(dividingBy: y))
            }
        }
        let type: DataType = (l.type == .null && r.type == .null) ? .null : (intResult ? .integer : .decimal)
        var c = Compiled(type: type, eval: eval, label: lbl, range: range)
        if l.constant != nil && r.constant != nil { c.constant = try eval(0) }
        return c
    }

    /// `d` moved by `n` units forward (`sign` 1) or back (-1); nil when out of range. The
    /// arithmetic reports overflow: `today + 9223372036854775807 weeks` is out of range, not a trap.
    static func move(_ d: Day, by n: Int64, sign: Int64, _ unit: DurationUnit) -> Day? {
        let perUnit: Int64 = unit == .weeks ? 7 : unit == .years ? 12 : 1
        let (step, o1) = n.multipliedReportingOverflow(by: perUnit)
        let (signed, o2) = step.multipliedReportingOverflow(by: sign)
        guard !o1, !o2 else { return nil }
        switch unit {
        case .days, .weeks:
            let (days, o) = Int64(d.days).addingReportingOverflow(signed)
            guard !o, days > -700_000, days < 2_900_000 else { return nil }
            return Day(days: Int32(days))
        case .months, .years:
            guard signed.magnitude < 120_000 else { return nil }
            return d.adding(months: Int(signed))
        }
    }
}

extension Value {
    var dataType: DataType {
        switch self {
        case .null: return .null
        case .integer: return .integer
        case .decimal: return .decimal
        case .text: return .text
        case .date: return .date
        case .boolean: return .boolean
        }
    }
}
