import Foundation
import Testing
@testable import OCOPKit

/// A top-k's later sort keys (`sort by score desc, id limit 10`): a text key after the first is
/// weighed only for the codes the top-k compares (prefix, then full key), not for its whole
/// pool. The rows must be those of a reference sort by full collation keys, with ties on the
/// first key (many), nulls last in both directions, empty rows, and a where before the sort.
@Suite("Top-k: later keys made on demand")
struct TopKLaterKeyTests {
    /// products of `rows` rows: id (distinct text, more values than are ranked outright),
    /// score (decimal, 41 values, every 13th null), stars (1-5, every 17th null), name
    /// (Vietnamese words, every 50th null).
    static func dataset(rows: Int, seed: UInt64) -> (Dataset, ids: [String], scores: [Double?], stars: [Int64?], names: [String?]) {
        var g = TextSortTests.Seeded(state: seed)
        let ids = (0..<rows).map { "SP\(g.next() % 1_000_000_000)-\($0 % 7)" }
        let scores: [Double?] = (0..<rows).map { $0 % 13 == 5 ? nil : 60 + Double(g.next() % 41) }
        let stars: [Int64?] = (0..<rows).map { $0 % 17 == 3 ? nil : Int64(1 + g.next() % 5) }
        let names: [String?] = (0..<rows).map { $0 % 50 == 7 ? nil : TextSortTests.name(&g) }
        let idPool = StringPool(), namePool = StringPool()
        idPool.stopDeduplicating()
        namePool.stopDeduplicating()
        let t = Table(name: "products", columns: [
            Column(name: "id", storage: .text(ids.map { idPool.intern($0) }, idPool)),
            Column(name: "score", storage: .decimal(scores.map { $0 ?? .nan })),
            Column(name: "stars", storage: .integer(stars.map { $0 ?? Column.nullInteger })),
            Column(name: "name", storage: .text(names.map { $0.map { namePool.intern($0) } ?? StringPool.nullCode }, namePool)),
        ], rowCount: rows)
        let ds = Dataset(folder: nil)
        ds.add(t)
        return (ds, ids, scores, stars, names)
    }

    /// -1, 0, 1 with nulls last whatever the direction.
    static func order<T: Comparable>(_ a: T?, _ b: T?, desc: Bool) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case (let x?, let y?): return x == y ? 0 : ((x < y) != desc ? -1 : 1)
        }
    }

    static func keyOrder(_ a: String?, _ b: String?, desc: Bool) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case (let x?, let y?):
            let c = compareBytes(Collation.key(x), Collation.key(y))
            return desc ? -c : c
        }
    }

    @Test("score desc then id, stars then name desc, stars desc then name then id: the reference order's first k rows")
    func laterKeys() throws {
        let (ds, ids, scores, stars, names) = Self.dataset(rows: 70_000, seed: 11)
        guard case .text(_, let idPool)? = ds.tables["products"]?.column("id")?.storage,
              case .text(_, let namePool)? = ds.tables["products"]?.column("name")?.storage else {
            Issue.record("text columns expected"); return
        }
        #expect(idPool.count > SortColumn.rankOutright && namePool.count > SortColumn.rankOutright)
        let n = ids.count
        let byScoreID = (0..<n).sorted { a, b in
            let c = Self.order(scores[a], scores[b], desc: true)
            if c != 0 { return c < 0 }
            let d = Self.keyOrder(ids[a], ids[b], desc: false)
            return d != 0 ? d < 0 : a < b
        }
        let byStarsNameDesc = (0..<n).sorted { a, b in
            let c = Self.order(stars[a], stars[b], desc: false)
            if c != 0 { return c < 0 }
            let d = Self.keyOrder(names[a], names[b], desc: true)
            return d != 0 ? d < 0 : a < b
        }
        let cases: [(String, [Int])] = [
            ("products sort by score desc, id limit K select id", byScoreID),
            ("products sort by score desc, id select id limit K", byScoreID),
            ("products select id, score sort by score desc, id limit K select id", byScoreID),
            ("products sort by stars, name desc limit K select id", byStarsNameDesc),
        ]
        for (template, expected) in cases {
            for k in [1, 10, 333] {
                let q = template.replacingOccurrences(of: "K", with: "\(k)")
                let r = ReportKit.run(q, dataset: ds) { $0.render.format = .csv }
                let got = r.out.split(separator: "\n").dropFirst().map(String.init)
                #expect(got == expected.prefix(k).map { ids[$0] }, "\(q)")
            }
        }
        // a where before the sort (rows not in file order), and three keys
        let kept = (0..<n).filter { (stars[$0] ?? 0) >= 3 }
        let three = kept.sorted { a, b in
            let c = Self.order(stars[a], stars[b], desc: true)
            if c != 0 { return c < 0 }
            let d = Self.keyOrder(names[a], names[b], desc: false)
            if d != 0 { return d < 0 }
            let e = Self.keyOrder(ids[a], ids[b], desc: false)
            return e != 0 ? e < 0 : a < b
        }
        let r = ReportKit.run("products where stars >= 3 sort by stars desc, name, id limit 50 select id", dataset: ds) { $0.render.format = .csv }
        #expect(r.out.split(separator: "\n").dropFirst().map(String.init) == three.prefix(50).map { ids[$0] })
        // the later keys were weighed on demand: the id pool has neither prefixes nor ranks
        #expect(!idPool.hasSortPrefixes && !idPool.hasRanks)
        // nothing kept: the top-k of no rows
        let none = ReportKit.run("products where stars > 5 sort by score desc, id limit 5 select id", dataset: ds) { $0.render.format = .csv }
        #expect(none.exit == 0 && none.out == "id\n", "\(none)")
    }
}
