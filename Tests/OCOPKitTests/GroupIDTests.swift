import Foundation
import Testing
@testable import OCOPKit

/// group by's dense ids (a table for a narrow integer range, a table of combinations for
/// several keys) against plain counting with dictionaries.
@Suite("group by: dense ids against plain counting")
struct GroupIDTests {
    @Test("narrow and wide integer keys, nulls, negatives, two and three keys")
    func againstDictionaries() throws {
        var g = TextSortTests.Seeded(state: 77)
        let n = 20_000
        let pool = StringPool()
        var narrow: [Int64] = [], wide: [Int64] = [], codes: [UInt32] = []
        let words = ["Bắc Kạn", "Bắc Giang", "Hoà Bình", "Hòa Bình", "Cà Mau"]
        for i in 0..<n {
            narrow.append(i % 23 == 0 ? Column.nullInteger : Int64(g.next() % 7) - 3)
            wide.append(i % 19 == 0 ? Column.nullInteger : (g.next() % 2 == 0 ? Int64.max - Int64(g.next() % 5) : Int64.min + 1 + Int64(g.next() % 5)))
            codes.append(i % 29 == 0 ? StringPool.nullCode : pool.intern(g.pick(words)))
        }
        let t = Table(name: "t", columns: [Column(name: "a", storage: .integer(narrow)), Column(name: "w", storage: .integer(wide)),
                                           Column(name: "p", storage: .text(codes, pool))], rowCount: n)
        let ds = Dataset(folder: nil)
        ds.add(t)
        func key(_ col: String, _ r: Int) -> String {
            switch col {
            case "a": return narrow[r] == Column.nullInteger ? "" : String(narrow[r])
            case "w": return wide[r] == Column.nullInteger ? "" : String(wide[r])
            default: return codes[r] == StringPool.nullCode ? "" : VietText.canonical(pool.string(codes[r]))
            }
        }
        for cols in [["a"], ["w"], ["a", "p"], ["p", "a"], ["a", "w"], ["p", "a", "w"]] {
            var expected: [String: Int] = [:]
            for r in 0..<n { expected[cols.map { key($0, r) }.joined(separator: "|"), default: 0] += 1 }
            let r = ReportKit.run("t group by \(cols.joined(separator: ", ")) count", dataset: ds) { $0.render.format = .csv }
            #expect(r.exit == 0, "\(r)")
            let rows = try ReportKit.pythonCSV(Data(r.out.utf8)).dropFirst()
            var got: [String: Int] = [:]
            for row in rows { got[row.dropLast().map { VietText.canonical($0) }.joined(separator: "|")] = Int(row.last!) }
            #expect(got == expected, "group by \(cols)")
        }
    }
}

extension GroupIDTests {
    @Test("sum, avg, min and max read from the column equal the general loop (an expression: score + 0)")
    func columnAggregates() {
        for q in ["products group by province select province, avg(score), max(score), min(score), sum(score), min(stars), max(stars), sum(stars), avg(stars)",
                  "products where stars >= 4 group by category select category, avg(score), sum(stars)",
                  "products group by stars select stars, min(score), max(score)"] {
            let fast = ReportKit.run(q) { $0.render.format = .csv }
            let slow = ReportKit.run(q.replacingOccurrences(of: "(score)", with: "(score + 0)")
                .replacingOccurrences(of: "(stars)", with: "(stars + 0)")) { $0.render.format = .csv }
            #expect(fast.exit == 0, "\(fast)")
            // the headers name the expressions; the values must be the same
            #expect(fast.out.split(separator: "\n").dropFirst() == slow.out.split(separator: "\n").dropFirst(), "\(q)")
        }
    }
}

extension GroupIDTests {
    @Test("avg of a whole-number column past 2^53 is exact, as the general loop's")
    func wideAverage() {
        let big: [Int64] = [1 << 53, 1, 1, Int64.max - 7, Column.nullInteger, 9_007_199_254_740_993]
        let t = Table(name: "t", columns: [Column(name: "k", storage: .integer([1, 1, 1, 2, 2, 2])),
                                           Column(name: "x", storage: .integer(big))], rowCount: big.count)
        let ds = Dataset(folder: nil)
        ds.add(t)
        let fast = ReportKit.run("t group by k select k, avg(x), min(x), max(x)", dataset: ds) { $0.render.format = .csv }
        let slow = ReportKit.run("t group by k select k, avg(x + 0), min(x + 0), max(x + 0)", dataset: ds) { $0.render.format = .csv }
        #expect(fast.out.split(separator: "\n").dropFirst() == slow.out.split(separator: "\n").dropFirst(), "\(fast) \(slow)")
        #expect(fast.out.contains("3002399751580331.5"), "\(fast)")
    }
}
