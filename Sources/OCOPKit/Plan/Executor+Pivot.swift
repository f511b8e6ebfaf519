/// `pivot ROWS by COLUMNS`: a cross-tab, the commonest shape of an OCOP report table
/// (provinces by stars). One row per value of ROWS, in group order (Vietnamese order, nulls
/// last); after the ROWS column, one whole-number column per value of COLUMNS (in the same
/// order, named as the value is written: `3`, `4`, `5`, `null`), each cell the number of rows
/// with both values (0 when none), then `total`, the row's count.
extension Executor {
    func pivot(_ f: Frame, rows r: Expr, columns c: Expr) throws(Diagnostic) -> Frame {
        let g = try group(f, [r, c])
        let rowKey = g.keys[0], colKey = g.keys[1]
        // the column values, ordered as group by orders them (the groups are by row, then column)
        var columnValues: [Value] = []  // as first seen; compared by their canonical form
        var columnOf: [Value: Int] = [:]
        var cells: [(row: Int, column: Value, n: Int)] = []
        var rowValues: [Value] = []
        var rowOf: [Value: Int] = [:]
        for i in 0..<g.count {
            if i & 0xFFF == 0 { try env.checkCancel() }
            let first = g.firstRow(i)
            let rv = try rowKey.compiled.eval(first), cv = try colKey.compiled.eval(first)
            let rk = Self.groupValue(rv), ck = Self.groupValue(cv)
            if rowOf[rk] == nil { rowOf[rk] = rowValues.count; rowValues.append(rv) }
            if columnOf[ck] == nil { columnOf[ck] = 0; columnValues.append(cv) }
            cells.append((rowOf[rk]!, ck, g.size(i)))
        }
        columnValues.sort { a, b in
            if a.isNull != b.isNull { return b.isNull }
            if case .text(let x) = a, case .text(let y) = b { return compareBytes(Collation.key(x), Collation.key(y)) < 0 }
            return (compareValues(a, b) ?? 0) < 0
        }
        for (i, v) in columnValues.enumerated() { columnOf[Self.groupValue(v)] = i }
        var counts = [[Int64]](repeating: [Int64](repeating: 0, count: rowValues.count), count: columnValues.count)
        var totals = [Int64](repeating: 0, count: rowValues.count)
        for cell in cells {
            counts[columnOf[cell.column]!][cell.row] += Int64(cell.n)
            totals[cell.row] += Int64(cell.n)
        }
        let rowType = rowKey.compiled.type == .null ? DataType.text : rowKey.compiled.type
        var columns = [Column.from(name: rowKey.name, type: rowType, values: rowValues)]
        var names: Set<String> = [rowKey.name]
        for (i, v) in columnValues.enumerated() {
            var name = v.isNull ? "null" : ValueFormat.plain(v)
            while names.contains(name) || name == "total" { name += "_" }
            names.insert(name)
            columns.append(Column(name: name, storage: .integer(counts[i]), heading: v.isNull ? .headingNull : nil))
        }
        var total = "total"
        while names.contains(total) { total += "_" }
        columns.append(Column(name: total, storage: .integer(totals), heading: total == "total" ? .headingTotal : nil))
        return Frame(table: Table(name: f.table.name, columns: columns, rowCount: rowValues.count))
    }

    /// A key's value as groups compare it: text by its canonical form ("Hoà" is "Hòa").
    static func groupValue(_ v: Value) -> Value {
        if case .text(let s) = v { return .text(VietText.canonical(s)) }
        return v
    }
}
