/// A named set of typed columns of equal length, with relations to other tables.
public final class Table {
    public let name: String
    public private(set) var columns: [Column]
    public let rowCount: Int
    /// Relations by name: `producer` (to one), `products` (to many).
    public internal(set) var relations: [String: Relation] = [:]
    private var index: [String: Int] = [:]
    /// Fields ocop computes (status, days_left, new_province, prev_stars, …), by name. They
    /// are queried like columns but not shown when a table is listed whole (DerivedField.swift).
    var derived: [String: DerivedField] = [:]
    /// Names of `derived`, in the order they were added.
    public private(set) var derivedNames: [String] = []
    /// For a select's result: each column by the structure of the expression it shows
    /// (`Expr.structure`), so a later clause that writes the expression again reads the
    /// column: `select name, producer.kind sort by producer.kind`, `… select category,
    /// avg(score) sort by avg(score)`.
    var selected: [String: String] = [:]
    /// The file the rows came from, to turn row numbers into line numbers in load warnings.
    var origin: TableOrigin?
    /// For a table read by the CSV loader: the file line of each row (LoadWarnings).
    var rowLines: RowLineIndex?
    /// Header cells that were recognised as a known column under another name:
    /// canonical name → the header as written (`stars` → `Hạng sao`).
    public internal(set) var headerAliases: [String: String] = [:]

    public init(name: String, columns: [Column], rowCount: Int) {
        self.name = name
        self.columns = columns
        self.rowCount = rowCount
        for (i, c) in columns.enumerated() { index[c.name] = i }
    }

    /// The column called `name`, or else the one ocop named whose heading in some language is
    /// `name` (`sort by tổng` after a pivot).
    public func column(_ name: String) -> Column? {
        if let i = index[name] { return columns[i] }
        return columns.first { c in c.heading.map { h in Lang.allCases.contains { h.text($0) == name } } ?? false }
    }

    /// Adds or replaces a column (used at load for derived columns).
    func setColumn(_ column: Column) {
        if let i = index[column.name] { columns[i] = column } else {
            index[column.name] = columns.count
            columns.append(column)
        }
    }

    /// Removes a column (a file column replaced by a derived one at load).
    func removeColumn(_ name: String) {
        guard index[name] != nil else { return }
        columns.removeAll { $0.name == name }
        index = [:]
        for (i, c) in columns.enumerated() { index[c.name] = i }
    }

    public var columnNames: [String] { columns.map(\.name) }

    /// Adds a derived field (replacing one of the same name).
    func addDerived(_ field: DerivedField) {
        if derived[field.name] == nil { derivedNames.append(field.name) }
        derived[field.name] = field
    }

    /// A column of the file, or else a derived field evaluated for `today`.
    public func field(_ name: String, today: Day) -> Column? {
        if let c = column(name) { return c }
        return derived[name]?.column(today: today)
    }

    /// Every name a query can use as a field: the file's columns, then the derived fields.
    public var fieldNames: [String] { columnNames + derivedNames }
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

/// A dataset's tables by name: the loaded ones, and built-in ones (`units`) made the first
/// time a statement, `tables`, `describe`, help or completion names them, so a session that
/// never asks pays nothing for them at start-up.
public struct Tables {
    fileprivate var loaded: [String: Table] = [:]
    fileprivate var builtIn: [String: BuiltInTable] = [:]

    public subscript(name: String) -> Table? { loaded[name] ?? builtIn[name]?.table }

    /// The tables made so far (a built-in one not yet asked for is left out).
    public var values: [Table] { Array(loaded.values) + builtIn.values.compactMap(\.made) }
}

/// A table made by `make` when first asked for.
final class BuiltInTable {
    private let make: () -> Table
    private(set) var made: Table?
    init(_ make: @escaping () -> Table) { self.make = make }
    var table: Table {
        if let made { return made }
        let t = make()
        made = t
        return t
    }
}

/// The loaded tables, by name, and where they came from.
public final class Dataset {
    public private(set) var tables = Tables()
    /// Table names in the order they were loaded (for listings).
    public private(set) var tableOrder: [String] = []
    /// The folder the data came from; nil for the embedded sample.
    public let folder: String?
    /// Problems found while loading that did not stop it.
    public var warnings: [Diagnostic] = []
    /// `3 warnings in the data: 1 duplicate id, …`, or nil for a clean load
    /// (`Message.helpListWarnings` says how to list them).
    public internal(set) var warningSummary: Message?
    /// What the printed layout of each spreadsheet did (skipped rows, unreadable cells).
    var layouts: [LayoutNote] = []
    /// Rows of each table whose new_commune the built-in table chose, not the data (Units).
    var uncertainUnits: [String: UncertainUnits] = [:]

    public init(folder: String?) { self.folder = folder }

    /// The built-in table of the 2025 units (Units/), decoded the first time an address is
    /// not in the list's own units.csv or a query names a province.
    lazy var builtinUnits = UnitsTable()

    /// Relations point both ways (products ↔ producers) and derived fields capture their
    /// table, so the tables of a dataset hold each other; the dataset owns them all and
    /// breaks those cycles when it goes (a `compare` with another folder, a test, the fuzzers
    /// load many datasets in one process). A frame that outlives its dataset keeps its columns.
    deinit {
        for t in tables.values {
            t.relations = [:]
            t.derived = [:]
        }
        tables.builtIn = [:]
    }

    func add(_ table: Table) {
        if tables[table.name] == nil { tableOrder.append(table.name) }
        tables.builtIn[table.name] = nil
        tables.loaded[table.name] = table
    }

    /// A table listed as `name` and made by `make` the first time it is asked for; it
    /// takes the place of a loaded table of that name.
    func addBuiltIn(_ name: String, _ make: @escaping () -> Table) {
        if tables.loaded.removeValue(forKey: name) == nil, tables.builtIn[name] == nil { tableOrder.append(name) }
        tables.builtIn[name] = BuiltInTable(make)
    }

    /// `214 products, 118 producers`.
    public var summary: String { summary(.en) }

    /// `1,000,000 products` (en), `1.000.000 products` (vi): the counts as the language writes them.
    public func summary(_ lang: Lang) -> String {
        tableOrder.map { "\(ValueFormat.grouped(Int64(tables[$0]!.rowCount), lang)) \($0)" }.joined(separator: ", ")
    }
}
