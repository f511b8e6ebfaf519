import Foundation
import Testing
@testable import OCOPKit

/// Issue 17's text sorts: `Collation.primaryPrefix` (8 primary bytes as a number), the
/// prefix-first ranking of a pool, and the top-k on a large unranked pool, each checked
/// against the plain order of full collation keys.
@Suite("Text sorts: primary prefixes, ranks and top-k against full keys")
struct TextSortTests {
    /// A fixed-seed generator (SplitMix64), so a failure repeats.
    struct Seeded {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }
    }

    /// Words that share long beginnings (so prefixes tie), in both tone placements, cases,
    /// with digits, punctuation, đ, symbols, other scripts, and a + combining breve (ă).
    static let words = ["Bánh", "bánh", "BÁNH", "Bành", "chưng", "chung", "Hoà", "Hòa", "hoa", "Thuỷ", "Thủy",
                        "Gạo", "gạo", "10kg", "9kg", "007", "Đà", "đà", "Da", "Mật", "mật", "ong", "Ông",
                        "rừng", "-", ",", "(", "€", "≠", "日本", "한국", "a\u{306}n", "ăn", "Ư", "ư", "ơi", "Ơ",
                        "x", "An", "Ăn", "Ân", "Bánh-chưng", "Bánh\tchưng", "",
                        "か\u{3099}", "が", "\u{1100}\u{1161}", "가", "=\u{338}", "0", "00012", "12345678901"]

    static func name(_ g: inout Seeded) -> String {
        let n = 1 + Int(g.next() % 5)
        return (0..<n).map { _ in g.pick(words) }.joined(separator: g.next() % 7 == 0 ? "" : " ")
    }

    /// What the prefix is defined to be: the key's primary level (up to the first 0x01),
    /// its first 8 bytes big-endian, zero-padded.
    static func expectedPrefix(_ s: String) -> UInt64 {
        let k = Collation.key(s)
        let l1 = k.prefix { $0 != CollationWeights.levelSeparator }
        var v: UInt64 = 0
        for i in 0..<8 { v = v << 8 | UInt64(i < l1.count ? l1[l1.startIndex + i] : 0) }
        return v
    }

    static func prefix(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { Collation.primaryPrefix(utf8: $0) }
    }

    @Test("the prefix is the first 8 primary bytes of the full key, for 20,000 mixed strings, NFC and NFD")
    func prefixIsTheKeysPrimaryLevel() {
        var g = Seeded(state: 17)
        for _ in 0..<20_000 {
            let s = Self.name(&g)
            #expect(Self.prefix(s) == Self.expectedPrefix(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            let d = s.decomposedStringWithCanonicalMapping
            #expect(Self.prefix(d) == Self.expectedPrefix(s), "NFD of \(s)")
        }
        #expect(Self.prefix("") == 0)
    }

    @Test("a smaller prefix is always a smaller key")
    func prefixOrderAgreesWithKeys() {
        var g = Seeded(state: 5)
        let xs = (0..<3_000).map { _ in Self.name(&g) }
        for i in 0..<xs.count - 1 {
            let a = xs[i], b = xs[i + 1]
            let pa = Self.prefix(a), pb = Self.prefix(b)
            if pa < pb { #expect(compareBytes(Collation.key(a), Collation.key(b)) < 0, "\(a) | \(b)") }
            if pa > pb { #expect(compareBytes(Collation.key(a), Collation.key(b)) > 0, "\(a) | \(b)") }
        }
    }

    /// A pool that appends (as a names column does), holding `values`.
    static func pool(_ values: [String]) -> StringPool {
        let p = StringPool()
        p.stopDeduplicating()
        for v in values { _ = p.intern(v) }
        return p
    }

    @Test("ranks made prefix-first equal ranks made from full keys (equal keys share a rank)")
    func ranksEqualFullKeyRanks() {
        var g = Seeded(state: 99)
        let values = (0..<20_000).map { _ in Self.name(&g) }
        let pool = Self.pool(values)
        let keys = values.map(Collation.key)
        let order = values.indices.sorted { a, b in
            let c = compareBytes(keys[a], keys[b])
            return c != 0 ? c < 0 : a < b
        }
        var expected = [UInt32](repeating: 0, count: values.count)
        var rank: UInt32 = 0
        for (i, code) in order.enumerated() {
            if i > 0 && compareBytes(keys[order[i - 1]], keys[code]) != 0 { rank += 1 }
            expected[code] = rank
        }
        #expect(pool.ranks == expected)
    }

    /// products: id (row number as text) and name, `rows` rows, every 50th name empty.
    static func dataset(rows: Int, seed: UInt64) -> (Dataset, [String?]) {
        var g = Seeded(state: seed)
        let names: [String?] = (0..<rows).map { i in i % 50 == 7 ? nil : name(&g) }
        let ids = StringPool(), pool = StringPool()
        ids.stopDeduplicating()
        pool.stopDeduplicating()
        let idCodes = (0..<rows).map { ids.intern("P\($0)") }
        let codes = names.map { $0.map { pool.intern($0) } ?? StringPool.nullCode }
        let t = Table(name: "products", columns: [Column(name: "id", storage: .text(idCodes, ids)),
                                                  Column(name: "name", storage: .text(codes, pool))], rowCount: rows)
        let ds = Dataset(folder: nil)
        ds.add(t)
        return (ds, names)
    }

    /// Row numbers in the order of full keys: nulls last, ties in file order.
    static func expectedOrder(_ names: [String?], descending: Bool) -> [Int] {
        let keys = names.map { $0.map(Collation.key) }
        return names.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case (nil, nil): return a < b
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                let c = compareBytes(x, y)
                return c != 0 ? (descending ? c > 0 : c < 0) : a < b
            }
        }
    }

    static func ids(_ r: ReportKit.Run) -> [Int] {
        r.out.split(separator: "\n").dropFirst().compactMap { Int($0.dropFirst()) }
    }

    @Test("top-k on 70,000 unranked names (prefixes, keys for ties only) gives the rows of the full sort, in every clause order")
    func topKOnPrefixes() throws {
        let (ds, names) = Self.dataset(rows: 70_000, seed: 3)
        guard case .text(_, let pool)? = ds.tables["products"]?.column("name")?.storage else {
            Issue.record("name is not text"); return
        }
        #expect(pool.count > SortColumn.rankOutright)
        let asc = Self.expectedOrder(names, descending: false), desc = Self.expectedOrder(names, descending: true)
        for k in [1, 5, 37, 500] {
            for (d, expected) in [("", asc), (" desc", desc)] {
                for q in ["products sort by name\(d) select id limit \(k)", "products select id, name sort by name\(d) limit \(k) select id",
                          "products sort by name\(d) limit \(k) select id"] {
                    let r = ReportKit.run(q, dataset: ds) { $0.render.format = .csv }
                    #expect(Self.ids(r) == Array(expected.prefix(k)), "\(q)")
                }
            }
        }
        // a second key settles ties on the first
        let r = ReportKit.run("products sort by name, id desc limit 40 select id", dataset: ds) { $0.render.format = .csv }
        let keys = names.map { $0.map(Collation.key) }
        let two = names.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case (nil, nil): return a > b
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                let c = compareBytes(x, y)
                return c != 0 ? c < 0 : a > b  // id desc: P9 after P10 (digits compare as numbers)
            }
        }
        #expect(Self.ids(r) == Array(two.prefix(40)))
        #expect(!pool.hasRanks, "the top-k ranked the whole pool")
        // the full sort ranks the pool: the same order
        let full = ReportKit.run("products sort by name select id", dataset: ds) { $0.render.format = .csv }
        #expect(Self.ids(full) == asc)
        #expect(pool.hasRanks)
        let again = ReportKit.run("products sort by name desc limit 5 select id", dataset: ds) { $0.render.format = .csv }
        #expect(Self.ids(again) == Array(desc.prefix(5)))
    }
}
