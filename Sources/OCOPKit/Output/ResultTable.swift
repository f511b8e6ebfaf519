/// Rows and named columns ready to print: what every output format takes.
public struct ResultTable {
    public var columns: [String]
    public var types: [DataType]
    /// Number of rows.
    public var count: Int
    /// Value of row `r`, column `c`.
    public let cell: (Int, Int) -> Value

    public init(columns: [String], types: [DataType], count: Int, cell: @escaping (Int, Int) -> Value) {
        self.columns = columns
        self.types = types
        self.count = count
        self.cell = cell
    }

    init(_ f: Frame) {
        let cols = f.table.columns
        columns = cols.map(\.name)
        types = cols.map(\.type)
        count = f.count
        cell = { r, c in cols[c].value(f.row(r)) }
    }
}
