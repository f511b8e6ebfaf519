/// Notes beside an empty result: which literal probably was meant, or the range a number
/// field actually has. They never change the answer.
extension Executor {
    /// Notes for a `where` that kept no rows of `f`.
    func emptyResultNotes(_ f: Frame, _ cond: Expr) -> [Message] {
        var notes: [Message] = []
        visitNullComparisons(cond) { field, op in
            notes.append(.noteNullCompared(field: source.slice(field.range), op: op.rawValue, test: op == .eq ? "is null" : "is not null"))
        }
        let compiler = ExprCompiler(table: f.table, env: env, source: source)
        visitComparisons(cond) { field, op, literals in
            guard let c = try? compiler.compile(field), let a = c.access else { return }
            let noun: String? = a.rowMap == nil ? f.table.name : nil
            switch a.column.storage {
            case .text(let codes, let pool) where op == .eq && pool.count <= 20_000:
                // at most three notes: a list of 100,000 missing ids gets three, not 100,000
                for lit in literals where notes.count < 3 {
                    guard case .text(let s) = lit.kind, FixedWords.codes(pool, equalTo: s, field: a.column.name).isEmpty else { continue }
                    var counts = [Int](repeating: 0, count: pool.count)
                    for code in codes where code != StringPool.nullCode { counts[Int(code)] += 1 }
                    let values = pool.allStrings
                    let folded = VietText.fold(s)
                    let length = folded.count, limit = max(2, length / 3)
                    let ranked = values.indices
                        .compactMap { i -> (Int, Int)? in
                            let v = VietText.fold(values[i])
                            // the distance is at least the difference in length (skipping it
                            // saves minutes for a 10 MB literal)
                            guard abs(v.count - length) <= limit else { return nil }
                            return (i, EditDistance.distance(folded, v))
                        }
                        .filter { $0.1 <= limit }
                        .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : counts[$0.0] > counts[$1.0] }
                        .prefix(3)
                    let label = source.slice(field.range)
                    let shown = Parser.clipped(s)
                    if ranked.isEmpty {
                        notes.append(.noteNoValue(field: label, value: shown))
                    } else {
                        let list: [Message] = ranked.map { (i, _) in
                            if let noun { return .noteCandidate(value: values[i], n: counts[i], noun: noun) }
                            return .noteCandidateRows(value: values[i], n: counts[i])
                        }
                        let candidates = list.dropFirst().reduce(list[0]) { .either(first: $0, second: $1) }
                        notes.append(.noteNoValueMeant(field: label, value: shown, candidates: candidates))
                    }
                }
            case .integer, .decimal:
                guard op != .eq || literals.count == 1 else { return }
                var lo = Double.infinity, hi = -Double.infinity
                for r in 0..<a.column.count {
                    if let x = a.column.value(r).number { lo = min(lo, x); hi = max(hi, x) }
                }
                guard lo <= hi else { return }
                for lit in literals {
                    let v: Double
                    switch lit.kind {
                    case .integer(let i): v = Double(i)
                    case .decimal(let d): v = d
                    default: continue
                    }
                    let outside: Bool
                    switch op {
                    case .gt: outside = v >= hi
                    case .ge: outside = v > hi
                    case .lt: outside = v <= lo
                    case .le: outside = v < lo
                    default: outside = v < lo || v > hi
                    }
                    if outside {
                        notes.append(.noteRange(field: source.slice(field.range), low: ValueFormat.decimal(lo), high: ValueFormat.decimal(hi)))
                    }
                }
            default:
                return
            }
        }
        return notes
    }

    /// Calls `body(field, op, literals)` for each `field op literal` / `field in [...]` in `e`.
    /// A parameter counts as the literal of its value (`province = $tinh` under
    /// `--param tinh="Bac Kan"`).
    func visitComparisons(_ e: Expr, _ body: (Expr, BinaryOp, [Expr]) -> Void) {
        switch e.kind {
        case .binary(.and, let l, let r), .binary(.or, let l, let r):
            visitComparisons(l, body)
            visitComparisons(r, body)
        case .binary(let op, let l, let r) where op.isComparison:
            if case .path = l.kind, let lit = literal(r) { body(l, op, [lit]) }
            else if case .path = r.kind, let lit = literal(l) { body(r, op.flipped, [lit]) }
        case .inList(let l, let items, false):
            if case .path = l.kind { body(l, .eq, items.compactMap(literal)) }
        default:
            return
        }
    }

    /// `e` when it is a literal text or number; a parameter's value as one.
    func literal(_ e: Expr) -> Expr? {
        if isLiteral(e) { return e }
        guard case .parameter(let name) = e.kind else { return nil }
        switch env.parameters[name] {
        case .text(let s): return Expr(kind: .text(s), range: e.range)
        case .integer(let i): return Expr(kind: .integer(i), range: e.range)
        case .decimal(let d): return Expr(kind: .decimal(d), range: e.range)
        default: return nil
        }
    }

    /// Calls `body(field, op)` for each `field = null` / `field != null` in `e` (never true:
    /// a comparison with null is unknown).
    func visitNullComparisons(_ e: Expr, _ body: (Expr, BinaryOp) -> Void) {
        switch e.kind {
        case .binary(.and, let l, let r), .binary(.or, let l, let r):
            visitNullComparisons(l, body)
            visitNullComparisons(r, body)
        case .binary(let op, let l, let r) where op == .eq || op == .ne:
            if case .null = r.kind { body(l, op) } else if case .null = l.kind { body(r, op) }
        default:
            return
        }
    }

    func isLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .text, .integer, .decimal: return true
        default: return false
        }
    }
}

extension BinaryOp {
    /// The operator with its operands swapped: `5 < x` is `x > 5`.
    var flipped: BinaryOp {
        switch self {
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        default: return self
        }
    }
}
