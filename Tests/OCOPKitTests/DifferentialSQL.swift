import Foundation
@testable import OCOPKit

/// The tables a differential run works on, as the generator needs them: columns, types, the
/// text values that are safe to compare with, and the SQL that loads the same CSV files.
struct DiffSchema {
    /// What `today` means on both sides.
    static let today = "2026-11-29"

    var products: DiffTable
    var producers: DiffTable

    /// Columns come from the CSV header (not from ocop's table); types of extra columns and
    /// the value lists come from the loaded dataset.
    init(dataset: Dataset, productsHeader: [String], producersHeader: [String]) {
        // canonical classes over every text value: a value whose class has another spelling
        // ("Hoà"/"Hòa") would compare equal in ocop and unequal in SQL
        var classes: [String: Set<String>] = [:]
        for t in dataset.tables.values {
            for c in t.columns { if case .text(_, let pool) = c.storage { for s in pool.allStrings { classes[VietText.canonical(s), default: []].insert(s) } } }
        }
        func single(_ s: String) -> Bool { classes[VietText.canonical(s)]?.count == 1 }
        func columns(_ table: Table, _ header: [String], prefix: String?) -> [GCol] {
            header.compactMap { name -> GCol? in
                guard let c = table.column(name) else { return nil }
                let ocopName = prefix.map { "\($0).\(name)" } ?? name
                let sqlName = prefix.map { "\($0)__\(name)" } ?? name
                var g = GCol(name: ocopName, sql: DiffSchema.quote(sqlName), t: DiffSchema.type(c.type))
                var distinct: [String] = []
                switch c.storage {
                case .text(_, let pool):
                    distinct = pool.allStrings.sorted()
                    let idLike = distinct.allSatisfy { $0.utf8.count == distinct.first?.utf8.count && $0.range(of: "^[A-Z]+[0-9]+$", options: .regularExpression) != nil }
                    g.text = idLike && !distinct.isEmpty ? .ascii : (distinct.allSatisfy(single) ? .plain : .ambiguous)
                    distinct = distinct.filter(single)
                case .integer, .decimal, .boolean:
                    var seen = Set<String>()
                    for r in 0..<table.rowCount { let v = c.value(r); if !v.isNull { seen.insert(ValueFormat.plain(v)) } }
                    distinct = seen.sorted()
                    g.lowCardinality = seen.count <= 12
                    g.big = seen.contains { abs(Double($0) ?? 0) > 10_000 }
                case .date:
                    break
                }
                // a spread of at most 60 values
                let step = max(1, distinct.count / 60)
                g.values = stride(from: 0, to: distinct.count, by: step).map { distinct[$0] }
                return g
            }
        }
        let p = dataset.tables["products"]!, q = dataset.tables["producers"]!
        products = DiffTable(name: "products", sqlName: "products_v", columns: columns(p, productsHeader, prefix: nil),
                             hidden: columns(q, producersHeader, prefix: "producer"), relations: false)
        producers = DiffTable(name: "producers", sqlName: "producers_v", columns: columns(q, producersHeader, prefix: nil),
                              hidden: [], relations: true)
    }

    static func type(_ t: DataType) -> DType {
        switch t {
        case .integer: return .int
        case .decimal: return .real
        case .date: return .date
        case .boolean: return .bool
        default: return .text
        }
    }

    static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    // MARK: loading in SQLite

    /// sqlite3 commands that load `products.csv` and `producers.csv` from `folder` (already
    /// NFC) into typed tables the way ocop reads them: cells trimmed, empty = NULL, dd/mm/yyyy
    /// dates as ISO, expires_on defaulted to certified_on + 36 months (clamped to month end),
    /// then `products_v` with the producer's columns beside each product.
    func loadScript(folder: String) -> String {
        var out = ".bail on\n.mode csv\n"
        out += ".import '\(folder)/products.csv' raw_products\n.import '\(folder)/producers.csv' raw_producers\n"
        out += ".bail off\n"
        func typed(_ t: DiffTable, raw: String, into: String) -> String {
            let cols = t.columns.map { c in "\(Self.convert(c.t, Self.quote(c.name))) AS \(c.sql)" }
            return "CREATE TABLE \(into) AS SELECT rowid AS ord, \(cols.joined(separator: ", ")) FROM \(raw);\n"
        }
        out += typed(products, raw: "raw_products", into: "products")
        out += typed(producers, raw: "raw_producers", into: "producers")
        if products.columns.contains(where: { $0.name == "expires_on" }), products.columns.contains(where: { $0.name == "certified_on" }) {
            out += "UPDATE products SET expires_on = \(Self.addMonths("certified_on", 36)) WHERE expires_on IS NULL;\n"
        }
        out += "CREATE INDEX producers_id ON producers(id);\nCREATE INDEX products_producer ON products(producer_id);\n"
        let hidden = products.hidden.map { "q.\(Self.quote(String($0.name.dropFirst("producer.".count)))) AS \($0.sql)" }
        out += "CREATE VIEW products_v AS SELECT p.*, \(hidden.joined(separator: ", ")) FROM products p LEFT JOIN producers q ON q.\"id\" = p.\"producer_id\";\n"
        out += "CREATE VIEW producers_v AS SELECT * FROM producers;\n"
        return out
    }

    static func convert(_ t: DType, _ col: String) -> String {
        let x = "NULLIF(trim(\(col), ' ' || char(9)), '')"
        switch t {
        case .text: return x
        case .int: return "CAST(\(x) AS INTEGER)"
        case .real: return "CAST(\(x) AS REAL)"
        case .bool: return "(CASE lower(\(x)) WHEN 'true' THEN 1 WHEN 'yes' THEN 1 WHEN 'x' THEN 1 WHEN 'false' THEN 0 WHEN 'no' THEN 0 END)"
        case .date:
            // d/m/yyyy: day before the first slash, month between, year after the second
            let rest = "substr(\(x), instr(\(x), '/') + 1)"
            return "(CASE WHEN \(x) LIKE '%/%/%' THEN printf('%04d-%02d-%02d', CAST(substr(\(rest), instr(\(rest), '/') + 1) AS INTEGER), "
                + "CAST(substr(\(rest), 1, instr(\(rest), '/') - 1) AS INTEGER), CAST(substr(\(x), 1, instr(\(x), '/') - 1) AS INTEGER)) ELSE \(x) END)"
        }
    }

    /// `d` + n months, the day clamped to the month's end, as ocop does.
    static func addMonths(_ d: String, _ n: Int) -> String {
        "(CASE WHEN strftime('%d', date(\(d), '+\(n) months')) != strftime('%d', \(d)) "
            + "THEN date(\(d), 'start of month', '+\(n + 1) months', '-1 day') ELSE date(\(d), '+\(n) months') END)"
    }
}

/// A base table for the generator.
struct DiffTable {
    var name: String
    var sqlName: String
    var columns: [GCol]
    var hidden: [GCol]
    var relations: Bool

    func scope(alias: String) -> Scope {
        Scope(referable: columns, hidden: hidden, relations: relations, outerAlias: alias)
    }
}

/// Builds the SQL of a statement clause by clause: each clause one level around the last,
/// each level with an `ord` column giving ocop's row order.
struct Builder {
    var sql: String
    var level = 0
    var visible: [GCol]
    var hidden: [GCol]
    var relations: Bool
    /// False once a group or sort with a text key made the order Vietnamese.
    var ordered = true
    /// Still the base table (no select or group yet).
    var isBase = true

    init(base: DiffTable) {
        sql = "SELECT * FROM \(base.sqlName)"
        visible = base.columns
        hidden = base.hidden
        relations = base.relations
    }

    /// The alias the next level gives the current one (correlated subqueries name it).
    var nextAlias: String { "t\(level + 1)" }

    func scope() -> Scope {
        Scope(referable: visible.filter { $0.name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil },
              hidden: hidden, relations: relations, outerAlias: nextAlias)
    }

    /// The last clause was `limit n` (an `offset` right after it would join it).
    var lastWasLimit = false

    private mutating func wrap(_ body: (String) -> String) {
        let alias = nextAlias
        sql = body("(\(sql)) AS \(alias)")
        level += 1
        lastWasLimit = false
    }

    mutating func whereLevel(_ c: GExpr) {
        wrap { "SELECT * FROM \($0) WHERE \(c.s)" }
    }

    mutating func sortLevel(_ keys: [(GExpr, Bool)]) {
        let alias = nextAlias
        let order = keys.map { k, desc in "\(k.s) \(desc ? "DESC" : "ASC") NULLS LAST" } + ["\(alias).ord"]
        let cols = (visible + hidden).map(\.sql).joined(separator: ", ")
        wrap { "SELECT \(cols), row_number() OVER (ORDER BY \(order.joined(separator: ", "))) AS ord FROM \($0)" }
    }

    mutating func limitLevel(_ n: Int?, _ offset: Int) {
        wrap { "SELECT * FROM \($0) ORDER BY ord LIMIT \(n ?? -1) OFFSET \(offset)" }
        lastWasLimit = n != nil && offset == 0
    }

    /// Columns named by ocop's names (a plain column keeps its name, an expression its alias).
    static func outputs(_ items: [(GExpr, String)]) -> [GCol] {
        items.map { e, name in
            var c = GCol(name: name, sql: DiffSchema.quote(name), t: e.t)
            if case .column(let from) = e.shape { c.text = from.text; c.values = from.values; c.lowCardinality = from.lowCardinality }
            else if e.t == .text { c.text = .ambiguous }
            return c
        }
    }

    mutating func selectLevel(_ items: [(GExpr, String)]) {
        let alias = nextAlias
        let list = items.map { "\($0.0.s) AS \(DiffSchema.quote($0.1))" } + ["\(alias).ord AS ord"]
        wrap { "SELECT \(list.joined(separator: ", ")) FROM \($0)" }
        visible = Self.outputs(items)
        hidden = []
        relations = false
        isBase = false
    }

    mutating func aggregateLevel(_ items: [(GExpr, String)]) {
        let list = items.map { "\($0.0.s) AS \(DiffSchema.quote($0.1))" } + ["1 AS ord"]
        wrap { "SELECT \(list.joined(separator: ", ")) FROM \($0)" }
        visible = Self.outputs(items)
        hidden = []
        relations = false
        isBase = false
    }

    mutating func groupCountLevel(_ keys: [GExpr]) {
        // key columns are named by their text; a clash (with count, or each other) gains a _
        var names: [String] = []
        for k in keys {
            var name = k.columnName ?? k.o
            while name == "count" || names.contains(name) { name += "_" }
            names.append(name)
        }
        groupSelectLevel(keys, Array(zip(keys, names)) + [(GExpr(o: "count", s: "count(*)", t: .int, p: Prec.primary), "count")])
    }

    mutating func groupSelectLevel(_ keys: [GExpr], _ items: [(GExpr, String)]) {
        let list = items.map { "\($0.0.s) AS \(DiffSchema.quote($0.1))" }
        let order = keys.map { "\($0.s) ASC NULLS LAST" }.joined(separator: ", ")
        wrap { "SELECT \(list.joined(separator: ", ")), row_number() OVER (ORDER BY \(order)) AS ord FROM \($0) GROUP BY \(keys.map(\.s).joined(separator: ", "))" }
        visible = Self.outputs(items)
        hidden = []
        relations = false
        isBase = false
    }

    mutating func distinctLevel() {
        let cols = visible.map(\.sql).joined(separator: ", ")
        wrap { "SELECT \(cols), min(ord) AS ord FROM \($0) GROUP BY \(cols)" }
    }

    func countSQL() -> String { "SELECT count(*) FROM (\(sql)) AS \(nextAlias)" }

    func finalSQL() -> String {
        "SELECT \(visible.map(\.sql).joined(separator: ", ")) FROM (\(sql)) AS \(nextAlias) ORDER BY ord"
    }

    /// Column names of the final result (ocop's names).
    var names: [String] { visible.map(\.name) }
}

// MARK: results

/// One cell of a result, in a form both sides can be put into.
enum Cell: Hashable, CustomStringConvertible {
    case null
    case int(Int64)
    case real(Double)
    case text(String)

    init(_ v: Value) {
        switch v {
        case .null: self = .null
        case .integer(let i): self = .int(i)
        case .decimal(let d): self = .real(d)
        case .text(let s): self = .text(s)
        case .date(let d): self = .text(d.iso)
        case .boolean(let b): self = .int(b ? 1 : 0)
        }
    }

    var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .real(let d): return d
        default: return nil
        }
    }

    /// Equal, numbers within a relative 1e-9 (sums of decimals may be added in another order).
    func matches(_ other: Cell) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.text(let a), .text(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        default:
            guard let a = number, let b = other.number else { return false }
            return abs(a - b) <= 1e-9 * Swift.max(1, abs(a), abs(b))
        }
    }

    /// A sort key for multiset comparison (numbers rounded well inside the tolerance).
    var key: String {
        switch self {
        case .null: return "~null"
        case .text(let s): return "t" + s
        default: return "n" + String(format: "%.6f", number!)
        }
    }

    var description: String {
        switch self {
        case .null: return "NULL"
        case .int(let i): return "\(i)"
        case .real(let d): return "\(d)"
        case .text(let s): return "'\(s)'"
        }
    }
}

/// Runs SQL through the sqlite3 command-line shell.
enum SQLite {
    /// The sqlite3 executable, or nil when it is not installed.
    static let path: String? = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Starts sqlite3 on `database` with `script` as input; `finish()` waits and returns
    /// (stdout, stderr). Output goes to files, so a full pipe never blocks either side.
    final class Job {
        let process = Process()
        let outURL: URL, errURL: URL
        init(database: String, script: String, in dir: URL) throws {
            let id = UUID().uuidString
            let scriptURL = dir.appendingPathComponent("q-\(id).sql")
            outURL = dir.appendingPathComponent("q-\(id).out")
            errURL = dir.appendingPathComponent("q-\(id).err")
            try script.write(to: scriptURL, atomically: true, encoding: .utf8)
            FileManager.default.createFile(atPath: outURL.path, contents: nil)
            FileManager.default.createFile(atPath: errURL.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: SQLite.path!)
            process.arguments = ["-batch", database]
            process.standardInput = try FileHandle(forReadingFrom: scriptURL)
            process.standardOutput = try FileHandle(forWritingTo: outURL)
            process.standardError = try FileHandle(forWritingTo: errURL)
            try process.run()
        }
        func finish() -> (out: [UInt8], err: String) {
            process.waitUntilExit()
            let out = (try? Data(contentsOf: outURL)).map { [UInt8]($0) } ?? []
            let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
            return (out, err)
        }
    }

    static let marker = "@@@@ocop-diff@@@@"

    struct Failure: Error {
        var message: String
    }

    /// A script running `queries` in `.mode quote`, each result after a marker line.
    static func batch(_ queries: [String]) -> String {
        var s = ".mode quote\n.headers off\n"
        for q in queries { s += ".print \(marker)\n\(q);\n" }
        return s + ".print \(marker)\n"
    }

    /// The rows of each query of a `batch` output (`.mode quote`: 'text', NULL, numbers).
    static func parse(_ out: [UInt8], count: Int) throws -> [[[Cell]]] {
        let m = Array((marker + "\n").utf8)
        var results: [[[Cell]]] = []
        var i = 0
        var current: [[Cell]]? = nil
        func startsMarker(_ at: Int) -> Bool { at + m.count <= out.count && Array(out[at..<at + m.count]) == m }
        while i < out.count {
            if startsMarker(i) {
                if let c = current { results.append(c) }
                current = []
                i += m.count
                continue
            }
            guard current != nil else { throw ParseError(at: i, why: "output before the first marker") }
            var row: [Cell] = []
            while true {
                guard i < out.count else { throw ParseError(at: i, why: "row not ended") }
                let b = out[i]
                if b == UInt8(ascii: "'") {
                    var bytes: [UInt8] = []
                    i += 1
                    while true {
                        guard i < out.count else { throw ParseError(at: i, why: "unterminated text") }
                        if out[i] == UInt8(ascii: "'") {
                            if i + 1 < out.count && out[i + 1] == UInt8(ascii: "'") { bytes.append(out[i]); i += 2; continue }
                            i += 1
                            break
                        }
                        bytes.append(out[i]); i += 1
                    }
                    row.append(.text(String(decoding: bytes, as: UTF8.self)))
                } else {
                    var j = i
                    while j < out.count && out[j] != UInt8(ascii: ",") && out[j] != 10 { j += 1 }
                    let tok = String(decoding: out[i..<j], as: UTF8.self)
                    i = j
                    if tok == "NULL" { row.append(.null) }
                    else if let v = Int64(tok) { row.append(.int(v)) }
                    else if let d = Double(tok) { row.append(.real(d)) }
                    else { throw ParseError(at: i, why: "unknown value '\(tok)'") }
                }
                guard i < out.count else { throw ParseError(at: i, why: "row not ended") }
                if out[i] == UInt8(ascii: ",") { i += 1; continue }
                i += 1 // newline
                break
            }
            current!.append(row)
        }
        guard results.count == count else { throw ParseError(at: i, why: "\(results.count) results for \(count) queries") }
        return results
    }

    struct ParseError: Error, CustomStringConvertible {
        var at: Int
        var why: String
        var description: String { "sqlite3 output, byte \(at): \(why)" }
    }
}
