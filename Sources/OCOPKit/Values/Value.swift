/// The static type of a column or expression.
public enum DataType: String, Sendable, Equatable {
    case integer, decimal, text, date, boolean
    /// The type of the literal `null`: compatible with every type.
    case null
    /// `90 days`: only as an operand of date arithmetic.
    case duration

    var isNumeric: Bool { self == .integer || self == .decimal }
    /// A name for messages: "a number", "text", …
    var phrase: String {
        switch self {
        case .integer: return "a whole number"
        case .decimal: return "a number"
        case .text: return "text"
        case .date: return "a date"
        case .boolean: return "true/false"
        case .null: return "null"
        case .duration: return "a duration"
        }
    }
}

/// One value of a cell or an expression result.
public enum Value: Hashable, Sendable {
    case null
    case integer(Int64)
    case decimal(Double)
    case text(String)
    case date(Day)
    case boolean(Bool)

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// As a Double, for numeric comparisons and aggregates.
    var number: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .decimal(let v): return v
        default: return nil
        }
    }
}

/// Three-valued logic: SQL's true, false and unknown (a comparison with null).
public enum Tri: UInt8, Sendable {
    case no = 0, yes = 1, unknown = 2

    init(_ b: Bool) { self = b ? .yes : .no }

    static func and(_ a: Tri, _ b: Tri) -> Tri {
        if a == .no || b == .no { return .no }
        if a == .yes && b == .yes { return .yes }
        return .unknown
    }
    static func or(_ a: Tri, _ b: Tri) -> Tri {
        if a == .yes || b == .yes { return .yes }
        if a == .no && b == .no { return .no }
        return .unknown
    }
    var not: Tri { self == .unknown ? .unknown : (self == .yes ? .no : .yes) }
}
