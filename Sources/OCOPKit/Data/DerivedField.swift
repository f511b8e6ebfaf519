import Foundation

/// A field ocop computes rather than reads: `status`, `days_left`, `new_province`,
/// `prev_stars`, `change`, `latest`.
///
/// Two kinds. A *fixed* field is computed once at load (new_province, prev_stars). A field
/// that depends on `today` (status, days_left) cannot be: `today` is a session setting
/// (`--today`, `set today`), so it is computed as a whole column the first time a query names
/// it for a given day and kept until `today` changes. Either way the compiler gets a plain
/// Column, so every fast path (column loops, grouping, sorting) applies.
///
/// Derived fields are not shown when a table is listed whole (`products where …` shows what
/// the file holds); name them in `select`, and `describe TABLE` lists them.
final class DerivedField: @unchecked Sendable {
    enum Kind {
        case fixed(Column)
        case byDay((Day) -> Column)
    }

    let name: String
    let kind: Kind
    /// One line for `describe`: what the field means.
    let meaning: String
    private var cached: (day: Int32, column: Column)?
    private let lock = NSLock()

    init(_ name: String, meaning: String, _ kind: Kind) {
        self.name = name
        self.meaning = meaning
        self.kind = kind
    }

    /// The column for `today` (the same column object while `today` stays the same).
    func column(today: Day) -> Column {
        switch kind {
        case .fixed(let c): return c
        case .byDay(let make):
            lock.lock()
            defer { lock.unlock() }
            if let c = cached, c.day == today.days { return c.column }
            let c = make(today)
            cached = (today.days, c)
            return c
        }
    }

    /// A text column whose values are the `labels`, one code per row (`nullCode` = empty).
    static func labelled(_ name: String, codes: [UInt32], labels: [String]) -> Column {
        let pool = StringPool()
        for l in labels { _ = pool.intern(l) }
        return Column(name: name, storage: .text(codes, pool))
    }
}

/// Where a table's rows came from: a CSV file (on disk or embedded) or a JSON file.
struct TableOrigin {
    /// The file as diagnostics name it: `lists/2026-11/products.csv`, `<sample>/products.csv`.
    let file: String
    /// The CSV bytes, read again only when a load warning needs line numbers; nil for JSON.
    let csvBytes: (() -> [UInt8]?)?
    /// For a sheet of a workbook: its name, and the sheet row (1-based) of each table row.
    var sheet: String? = nil
    var sheetRows: [Int32]? = nil

    /// `products.csv` (the file name without its folder).
    var fileName: String { (file as NSString).lastPathComponent }
}
