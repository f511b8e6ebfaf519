/// `explain QUERY`: a checked plan as text, one line per step, for teaching and speed work:
///
///     products                  a table: 214 rows, 17 fields
///     where stars >= 4          one loop over the column stars
///     sort by name              keeps the best 5 rows (top-k: a limit follows)
///     select id, name           gives id (text), name (text)
///     limit 5                   keeps at most 5 rows
///
/// After `explain analyze` ran the plan, each step adds how many rows (or groups) it kept.
extension Plan {
    func explained(_ source: Source, _ lang: Lang) -> String {
        var lines: [(String, [String])] = []
        let q = query
        let head = q.compare == nil ? q.source.text : source.slice(q.source.range)
        switch from {
        case nil:
            let t = Msg.text("plan.table", lang, ValueFormat.grouped(Int64(tableRows ?? 0), lang), String(tableFields ?? 0))
            lines.append((head, [t]))
        case .fields(let fs)?:
            lines.append((q.compare == nil ? head : "compare", [Msg.text("plan.fields", lang, Self.fields(fs, lang))]))
        case let other?:
            lines.append((head, [Self.describe(other, lang) ?? ""]))
        }
        if from != nil, let n = sourceRows {
            lines[0].1[0] += "; " + Msg.text("plan.ran.source", lang, ValueFormat.grouped(Int64(n), lang))
        }
        for step in steps {
            var parts: [String] = []
            var more: [String] = []
            if case .and(let conditions)? = step.filter {
                parts.append(Msg.text("plan.where.and", lang))
                more = conditions.map { "- " + Self.describe($0, lang) }
            } else if let f = step.filter {
                parts.append(Self.describe(f, lang))
            }
            if let k = step.topK { parts.append(Msg.text("plan.sort.topk", lang, ValueFormat.grouped(Int64(k), lang))) }
            else if case .sort = step.clause.kind { parts.append(Msg.text("plan.sort.full", lang)) }
            switch step.clause.kind {
            case .limit(let n, let offset):
                if n == Int.max { parts.append(Msg.text("plan.offset", lang, ValueFormat.grouped(Int64(offset), lang))) }
                else if offset > 0 { parts.append(Msg.text("plan.limit.offset", lang, ValueFormat.grouped(Int64(n), lang), ValueFormat.grouped(Int64(offset), lang))) }
                else { parts.append(Msg.text("plan.limit", lang, ValueFormat.grouped(Int64(n), lang))) }
            case .distinct: parts.append(Msg.text("plan.distinct", lang))
            default: break
            }
            if case .pivot(let r, let c) = step.clause.kind {
                // its columns are the values the rows hold: known when it runs
                parts.append(Msg.text("plan.pivot", lang, source.slice(r.range), source.slice(c.range)))
            } else if let keeps = step.keeps, let d = Self.describe(keeps, lang) {
                parts.append(d)
            }
            // after an `and`'s parts, on a line of its own
            if let n = step.rows { if more.isEmpty { parts.append(Self.describe(n, lang)) } else { more.append(Self.describe(n, lang)) } }
            lines.append((source.slice(step.clause.range), [parts.joined(separator: "; ")] + more))
        }
        // the descriptions line up after the widest clause (a long one puts its own on the next line)
        let width = min(32, lines.map { DisplayWidth.of($0.0) }.max() ?? 0)
        var out = ""
        let indent = String(repeating: " ", count: width + 2)
        for (clause, what) in lines {
            let w = DisplayWidth.of(clause)
            if w > width { out += clause + "\n" + indent } else { out += clause + String(repeating: " ", count: width - w + 2) }
            out += what.joined(separator: "\n" + indent) + "\n"
        }
        return out
    }

    /// What a step kept when the plan ran (`explain analyze`).
    static func describe(_ n: Plan.Count, _ lang: Lang) -> String {
        switch n {
        case .rows(let r): return Msg.text("plan.ran.rows", lang, ValueFormat.grouped(Int64(r), lang))
        case .groups(let g): return Msg.text("plan.ran.groups", lang, ValueFormat.grouped(Int64(g), lang))
        }
    }

    static func describe(_ f: FilterPath, _ lang: Lang) -> String {
        switch f {
        case .columnLoop(let c): return Msg.text("plan.where.loop", lang, c)
        case .valueTable(let c): return Msg.text("plan.where.table", lang, c)
        case .rowByRow: return Msg.text("plan.where.rows", lang)
        case .and(let parts): return parts.map { describe($0, lang) }.joined(separator: "; ")
        }
    }

    /// What a step gives, or nil when it keeps the fields it was given.
    static func describe(_ s: Shape, _ lang: Lang) -> String? {
        switch s {
        case .sameFields: return nil
        case .fields(let fs): return Msg.text("plan.fields", lang, fields(fs, lang))
        case .groups(let keys): return Msg.text("plan.groups", lang, fields(keys, lang))
        case .value(let label, let type): return Msg.text("plan.value", lang, label, Msg.text("plan.type.\(type.rawValue)", lang))
        }
    }

    static func fields(_ fs: [Shape.Field], _ lang: Lang) -> String {
        fs.map { "\($0.name) (\(Msg.text("plan.type.\($0.type.rawValue)", lang)))" }.joined(separator: ", ")
    }
}
