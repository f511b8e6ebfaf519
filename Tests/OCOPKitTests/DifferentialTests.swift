import Foundation
import Testing
@testable import OCOPKit

/// Differential testing: random statements (DiffGenerator) run by ocop and by sqlite3 on the
/// same CSV files, results compared cell by cell.
///
/// `make test` runs 650 statements with a fixed seed (500 on the sample, 150 on the generated
/// dataset, where a debug build is slower); `make difftest N=100000` runs N on each, built for
/// release (environment: OCOP_DIFF_N statements per dataset, OCOP_DIFF_SEED, OCOP_DIFF_TIMES=1
/// prints timings and statements slower than 200 ms).
///
/// What is compared: every row and column, in order (ocop's order is file order, a sort keeps
/// ties in the previous order, groups come in key order with nulls last; the SQL side carries
/// that order explicitly). Numbers compare by value (integer 3 = decimal 3.0, decimals within
/// a relative 1e-9), dates as ISO text, true/false as 1/0, null as SQL NULL (an empty cell).
///
/// Excluded, because they are Vietnamese semantics SQLite does not have:
/// - folded matching: `contains`, `starts with`, `ends with`, `~` ignore case, tones, marks
///   and đ — generated only on ASCII id columns, where folding is lower-casing;
/// - canonical `=`: "Hoà" = "Hòa" (tone placement) — text is compared only with values that
///   have a single spelling in the dataset, and columns with variant spellings are never
///   compared with each other, grouped, or made distinct;
/// - Vietnamese collation: text sort keys, text `<`/`between`, min/max of text only on ASCII
///   ids (zero-padded, one length: every collation agrees); groups keyed by text are ordered
///   by collation, so those results compare as multisets;
/// - NFC: sqlite3 reads NFC copies of the files (ocop normalises on load);
/// - errors SQLite does not raise: division by zero (divisors are non-zero constants or
///   stars) and whole-number overflow (operands stay small).
/// Null ordering needs no exclusion: ocop puts nulls last in both directions, the SQL says
/// NULLS LAST.
@Suite("Differential: ocop against SQLite", .serialized)
struct DifferentialTests {
    static let environment = ProcessInfo.processInfo.environment
    /// Statements per dataset (nil: the defaults of `make test`).
    static let count = environment["OCOP_DIFF_N"].flatMap { Int($0) }
    static let seed = environment["OCOP_DIFF_SEED"].flatMap { UInt64($0) } ?? 20_261_129

    @Test("random statements on the embedded sample agree with SQLite")
    func sample() throws {
        let folder = Support.root.appendingPathComponent("Sources/OCOPKit/Sample")
        try Self.compare(name: "sample", folder: folder, dataset: Loader.sample(), count: Self.count ?? 500, seed: Self.seed)
    }

    @Test("random statements on a generated 5,000-product dataset agree with SQLite")
    func generated() throws {
        let folder = try Self.generatedDataset()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = try Loader.load(folder: folder.path)
        try Self.compare(name: "generated", folder: folder, dataset: dataset, count: Self.count ?? 150, seed: Self.seed &+ 1)
    }

    /// Statements that once disagreed with SQLite (each a fixed bug), run through the same
    /// comparison.
    @Test("regression statements agree with SQLite", arguments: DifferentialRegressions.cases)
    func regression(_ c: DifferentialRegressions.Case) throws {
        let folder = Support.root.appendingPathComponent("Sources/OCOPKit/Sample")
        try Self.compare(name: "regression", folder: folder, dataset: Loader.sample(), fixed: [DiffCase(ocop: c.ocop, sql: c.sql, ordered: c.ordered, names: nil)])
    }

    /// Vietnamese sort keys cannot be checked against SQLite, but `sort by … limit k` (a top-k
    /// pass with collation keys made on demand) must give the first k rows of the full sort.
    @Test("sort … limit k gives the first k rows of the full sort, for every kind of key")
    func topKAgreesWithFullSort() throws {
        let folder = try Self.generatedDataset()
        defer { try? FileManager.default.removeItem(at: folder) }
        for dataset in [Loader.sample(), try Loader.load(folder: folder.path)] {
            let session = Session(dataset: dataset, options: SessionOptions(today: Day(iso: DiffSchema.today)!), sink: StringSink())
            let keys = ["name", "province", "district", "commune", "category", "producer.name", "producer.kind", "id",
                        "stars", "score", "certified_on", "expires_on", "price_vnd", "lower(name)", "length(name)",
                        "score * -1", "stars > 3", "coalesce(district, commune)"]
            let filters = ["", " where stars >= 4", " where district is null or score > 80", " where province != \"Bắc Giang\""]
            var rng = SplitMix(state: Self.seed)
            for _ in 0..<(Self.count.map { max(100, $0 / 10) } ?? 100) {
                let by = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                    keys.randomElement(using: &rng)! + (Bool.random(using: &rng) ? " desc" : "")
                }
                let k = [1, 2, 3, 5, 10, 20, 49].randomElement(using: &rng)!
                let base = "products" + filters.randomElement(using: &rng)! + " sort by " + by.joined(separator: ", ")
                guard case .success(let full) = Self.run(base + " select id", session),
                      case .success(let top) = Self.run(base + " limit \(k) select id", session) else {
                    Issue.record("failed: \(base)")
                    continue
                }
                #expect(top.rows == Array(full.rows.prefix(k)), "\(base) limit \(k)")
            }
        }
    }

    // MARK: running

    /// products.csv and producers.csv from Tools/gen_dataset.py (5,000 products, seed 9).
    static func generatedDataset() throws -> URL {
        let dir = Support.temporaryFolder()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Support.root.appendingPathComponent("Tools/gen_dataset.py").path, dir.path, "--rows", "5000", "--seed", "9"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "Tools/gen_dataset.py failed (python3 is needed)")
        return dir
    }

    static func header(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let first = text.prefix { $0 != "\n" && $0 != "\r" }
        return first.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
    }

    /// Generates `count` statements (or takes `fixed`), runs them both ways and records every
    /// disagreement.
    static func compare(name: String, folder: URL, dataset: Dataset, count: Int = 0, seed: UInt64 = 0,
                        fixed: [DiffCase]? = nil) throws {
        guard SQLite.path != nil else {
            Issue.record("sqlite3 is not installed: the differential test needs it (apt-get install sqlite3)")
            return
        }
        let setup = DispatchTime.now().uptimeNanoseconds
        defer { if environment["OCOP_DIFF_TIMES"] != nil { print("\(name): \((DispatchTime.now().uptimeNanoseconds - setup) / 1_000_000) ms in all") } }
        let schema = DiffSchema(dataset: dataset,
                                productsHeader: try header(folder.appendingPathComponent("products.csv")),
                                producersHeader: try header(folder.appendingPathComponent("producers.csv")))
        // sqlite3 reads NFC copies of the same files into a database file, once
        let work = Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for file in ["products.csv", "producers.csv"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let nfc = String(decoding: data, as: UTF8.self).precomposedStringWithCanonicalMapping
            try nfc.write(to: work.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        let db = work.appendingPathComponent("data.sqlite").path
        let load = try SQLite.Job(database: db, script: schema.loadScript(folder: work.path)
                                  + "SELECT count(*) - count(DISTINCT id) FROM producers;\n", in: work).finish()
        try #require(load.err.isEmpty, "loading into sqlite3: \(load.err)")
        try #require(String(decoding: load.out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "0",
                     "producer ids must be unique for the join to mean ocop's relation")

        let session = Session(dataset: dataset, options: SessionOptions(today: Day(iso: DiffSchema.today)!), sink: StringSink())
        var cases = fixed ?? []
        if fixed == nil {
            for i in 0..<count {
                var g = DiffGenerator(seed: seed &* 1_000_003 &+ UInt64(i), data: schema)
                cases.append(g.statement())
            }
        }
        var failures: [String] = []
        var failed = 0
        let chunk = 200
        var start = 0
        while start < cases.count {
            let part = Array(cases[start..<min(cases.count, start + chunk)])
            // sqlite3 works on this chunk while ocop runs it here (two cores)
            let job = try SQLite.Job(database: db, script: SQLite.batch(part.map(\.sql)), in: work)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let ours = part.map { c in
                let a = DispatchTime.now().uptimeNanoseconds
                let r = run(c.ocop, session)
                let ms = (DispatchTime.now().uptimeNanoseconds - a) / 1_000_000
                if environment["OCOP_DIFF_TIMES"] != nil, ms > 200 { print("slow \(ms) ms: \(c.ocop)") }
                return r
            }
            let t1 = DispatchTime.now().uptimeNanoseconds
            let (out, err) = job.finish()
            let t2 = DispatchTime.now().uptimeNanoseconds
            if environment["OCOP_DIFF_TIMES"] != nil { print("chunk \(start): ocop \((t1 - t0) / 1_000_000) ms, then sqlite \((t2 - t1) / 1_000_000) ms more") }
            var theirs: [Result<[[Cell]], SQLite.Failure>]
            if err.isEmpty {
                theirs = try SQLite.parse(out, count: part.count).map { .success($0) }
            } else {
                // find which statements sqlite3 refused, one by one
                theirs = []
                for c in part {
                    let (out, err) = try SQLite.Job(database: db, script: SQLite.batch([c.sql]), in: work).finish()
                    theirs.append(err.isEmpty ? .success(try SQLite.parse(out, count: 1)[0]) : .failure(SQLite.Failure(message: err)))
                }
            }
            for (k, c) in part.enumerated() {
                let why: String?
                switch theirs[k] {
                case .failure(let e): why = "sqlite3 failed: \(e.message)"
                case .success(let rows): why = disagreement(c, ours[k], rows)
                }
                if let why {
                    failed += 1
                    if failures.count < 15 {
                        failures.append("[\(name) #\(start + k), OCOP_DIFF_SEED=\(seed)]\n  ocop: \(c.ocop)\n  sql:  \(c.sql)\n  \(why)")
                    }
                }
            }
            start += chunk
        }
        for f in failures { Issue.record(Comment(rawValue: f)) }
        #expect(failed == 0, "\(failed) of \(cases.count) statements disagree with SQLite (\(name))")
    }

    struct Outcome {
        var names: [String]
        var rows: [[Cell]]
    }

    /// One statement run by ocop, through the session's environment.
    static func run(_ text: String, _ session: Session) -> Result<Outcome, Diagnostic> {
        let source = Source(name: "<diff>", text: text)
        session.env.notes = []
        do {
            let statements = try Parser.parse(source)
            guard let last = statements.last, case .query(let q) = last.kind else {
                return .failure(Diagnostic(.syntax, .verbatim(text: "the last statement is not a query")))
            }
            for s in statements.dropLast() { _ = try session.execute(s, source) }
            switch try Executor(env: session.env, source: source).run(q) {
            case .scalar(let v, let label):
                return .success(Outcome(names: [label], rows: [[Cell(v)]]))
            case .rows(let f):
                let cols = f.table.columns
                let rows = (0..<f.count).map { i in cols.map { Cell($0.value(f.row(i))) } }
                return .success(Outcome(names: cols.map(\.name), rows: rows))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Why the two results differ, or nil when they agree.
    static func disagreement(_ c: DiffCase, _ ours: Result<Outcome, Diagnostic>, _ theirs: [[Cell]]) -> String? {
        let o: Outcome
        switch ours {
        case .failure(let d): return "ocop failed: \(d.rendered())"
        case .success(let x): o = x
        }
        if let names = c.names, names != o.names { return "columns: ocop \(o.names), expected \(names)" }
        var a = o.rows, b = theirs
        if !c.ordered {
            a.sort { $0.map(\.key).joined(separator: "\u{1}") < $1.map(\.key).joined(separator: "\u{1}") }
            b.sort { $0.map(\.key).joined(separator: "\u{1}") < $1.map(\.key).joined(separator: "\u{1}") }
        }
        func show(_ rows: [[Cell]], around i: Int) -> String {
            let lo = max(0, i - 1), hi = min(rows.count, i + 2)
            return rows[lo..<hi].enumerated().map { "    \(lo + $0.offset): \($0.element)" }.joined(separator: "\n")
        }
        for i in 0..<min(a.count, b.count) {
            guard a[i].count == b[i].count else { return "row \(i): ocop has \(a[i].count) columns, sqlite \(b[i].count)" }
            for j in 0..<a[i].count where !a[i][j].matches(b[i][j]) {
                return "row \(i) column \(j) (\(o.names[safe: j] ?? "?")): ocop \(a[i][j]), sqlite \(b[i][j])\n  ocop rows:\n\(show(a, around: i))\n  sqlite rows:\n\(show(b, around: i))"
            }
        }
        if a.count != b.count {
            let i = min(a.count, b.count)
            return "ocop gives \(a.count) rows, sqlite \(b.count)\n  ocop rows:\n\(show(a, around: i))\n  sqlite rows:\n\(show(b, around: i))"
        }
        return nil
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

/// Statements that disagreed with SQLite once, with the SQL that gives the right answer.
enum DifferentialRegressions {
    struct Case: Sendable, CustomTestStringConvertible {
        var ocop: String
        var sql: String
        var ordered = true
        var testDescription: String { ocop }
    }

    static let cases: [Case] = [
        // coalesce of a whole number and a decimal was typed as a whole number: select turned
        // the decimals into empty cells, sum() dropped them
        Case(ocop: "products where price_vnd is null select id, coalesce(price_vnd, 0.5) as p",
             sql: "SELECT id, coalesce(price_vnd, 0.5) FROM products_v WHERE price_vnd IS NULL ORDER BY ord"),
        Case(ocop: "products group by price_vnd == 25000.5 select sum(coalesce(price_vnd, 770002.5)) as a0",
             sql: "SELECT sum(coalesce(price_vnd, 770002.5)) FROM products_v GROUP BY price_vnd = 25000.5 ORDER BY (price_vnd = 25000.5) NULLS LAST"),
        // grouping by a column called count gave two columns named count, and later clauses
        // read the wrong one; the key is now count_
        Case(ocop: "producers group by province count group by count count where count_ >= 2 select count_, count",
             sql: "SELECT n, count(*) FROM (SELECT count(*) AS n FROM producers_v GROUP BY province) GROUP BY n HAVING n >= 2 ORDER BY n"),
    ]
}
