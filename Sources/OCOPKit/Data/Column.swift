/// One typed column. Empty cells are sentinels so scans stay branch-light:
/// `Int64.min` (integer), NaN (decimal), `Int32.min` (date), 2 (boolean), `StringPool.nullCode` (text).
public final class Column {
    public enum Storage {
        case integer([Int64])
        case decimal([Double])
        case date([Int32])
        case boolean([UInt8])
        case text([UInt32], StringPool)
    }

    public static let nullInteger = Int64.min
    public static let nullDate = Int32.min

    public let name: String
    public internal(set) var storage: Storage
    /// `describe`'s figures over every row (FieldStats), made once: a column never changes.
    /// The loader makes them for the files' columns on the second core while it links.
    private var statsOfAll: FieldStats?
    var wholeStats: FieldStats {
        if let s = statsOfAll { return s }
        let s = FieldStats(self, rowCount: count)
        statsOfAll = s
        return s
    }
    /// For a column ocop names itself (a group's `count`, a pivot's `total` and `null`): the
    /// heading a table shows in the session's language (`tổng`). Queries, csv and json use
    /// `name` in every language; a query may also write the heading (ResultTable.headings).
    public let heading: Message?

    public init(name: String, storage: Storage, heading: Message? = nil) {
        self.name = name
        self.storage = storage
        self.heading = heading
    }

    public var type: DataType {
        switch storage {
        case .integer: return .integer
        case .decimal: return .decimal
        case .date: return .date
        case .boolean: return .boolean
        case .text: return .text
        }
    }

    public var count: Int {
        switch storage {
        case .integer(let a): return a.count
        case .decimal(let a): return a.count
        case .date(let a): return a.count
        case .boolean(let a): return a.count
        case .text(let a, _): return a.count
        }
    }

    /// The value in row `row`.
    public func value(_ row: Int) -> Value {
        switch storage {
        case .integer(let a): let v = a[row]; return v == Column.nullInteger ? .null : .integer(v)
        case .decimal(let a): let v = a[row]; return v.isNaN ? .null : .decimal(v)
        case .date(let a): let v = a[row]; return v == Column.nullDate ? .null : .date(Day(days: v))
        case .boolean(let a): let v = a[row]; return v == 2 ? .null : .boolean(v == 1)
        case .text(let a, let pool): let c = a[row]; return c == StringPool.nullCode ? .null : .text(pool.string(c))
        }
    }

    public func isNull(_ row: Int) -> Bool {
        switch storage {
        case .integer(let a): return a[row] == Column.nullInteger
        case .decimal(let a): return a[row].isNaN
        case .date(let a): return a[row] == Column.nullDate
        case .boolean(let a): return a[row] == 2
        case .text(let a, _): return a[row] == StringPool.nullCode
        }
    }

    /// A column of `values`, all of `type` or null.
    public static func from(name: String, type: DataType, values: [Value]) -> Column {
        switch type {
        case .integer:
            return Column(name: name, storage: .integer(values.map { if case .integer(let v) = $0 { return v }; return nullInteger }))
        case .decimal:
            return Column(name: name, storage: .decimal(values.map { $0.number ?? .nan }))
        case .date:
            return Column(name: name, storage: .date(values.map { if case .date(let d) = $0 { return d.days }; return nullDate }))
        case .boolean:
            return Column(name: name, storage: .boolean(values.map { if case .boolean(let b) = $0 { return b ? 1 : 0 }; return 2 }))
        case .text, .null, .duration:
            let pool = StringPool()
            let codes = values.map { v -> UInt32 in
                switch v {
                case .null: return StringPool.nullCode
                case .text(let s): return pool.intern(s)
                default: return pool.intern(ValueFormat.plain(v))
                }
            }
            return Column(name: name, storage: .text(codes, pool))
        }
    }
}
