import Foundation
import Testing
@testable import OCOPKit

/// `describe`'s figures (FieldStats) against plain counting over `Value`s: present, missing,
/// distinct (text by canonical spelling), min, max and the most common values, on the sample
/// and on a table whose text pools append (as a million-row load makes them), where one value
/// sits under several codes.
@Suite("describe: field statistics against plain counting")
struct DescribeStatsTests {
    struct Plain {
        var present = 0, missing = 0, distinct = 0
        var min: Value = .null, max: Value = .null
        var top: [(String, Int)] = []
    }

    static func plain(_ col: Column, _ f: Frame, topCount: Int) -> Plain {
        var p = Plain()
        var counts: [String: (shown: [String: Int], n: Int)] = [:]
        var numbers = Set<Value>()
        for i in 0..<f.count {
            let v = col.value(f.row(i))
            if v.isNull { p.missing += 1; continue }
            switch v {
            case .text(let s):
                let k = VietText.canonical(s)
                var e = counts[k] ?? ([:], 0)
                e.shown[s, default: 0] += 1
                e.n += 1
                counts[k] = e
            case .boolean(let b):
                var e = counts[b ? "true" : "false"] ?? ([:], 0)
                e.shown[b ? "true" : "false", default: 0] += 1
                e.n += 1
                counts[b ? "true" : "false"] = e
            default:
                numbers.insert(v)
                if p.min.isNull || compareValues(v, p.min)! < 0 { p.min = v }
                if p.max.isNull || compareValues(v, p.max)! > 0 { p.max = v }
            }
        }
        p.present = f.count - p.missing
        p.distinct = counts.isEmpty ? numbers.count : counts.count
        if case .text = col.storage, !(p.distinct == p.present && p.present > 1) {
            let ranked = counts.values.map { e -> (String, Int) in
                // the most common spelling
                (e.shown.max { $0.value != $1.value ? $0.value < $1.value : false }!.key, e.n)
            }
            p.top = Array(ranked.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : Collation.precedes($0.0, $1.0) }.prefix(topCount))
        }
        return p
    }

    static func check(_ t: Table, rows: [Int32]? = nil) {
        let f = Frame(table: t, rows: rows)
        for col in t.columns {
            let st = FieldStats(col, f, topCount: 3)
            let p = plain(col, f, topCount: 3)
            #expect(st.present == p.present && st.missing == p.missing, "\(t.name).\(col.name)")
            #expect(st.distinct == p.distinct, "\(t.name).\(col.name): \(st.distinct) distinct, counted \(p.distinct)")
            #expect(st.min == p.min && st.max == p.max, "\(t.name).\(col.name): \(st.min)–\(st.max), counted \(p.min)–\(p.max)")
            if case .text = col.storage {
                #expect(st.top.map(\.1) == p.top.map(\.1), "\(t.name).\(col.name): \(st.top) vs \(p.top)")
                // spellings may tie in count; the values must be canonically the same
                #expect(st.top.map { VietText.canonical($0.0) } == p.top.map { VietText.canonical($0.0) }, "\(t.name).\(col.name): \(st.top) vs \(p.top)")
            }
        }
    }

    @Test("every column of the sample, all rows and every third row")
    func sample() {
        let ds = Loader.sample()
        for name in ds.tableOrder {
            let t = ds.tables[name]!
            Self.check(t)
            Self.check(t, rows: stride(from: 0, to: Int32(t.rowCount), by: 3).map { $0 })
        }
    }

    @Test("pools that append: a value under several codes counts once, Hoà and Hòa are one value; numbers with -0, nulls, NaN")
    func appendingPools() {
        var g = TextSortTests.Seeded(state: 11)
        let n = 30_000
        let words = ["Hoà", "Hòa", "hoa", "HOA", "Bánh chưng", "bánh chưng", "SP01", "sp01", "Mật ong", "Thuỷ", "Thủy", "x"]
        let text = StringPool(), ascii = StringPool()
        text.stopDeduplicating()
        ascii.stopDeduplicating()
        var tc: [UInt32] = [], ac: [UInt32] = [], ints: [Int64] = [], decs: [Double] = [], dates: [Int32] = [], bools: [UInt8] = []
        for i in 0..<n {
            let w = i % 17 == 0 ? nil : g.pick(words) + (g.next() % 3 == 0 ? " \(g.next() % 500)" : "")
            tc.append(w.map { text.intern($0) } ?? StringPool.nullCode)
            ac.append(i % 13 == 0 ? StringPool.nullCode : ascii.intern("ID\(g.next() % 20_000)"))
            ints.append(i % 11 == 0 ? Column.nullInteger : Int64(g.next() % 40_000) - 20_000)
            decs.append(i % 7 == 0 ? .nan : (g.next() % 5 == 0 ? -0.0 : Double(g.next() % 3_000) / 4))
            dates.append(i % 9 == 0 ? Column.nullDate : Int32(g.next() % 3_000))
            bools.append(UInt8(g.next() % 3))
        }
        let t = Table(name: "t", columns: [
            Column(name: "name", storage: .text(tc, text)), Column(name: "id", storage: .text(ac, ascii)),
            Column(name: "n", storage: .integer(ints)), Column(name: "d", storage: .decimal(decs)),
            Column(name: "day", storage: .date(dates)), Column(name: "b", storage: .boolean(bools)),
        ], rowCount: n)
        Self.check(t)
        Self.check(t, rows: (0..<Int32(n)).filter { $0 % 5 != 2 })
        guard case .text(_, let pool) = t.columns[0].storage else { return }
        #expect(pool.count > 25_000, "codes per row, as a million-row load gives names")
    }
}
