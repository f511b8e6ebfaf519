import Foundation
import Testing
@testable import OCOPKit

/// An ascending top-k on a text column whose pool has no prefixes yet (the first `sort by
/// name limit 5` of a session): each value's floor (`Collation.primaryFloor`, from its first
/// letter) rules most rows out, and prefixes and full keys are made only for the rest. The
/// floor must never be above the prefix, and the rows must be those of the full-key order.
@Suite("Top-k: floors from the first letter")
struct TopKFloorTests {
    static func floor(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { Collation.primaryFloor(utf8: $0) }
    }

    @Test("the floor is never above the prefix, for 20,000 mixed strings in NFC and NFD and every test word")
    func floorIsBelowPrefix() {
        var g = TextSortTests.Seeded(state: 71)
        var strings = TextSortTests.words + TextSortTests.words.map { $0 + "x" } + TextSortTests.words.map { $0 + "\u{306}" }
        strings += (0..<20_000).map { _ in TextSortTests.name(&g) }
        for s in strings {
            for form in [s, s.decomposedStringWithCanonicalMapping] {
                #expect(Self.floor(form) <= TextSortTests.prefix(form), "\(form.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        // it says something: a plain first letter gives its weight
        #expect(Self.floor("Bánh chưng") > 0 && Self.floor("Bánh chưng") < Self.floor("Chè"))
    }

    @Test("ascending top-k on 70,000 names without prefixes: the rows of the full sort, with nulls, a where, and k past the rows")
    func floorTopK() throws {
        let (ds, names) = TextSortTests.dataset(rows: 70_000, seed: 29)
        guard case .text(_, let pool)? = ds.tables["products"]?.column("name")?.storage else {
            Issue.record("name is not text"); return
        }
        let asc = TextSortTests.expectedOrder(names, descending: false)
        for k in [1, 5, 37, 500] {
            for q in ["products sort by name select id limit \(k)", "products select id, name sort by name limit \(k) select id",
                      "products sort by name, id limit \(k) select id"] {
                let r = ReportKit.run(q, dataset: ds) { $0.render.format = .csv }
                #expect(TextSortTests.ids(r) == Array(asc.prefix(k)), "\(q)")
            }
        }
        // rows after a where (a list of rows, not all in file order)
        let r = ReportKit.run("products where id ~ \"P\" and id != \"x\" sort by name limit 20 select id", dataset: ds) { $0.render.format = .csv }
        #expect(TextSortTests.ids(r) == Array(asc.prefix(20)), "\(r.out.prefix(200))")
        // nulls last: 30 rows without a name and 8 with one, the best 9 (the first null in file order last)
        let nulls = (0..<30).map { 7 + 50 * $0 }, named = [1, 2, 3, 4, 5, 6, 8, 9]
        let kept = Set(nulls + named)
        let list = (nulls + named).map { "\"P\($0)\"" }.joined(separator: ", ")
        let few = ReportKit.run("products where id in [\(list)] sort by name limit 9 select id", dataset: ds) { $0.render.format = .csv }
        #expect(TextSortTests.ids(few) == Array(asc.filter { kept.contains($0) }.prefix(9)), "\(few)")
        #expect(TextSortTests.ids(few).last == 7)
        #expect(!pool.hasSortPrefixes && !pool.hasRanks, "the ascending top-k made the whole pool's prefixes")
    }
}
