/// A syntax tree's structure as a key: the same for two trees that differ only in where they
/// were written (ranges, spaces, the case of a function's name), different for any other
/// difference. `group by year(certified_on) select YEAR( certified_on )` names the key;
/// `group by province = "Bắc Kạn" select province = "BắcKạn"` does not.
extension Expr {
    var structure: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        func list(_ es: [Expr]) { out += "["; for e in es { e.write(to: &out); out += "," }; out += "]" }
        switch kind {
        case .integer(let v): out += "i\(v)"
        case .decimal(let v): out += "d\(v.bitPattern)"
        case .text(let s): out += "t\(s.utf8.count):\(s)"
        case .date(let d): out += "D\(d.days)"
        case .bool(let b): out += b ? "T" : "F"
        case .null: out += "N"
        case .today: out += "today"
        case .duration(let a, let unit): out += "dur(\(unit.rawValue),"; a.write(to: &out); out += ")"
        case .path(let parts): out += "p(" + parts.map(\.text).joined(separator: ".") + ")"
        case .parameter(let name): out += "$(\(name))"
        case .call(let name, let args): out += "f(\(name.text.lowercased())"; list(args); out += ")"
        case .negate(let a): out += "neg("; a.write(to: &out); out += ")"
        case .not(let a): out += "not("; a.write(to: &out); out += ")"
        case .binary(let op, let l, let r): out += "b(\(op.rawValue),"; l.write(to: &out); out += ","; r.write(to: &out); out += ")"
        case .isNull(let a, let negated): out += negated ? "notnull(" : "isnull("; a.write(to: &out); out += ")"
        case .inList(let a, let items, let negated): out += negated ? "notin(" : "in("; a.write(to: &out); list(items); out += ")"
        case .between(let a, let lo, let hi, let negated):
            out += negated ? "notbetween(" : "between("
            list([a, lo, hi])
            out += ")"
        case .subquery(let q): q.write(to: &out)
        }
    }
}

extension Query {
    func write(to out: inout String) {
        out += "q(\(source.text)"
        if let c = compare { out += "compare(\(c.from?.path ?? "")|\(c.to?.path ?? ""))" }
        for clause in clauses {
            out += ";"
            switch clause.kind {
            case .where(let e): out += "where "; e.write(to: &out)
            case .select(let items):
                out += "select "
                for item in items { item.expr.write(to: &out); out += " as \(item.alias?.text ?? ""),"; }
            case .sort(let keys):
                out += "sort "
                for k in keys { k.expr.write(to: &out); out += k.descending ? " desc," : ","; }
            case .limit(let n, let offset): out += "limit \(n) \(offset)"
            case .group(let keys): out += "group "; for k in keys { k.write(to: &out); out += "," }
            case .count: out += "count"
            case .distinct: out += "distinct"
            case .pivot(let r, let c): out += "pivot "; r.write(to: &out); out += " by "; c.write(to: &out)
            }
        }
        out += ")"
    }
}

extension Expr {
    /// The arguments of a call (none for anything else).
    var callArguments: [Expr] {
        if case .call(_, let args) = kind { return args }
        return []
    }

    /// A literal, `today` or a parameter: the same value on every row (a select's `1 as one`
    /// does not make every later 1 that column).
    var isValue: Bool {
        switch kind {
        case .integer, .decimal, .text, .date, .bool, .null, .today, .parameter: return true
        default: return false
        }
    }

    /// A condition as written: a comparison, a text match, and/or/not, is null, in, between.
    var isCondition: Bool {
        switch kind {
        case .binary(let op, _, _): return !op.isArithmetic
        case .not, .isNull, .inList, .between: return true
        default: return false
        }
    }
}
