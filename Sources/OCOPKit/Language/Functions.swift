/// The functions of the language, one entry each: name, arity, argument and result types,
/// help in both languages, and the implementation. The compiler (Plan/ExprCompiler+Calls),
/// the checker, completion and help all read this table; adding a function is one entry here.
public struct FunctionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Over the rows of a group or of a relation: count, sum, avg, min, max.
        case aggregate
        /// One value from one row's values.
        case scalar
    }

    /// What one argument may be.
    public struct Parameter: Sendable {
        /// The name help writes it with: `d`, `t`, `x`.
        public let name: String
        /// The types it accepts (a null literal is always accepted); empty: any type.
        public let types: [DataType]
        /// A whole-number constant within this range, fixed when the call is compiled
        /// (round's number of decimals).
        public let constant: ClosedRange<Int64>?

        init(_ name: String, _ types: [DataType], constant: ClosedRange<Int64>? = nil) {
            self.name = name
            self.types = types
            self.constant = constant
        }
    }

    /// How the result's type follows from the arguments' types.
    public enum Result: Sendable, Equatable {
        case fixed(DataType)
        /// The first argument's type (abs, min, max).
        case argument
        /// A whole number for round(whole number) with no decimals, a decimal otherwise.
        case rounded
        /// The one type of all arguments; whole numbers mixed with decimals give a decimal.
        case common
        /// A whole number for whole numbers, a decimal otherwise (sum).
        case sum
    }

    /// The code a call runs. A null argument gives null without calling `unary`/`binary`.
    enum Implementation: Sendable {
        case scalar(Scalar)
        /// An aggregate, reduced over rows by ExprCompiler.reduce.
        case aggregate(Aggregate)
    }

    enum Scalar: Sendable {
        case unary(@Sendable (Value) throws(FunctionFailure) -> Value)
        case binary(@Sendable (Value, Value) throws(FunctionFailure) -> Value)
        /// The value and the compile-time whole number of the second argument (0 when absent).
        case withConstant(@Sendable (Value, Int) -> Value)
        /// The first argument that is not null (coalesce).
        case firstNonNull
    }

    enum Aggregate: Sendable { case count, sum, avg, min, max }

    /// Help text, per language.
    public struct Help: Sendable {
        public let en: String
        public let vi: String
        public let examples: [String]

        public func text(_ lang: Lang) -> String { lang == .vi ? vi : en }
    }

    public let name: String
    public let kind: Kind
    /// How many arguments a call takes.
    public let arity: ClosedRange<Int>
    /// The arguments in order; the last one repeats when `arity` allows more (coalesce).
    public let parameters: [Parameter]
    public let result: Result
    public let help: Help
    let implementation: Implementation

    /// The parameter the argument at `index` is checked against.
    public func parameter(_ index: Int) -> Parameter? {
        parameters.isEmpty ? nil : parameters[min(index, parameters.count - 1)]
    }

    /// The result type for arguments of `types`; `constants` are the arguments' values when
    /// known at compile time (round's decimals decide whether it gives a whole number).
    public func resultType(_ types: [DataType], constants: [Value?] = []) -> DataType {
        switch result {
        case .fixed(let t): return t
        case .argument: return types.first ?? .null
        case .rounded:
            let digits: Int64
            if constants.count > 1, case .integer(let d)? = constants[1] { digits = d } else { digits = 0 }
            return digits == 0 && types.first == .integer ? .integer : .decimal
        case .common:
            let t = types.first { $0 != .null } ?? .null
            return t.isNumeric && types.contains(.decimal) ? .decimal : t
        case .sum:
            return types.first == .integer ? .integer : .decimal
        }
    }

    /// `round(x, decimals)`: the call as help writes it.
    public var signature: String {
        var names = parameters.map(\.name)
        if arity.upperBound > parameters.count { names.append("…") }
        if arity.lowerBound == 0 { return "\(name)(), \(name)(\(names.joined(separator: ", ")))" }
        return "\(name)(\(names.joined(separator: ", ")))"
    }
}

/// A function could not compute its value from its arguments.
enum FunctionFailure: Error {
    case overflow
}

extension FunctionSpec {
    /// The function called `name` (any case), if there is one.
    public static func named(_ name: String) -> FunctionSpec? {
        byName[name.lowercased()]
    }

    static let byName: [String: FunctionSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// Every function's name, aggregates first, in table order.
    public static var names: [String] { all.map(\.name) }

    static let numbers: [DataType] = [.integer, .decimal]

    /// The table.
    public static let all: [FunctionSpec] = [
        .init(name: "count", kind: .aggregate, arity: 0...1, parameters: [.init("x", [])], result: .fixed(.integer),
              help: .init(en: "count() counts a group's rows; count(x) its non-null x; count(CONDITION) the rows where it holds; count(distinct x) the different x; count(RELATION [where …]) related rows.",
                          vi: "count() đếm số dòng của nhóm; count(x) đếm các x không trống; count(ĐIỀU_KIỆN) đếm các dòng thỏa điều kiện; count(distinct x) đếm các x khác nhau; count(QUAN_HỆ [where …]) đếm các dòng liên quan.",
                          examples: ["products group by province select province, count() as n",
                                     "products group by province select province, count(stars = 5) as five, count(distinct category) as categories",
                                     "producers select name, count(products where stars >= 4) as n sort by n desc limit 5"]),
              implementation: .aggregate(.count)),
        .init(name: "sum", kind: .aggregate, arity: 1...1, parameters: [.init("x", numbers)], result: .sum,
              help: .init(en: "sum(x): the total of a group's (or a relation's) numbers, nulls skipped.",
                          vi: "sum(x): tổng các số của nhóm (hoặc của quan hệ), bỏ qua ô trống.",
                          examples: ["products group by province select province, sum(price_vnd) as total"]),
              implementation: .aggregate(.sum)),
        .init(name: "avg", kind: .aggregate, arity: 1...1, parameters: [.init("x", numbers)], result: .fixed(.decimal),
              help: .init(en: "avg(x): the mean of a group's numbers, nulls skipped.",
                          vi: "avg(x): trung bình các số của nhóm, bỏ qua ô trống.",
                          examples: ["products group by category select category, avg(score) as avg_score"]),
              implementation: .aggregate(.avg)),
        .init(name: "min", kind: .aggregate, arity: 1...1, parameters: [.init("x", [.integer, .decimal, .date, .text])], result: .argument,
              help: .init(en: "min(x): the smallest value of a group or a relation (numbers, dates, text in Vietnamese order).",
                          vi: "min(x): giá trị nhỏ nhất của nhóm hoặc quan hệ (số, ngày, chữ theo thứ tự tiếng Việt).",
                          examples: ["products group by province select province, min(certified_on)"]),
              implementation: .aggregate(.min)),
        .init(name: "max", kind: .aggregate, arity: 1...1, parameters: [.init("x", [.integer, .decimal, .date, .text])], result: .argument,
              help: .init(en: "max(x): the largest value of a group or a relation (numbers, dates, text).",
                          vi: "max(x): giá trị lớn nhất của nhóm hoặc quan hệ (số, ngày, chữ).",
                          examples: ["products group by province select province, max(score)", "producers select name, max(products.score) as best limit 5"]),
              implementation: .aggregate(.max)),
        datePart("year", en: "year(d): the year of a date. After a number, year(s) is a duration.",
                 vi: "year(d): năm của một ngày. Đứng sau một số, year(s) là khoảng thời gian.",
                 examples: ["products group by year(certified_on) count", "products where certified_on >= today - 1 year count"]) { $0.civil.year },
        datePart("month", en: "month(d): the month of a date, 1 to 12. After a number, month(s) is a duration.",
                 vi: "month(d): tháng của một ngày, từ 1 tới 12. Đứng sau một số, month(s) là khoảng thời gian.",
                 examples: ["products where month(certified_on) = 12 count"]) { $0.civil.month },
        datePart("day", en: "day(d): the day of the month of a date. After a number, day(s) is a duration.",
                 vi: "day(d): ngày trong tháng của một ngày. Đứng sau một số, day(s) là khoảng thời gian.",
                 examples: ["products where day(certified_on) = 1 count"]) { $0.civil.day },
        textToText("lower", en: "lower(t): the text in small letters.", vi: "lower(t): chữ viết thường.",
                   examples: ["products select lower(name) limit 3"]) { $0.lowercased() },
        textToText("upper", en: "upper(t): the text in capital letters.", vi: "upper(t): chữ viết hoa.",
                   examples: ["products select upper(province) limit 3"]) { $0.uppercased() },
        .init(name: "length", kind: .scalar, arity: 1...1, parameters: [.init("t", [.text])], result: .fixed(.integer),
              help: .init(en: "length(t): the number of letters of a text.", vi: "length(t): số chữ cái của một chuỗi chữ.",
                          examples: ["products select name, length(name) as letters sort by letters desc limit 3"]),
              implementation: .scalar(.unary { v in
                  guard case .text(let s) = v else { return .null }
                  return .integer(Int64(s.count))
              })),
        .init(name: "trim", kind: .scalar, arity: 1...1, parameters: [.init("t", [.text])], result: .fixed(.text),
              help: .init(en: "trim(t): the text without spaces at either end.", vi: "trim(t): chuỗi chữ đã bỏ khoảng trắng ở hai đầu.",
                          examples: ["products select trim(name) limit 3"]),
              implementation: .scalar(.unary { v in
                  guard case .text(let s) = v else { return .null }
                  return .text(s.trimmingSpaces)
              })),
        .init(name: "abs", kind: .scalar, arity: 1...1, parameters: [.init("x", numbers)], result: .argument,
              help: .init(en: "abs(x): x without its sign.", vi: "abs(x): giá trị tuyệt đối của x.",
                          examples: ["products select name, abs(score - 70) as distance limit 3"]),
              implementation: .scalar(.unary { v throws(FunctionFailure) in
                  switch v {
                  case .integer(let x):
                      guard x != .min else { throw .overflow }
                      return .integer(Swift.abs(x))
                  case .decimal(let x): return .decimal(Swift.abs(x))
                  default: return .null
                  }
              })),
        .init(name: "round", kind: .scalar, arity: 1...2, parameters: [.init("x", numbers), .init("decimals", [.integer], constant: 0...10)],
              result: .rounded,
              help: .init(en: "round(x) to a whole number, round(x, N) to N decimals (halves away from zero).",
                          vi: "round(x) làm tròn tới số nguyên, round(x, N) tới N chữ số thập phân (nửa thì làm tròn ra xa 0).",
                          examples: ["products group by province select province, round(avg(score), 1) as avg_score"]),
              implementation: .scalar(.withConstant { v, digits in
                  switch v {
                  case .integer(let x): return digits == 0 ? .integer(x) : .decimal(Double(x))
                  case .decimal(let x):
                      let scale = Parse.pow10(digits)
                      return .decimal((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
                  default: return .null
                  }
              })),
        .init(name: "days_between", kind: .scalar, arity: 2...2, parameters: [.init("a", [.date]), .init("b", [.date])],
              result: .fixed(.integer),
              help: .init(en: "days_between(a, b): days from date a to date b (negative when b is earlier).",
                          vi: "days_between(a, b): số ngày từ ngày a tới ngày b (âm khi b sớm hơn).",
                          examples: ["products select name, days_between(certified_on, expires_on) as valid_days limit 3"]),
              implementation: .scalar(.binary { a, b in
                  guard case .date(let x) = a, case .date(let y) = b else { return .null }
                  return .integer(Int64(y.days) - Int64(x.days))
              })),
        .init(name: "coalesce", kind: .scalar, arity: 1...16, parameters: [.init("a", []), .init("b", [])], result: .common,
              help: .init(en: "coalesce(a, b, …): the first value that is not null.",
                          vi: "coalesce(a, b, …): giá trị đầu tiên không trống.",
                          examples: ["products select name, coalesce(district, \"(none)\") as district limit 3"]),
              implementation: .scalar(.firstNonNull)),
    ]
}

extension FunctionSpec {
    /// A function of one date giving a whole number of it: year, month, day.
    static func datePart(_ name: String, en: String, vi: String, examples: [String],
                         _ part: @escaping @Sendable (Day) -> Int) -> FunctionSpec {
        .init(name: name, kind: .scalar, arity: 1...1, parameters: [.init("d", [.date])], result: .fixed(.integer),
              help: .init(en: en, vi: vi, examples: examples),
              implementation: .scalar(.unary { v in
                  guard case .date(let d) = v else { return .null }
                  return .integer(Int64(part(d)))
              }))
    }

    /// A function of one text giving a text: lower, upper.
    static func textToText(_ name: String, en: String, vi: String, examples: [String],
                           _ change: @escaping @Sendable (String) -> String) -> FunctionSpec {
        .init(name: name, kind: .scalar, arity: 1...1, parameters: [.init("t", [.text])], result: .fixed(.text),
              help: .init(en: en, vi: vi, examples: examples),
              implementation: .scalar(.unary { v in
                  guard case .text(let s) = v else { return .null }
                  return .text(change(s))
              }))
    }
}
