import Foundation

/// Relations by key: `child.key → parent.id` becomes a to-one relation on the child and its
/// inverse, a to-many relation, on the parent. One hash lookup per distinct key value, then
/// integer work per row; a duplicated parent id links to its first row.
enum Relations {
    /// The parent row of each child row (-1: empty key or no such id).
    @discardableResult
    static func link(_ child: Table, key: String, to parent: Table, parentKey: String = "id",
                     as toOne: String, inverse toMany: String) -> [Int32]? {
        guard let k = child.column(key), case .text(let kcodes, let kpool) = k.storage,
              let id = parent.column(parentKey), case .text(let icodes, let ipool) = id.storage else { return nil }
        // id entry → parent row
        var rowOfEntry = [Int32](repeating: -1, count: ipool.count)
        for r in 0..<parent.rowCount where icodes[r] != StringPool.nullCode {
            if rowOfEntry[Int(icodes[r])] == -1 { rowOfEntry[Int(icodes[r])] = Int32(r) }
        }
        // key entry → parent row, one hash lookup per distinct value
        // (on two cores for a big key column: each lookup is a cache miss in the id index)
        var target = [Int32](repeating: -1, count: kpool.count)
        _ = ipool.code(ofBytes: UnsafeBufferPointer(start: nil, count: 0))  // builds the index: then lookups only read
        let n = kpool.count, parts = n > 100_000 ? 2 : 1
        target.withUnsafeMutableBufferPointer { out in
            let shared = UncheckedBox((out, rowOfEntry, kpool, ipool))
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (out, rowOfEntry, kpool, ipool) = shared.value
                for c in n * part / parts..<n * (part + 1) / parts {
                    if let ic = kpool.withBytes(UInt32(c), { ipool.code(ofBytes: $0) }) { out[c] = rowOfEntry[Int(ic)] }
                }
            }
        }
        var parentRow = [Int32](repeating: -1, count: child.rowCount)
        for r in 0..<child.rowCount {
            let c = kcodes[r]
            if c != StringPool.nullCode { parentRow[r] = target[Int(c)] }
        }
        connect(child, parentRow, to: parent, as: toOne, inverse: toMany)
        return parentRow
    }

    /// Sets `toOne` on `child` (row → parent row, -1 for none) and its inverse `toMany` on
    /// `parent` (each parent's rows in child order).
    static func connect(_ child: Table, _ parentRow: [Int32], to parent: Table, as toOne: String, inverse toMany: String) {
        var counts = [Int32](repeating: 0, count: parent.rowCount + 1)
        for r in 0..<child.rowCount where parentRow[r] >= 0 { counts[Int(parentRow[r]) + 1] += 1 }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var fill = counts
        var owned = [Int32](repeating: 0, count: Int(counts[parent.rowCount]))
        for r in 0..<child.rowCount where parentRow[r] >= 0 {
            let p = Int(parentRow[r])
            owned[Int(fill[p])] = Int32(r)
            fill[p] += 1
        }
        child.relations[toOne] = .toOne(target: parent, rows: parentRow)
        parent.relations[toMany] = .toMany(target: child, offsets: counts, rows: owned)
    }

    /// `expires_on` filled where empty with certified_on + 36 months (month-end safe).
    static func defaultExpiry(_ t: Table) {
        guard let cert = t.column("certified_on"), case .date(let certified) = cert.storage else { return }
        var expires: [Int32]
        if let e = t.column("expires_on"), case .date(let given) = e.storage { expires = given }
        else { expires = [Int32](repeating: Column.nullDate, count: t.rowCount) }
        for r in 0..<t.rowCount where expires[r] == Column.nullDate && certified[r] != Column.nullDate {
            expires[r] = Day(days: certified[r]).adding(months: Schema.validityMonths)?.days ?? Column.nullDate
        }
        t.setColumn(Column(name: "expires_on", storage: .date(expires)))
    }
}
