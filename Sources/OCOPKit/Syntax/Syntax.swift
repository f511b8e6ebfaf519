/// The syntax tree. Every node carries the source range it was parsed from.

/// A name as written, with where it was written.
public struct Name: Equatable, Sendable {
    public var text: String
    public var range: SourceRange
}

public struct Expr: Equatable, Sendable {
    public indirect enum Kind: Equatable, Sendable {
        case integer(Int64)
        case decimal(Double)
        case text(String)
        case date(Day)
        case bool(Bool)
        case null
        case today
        /// `90 days`, `36 months`, `1 year`: only meaningful added to or taken from a date.
        case duration(Expr, DurationUnit)
        /// `province`, `producer.kind`.
        case path([Name])
        /// `$province`.
        case parameter(String)
        /// `year(certified_on)`, `count()`, `count(products)`, `avg(score)`.
        case call(Name, [Expr])
        case negate(Expr)
        case not(Expr)
        case binary(BinaryOp, Expr, Expr)
        case isNull(Expr, negated: Bool)
        case inList(Expr, [Expr], negated: Bool)
        case between(Expr, Expr, Expr, negated: Bool)
        /// A query used as a value inside an expression: `count(products where stars = 4)`
        /// on a producer, `{products count}` in print.
        case subquery(Query)
    }
    public var kind: Kind
    public var range: SourceRange
}

public enum DurationUnit: String, Equatable, Sendable {
    case days, weeks, months, years
}

public enum BinaryOp: String, Equatable, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
    case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case and, or
    case contains, startsWith = "starts with", endsWith = "ends with", like = "~"

    var isComparison: Bool { [.eq, .ne, .lt, .le, .gt, .ge].contains(self) }
    var isArithmetic: Bool { [.add, .sub, .mul, .div, .mod].contains(self) }
    var isTextMatch: Bool { [.contains, .startsWith, .endsWith, .like].contains(self) }
}

public struct SelectItem: Equatable, Sendable {
    public var expr: Expr
    public var alias: Name?
}

public struct SortKey: Equatable, Sendable {
    public var expr: Expr
    public var descending: Bool
}

public struct Clause: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case `where`(Expr)
        case select([SelectItem])
        case sort([SortKey])
        case limit(Int, offset: Int)
        case group([Expr])
        case count
        case distinct
        /// `pivot province by stars`: a cross-tab, one row per province and a count column
        /// per value of stars, then their total.
        case pivot(rows: Expr, columns: Expr)
    }
    public var kind: Kind
    /// The clause keyword(s): `where`, `sort by`, …
    public var keywordRange: SourceRange
    public var range: SourceRange
}

public struct Query: Equatable, Sendable {
    /// A table, a variable, or a relation of the row in scope (in a subquery).
    public var source: Name
    public var clauses: [Clause]
    public var range: SourceRange
    /// Set when the source is `compare "A" to "B"` (Syntax+Compare.swift); `source` is then
    /// the word `compare`.
    public var compare: CompareSource? = nil
}

public enum Command: Equatable, Sendable {
    case help(String?)
    case tables
    case describe(String?)
    case quit
    case clear
    /// `set NAME VALUE`; `set NAME` shows the setting.
    case set(Name, String?)
    /// `set` alone, `settings`: every setting with its value.
    case settings
    /// `warnings`: the problems found while loading the data (LoadWarnings.swift).
    case warnings
    /// `tutorial [N | list | off | reset]`, and `hint`, `next`, `skip` inside one (Tutorial/).
    case tutorial(String?)
}

public struct Statement: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case query(Query)
        case `let`(Name, Query)
        case command(Command)
        /// `products group by province count chart`: the result drawn as a bar chart.
        case chart(Query)
        /// `products where stars = 5 export "nam-sao.csv" [overwrite]`.
        case export(Query, ExportTarget)
        /// `param province = "Bắc Kạn"` (a default) or `param province` (a value is required).
        case param(Name, Expr?)
        /// `print "… {expr} …"`.
        case print([TextPiece])
        /// `explain products sort by name limit 5`: the checked plan of the query, not its rows;
        /// `explain analyze …` runs the plan and adds the rows each step kept.
        case explain(Query, analyze: Bool)
        /// `assert CONDITION, "message"` (the message may interpolate like print).
        case assert(Expr, message: [TextPiece]?)
    }
    public var kind: Kind
    public var range: SourceRange
}
