/// An expression compiled against a table: a closure from a row (or group) index to a value,
/// with its static type and, where known, the constant or column it is (for fast paths).
struct Compiled {
    typealias Eval = (Int) throws(Diagnostic) -> Value
    let type: DataType
    let eval: Eval
    /// Set when the value does not depend on the row.
    var constant: Value?
    /// Set when the expression reads one column, possibly through a to-one relation.
    var access: ColumnAccess?
    /// The expression's text, used as the column name of `select score / 10`.
    var label: String
    var range: SourceRange

    static func constant(_ v: Value, type: DataType, label: String, range: SourceRange) -> Compiled {
        Compiled(type: type, eval: { _ throws(Diagnostic) in v }, constant: v, access: nil, label: label, range: range)
    }

    /// In the check: a value of `type` known only when the statement runs (a query's count,
    /// a parameter defaulting to one). Not a constant, so nothing is folded from it.
    static func unknown(_ type: DataType, label: String, range: SourceRange) -> Compiled {
        Compiled(type: type, eval: { _ throws(Diagnostic) in .null }, label: label, range: range)
    }
}

/// A column read for row r of the scope table: `column[rowMap?[r] ?? r]` (-1 in the map = null).
struct ColumnAccess {
    let column: Column
    let rowMap: [Int32]?
}

/// A compiled condition: three-valued, as SQL.
typealias Predicate = (Int) throws(Diagnostic) -> Tri

/// A cooperative cancellation flag, set from a signal handler, checked by long loops.
public final class CancelToken: @unchecked Sendable {
    private let flag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    public init() { flag.initialize(to: 0) }
    deinit { flag.deallocate() }
    /// Raw address for a signal handler to store 1 into.
    public var address: UnsafeMutablePointer<Int32> { flag }
    /// Read through a non-inlined call so the optimiser cannot hoist it out of a loop.
    public var isCancelled: Bool { _readVolatile(flag) != 0 }
    public func cancel() { flag.pointee = 1 }
    public func reset() { flag.pointee = 0 }
}

@inline(never)
func _readVolatile(_ p: UnsafeMutablePointer<Int32>) -> Int32 { p.pointee }
