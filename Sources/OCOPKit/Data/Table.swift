/// A named set of typed columns of equal length, with relations to other tables.
public final class Table {
    public let name: String
    public private(set) var columns: [Column]
    public let rowCount: Int
    /// Relations by name: `producer` (to one), `products` (to many).
    public internal(set) var relations: [String: Relation] = [:]
    private var index: [String: Int] = [:]

    public init(name: String, columns: [Column], rowCount: Int) {
        self.name = name
        self.columns = columns
        self.rowCount = rowCount
        for (i, c) in columns.enumerated() { index[c.name] = i }
    }

    public func column(_ name: String) -> Column? {
        index[name].map { columns[$0] }
    }

    /// Adds or replaces a column (used at load for derived columns).
    func setColumn(_ column: Column) {
        if let i = index[column.name] { columns[i] = column } else {
            index[column.name] = columns.count
            columns.append(column)
        }
    }

    public var columnNames: [String] { columns.map(\.name) }
}

/// How rows of one table lead to rows of another.
public enum Relation {
    /// Each row points at one row of `target` (or -1): product → producer.
    case toOne(target: Table, rows: [Int32])
    /// Each row owns the rows `rows[offsets[r]..<offsets[r+1]]` of `target`: producer → products.
    case toMany(target: Table, offsets: [Int32], rows: [Int32])

    public var target: Table {
        switch self {
        case .toOne(let t, _), .toMany(let t, _, _): return t
        }
    }
}

/// The loaded tables, by name, and where they came from.
public final class Dataset {
    public private(set) var tables: [String: Table] = [:]
    /// Table names in the order they were loaded (for listings).
    public private(set) var tableOrder: [String] = []
    /// The folder the data came from; nil for the embedded sample.
    public let folder: String?
    /// Problems found while loading that did not stop it.
    public var warnings: [Diagnostic] = []

    public init(folder: String?) { self.folder = folder }

    func add(_ table: Table) {
        if tables[table.name] == nil { tableOrder.append(table.name) }
        tables[table.name] = table
    }

    /// `214 products, 118 producers`.
    public var summary: String {
        tableOrder.map { "\(tables[$0]!.rowCount) \($0)" }.joined(separator: ", ")
    }
}
