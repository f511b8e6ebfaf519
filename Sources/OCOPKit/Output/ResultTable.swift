/// Rows and named columns ready to print: what every output format takes.
public struct ResultTable {
    public var columns: [String]
    public var types: [DataType]
    /// Per column, the heading of a name ocop made (Column.heading), else nil: tables, records
    /// and markdown show it in the session's language; csv and json write `columns`.
    public var headings: [Message?]
    /// Number of rows.
    public var count: Int
    /// Value of row `r`, column `c`.
    public let cell: (Int, Int) -> Value

    public init(columns: [String], types: [DataType], count: Int, cell: @escaping (Int, Int) -> Value) {
        self.columns = columns
        self.types = types
        self.headings = columns.map { _ in nil }
        self.count = count
        self.cell = cell
    }

    init(_ f: Frame) {
        let cols = f.table.columns
        columns = cols.map(\.name)
        types = cols.map(\.type)
        headings = cols.map(\.heading)
        count = f.count
        cell = { r, c in cols[c].value(f.row(r)) }
    }

    /// Column `c` as a table shows it in `lang`: its heading, else its name.
    public func heading(_ c: Int, _ lang: Lang) -> String {
        headings.indices.contains(c) ? headings[c]?.text(lang) ?? columns[c] : columns[c]
    }
}
