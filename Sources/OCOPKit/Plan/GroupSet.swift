/// Rows of a table partitioned into groups (compressed: group g owns
/// `rows[offsets[g]..<offsets[g+1]]`), with the key expressions that made them.
final class GroupSet {
    struct Key {
        let expr: Expr
        let compiled: Compiled
        let name: String
        /// `expr.structure`: how a select names this key.
        let structure: String
    }

    let table: Table
    let keys: [Key]
    let offsets: [Int32]
    let rows: [Int32]

    init(table: Table, keys: [Key], offsets: [Int32], rows: [Int32]) {
        self.table = table
        self.keys = keys
        self.offsets = offsets
        self.rows = rows
    }

    var count: Int { offsets.count - 1 }

    @inline(__always)
    func firstRow(_ g: Int) -> Int { Int(rows[Int(offsets[g])]) }

    @inline(__always)
    func size(_ g: Int) -> Int { Int(offsets[g + 1] - offsets[g]) }
}
