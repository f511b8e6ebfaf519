import Foundation

/// Fields and values: what an operand can be.
extension Completer {
    /// Columns and derived fields (status, new_province, …), then relations (`producer.` to
    /// one, `products` to many), of `table`.
    func fields(of table: Table) -> [Completion.Candidate] {
        var out = table.fieldNames.map { Completion.Candidate(text: "\($0) ", label: $0) }
        for (name, rel) in table.relations.sorted(by: { $0.key < $1.key }) {
            if case .toOne = rel { out.append(.init(text: "\(name).", label: "\(name).")) }
            else { out.append(.init(text: "\(name) ", label: name)) }
        }
        return out
    }

    /// The values of the text field at `path` whose folded form starts with folded `typed`
    /// (or, when none does, has a word that does), quoted, in Vietnamese order, with row counts.
    func values(_ path: [String], in scope: Scope, typed: String, quote: Character, inList: Bool) -> [Completion.Candidate] {
        guard let table = scope.table, let last = path.last,
              let owner = Completer.follow(Array(path.dropLast()), from: table),
              let column = owner.field(last, today: env.today), case .text(let codes, let pool) = column.storage,
              pool.count <= maxDistinct else { return [] }
        // a variable's own rows; through a relation, the whole target table
        let counts = path.count == 1 && scope.rows != nil ? Completer.count(codes, pool.count, scope.rows) : wholeCounts(column)
        let key = VietText.fold(typed)
        var prefix: [UInt32] = [], inside: [UInt32] = []
        for code in 0..<UInt32(pool.count) where counts[Int(code)] > 0 {
            let folded = VietText.fold(pool.string(code))
            if folded.hasPrefix(key) { prefix.append(code) }
            else if folded.contains(" " + key) { inside.append(code) }
        }
        let ranks = pool.ranks
        let chosen = (prefix.isEmpty ? inside : prefix).sorted { ranks[Int($0)] < ranks[Int($1)] }
        let q = String(quote)
        return chosen.map { code in
            let value = pool.string(code)
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: q, with: q + q)
            return .init(text: q + escaped + q + (inList ? "" : " "), label: value, rows: counts[Int(code)])
        }
    }

    /// Rows per code over the whole column, computed once per column.
    func wholeCounts(_ column: Column) -> [Int] {
        let id = ObjectIdentifier(column)
        if let c = countCache[id] { return c }
        guard case .text(let codes, let pool) = column.storage else { return [] }
        let c = Completer.count(codes, pool.count, nil)
        countCache[id] = c
        return c
    }

    static func count(_ codes: [UInt32], _ distinct: Int, _ rows: [Int32]?) -> [Int] {
        var n = [Int](repeating: 0, count: distinct)
        if let rows {
            for r in rows { let c = codes[Int(r)]; if c != StringPool.nullCode { n[Int(c)] += 1 } }
        } else {
            for c in codes where c != StringPool.nullCode { n[Int(c)] += 1 }
        }
        return n
    }
}
