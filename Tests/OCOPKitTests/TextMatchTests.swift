import Foundation
import Testing
@testable import OCOPKit

/// `contains` and `~` against a text column: the one-buffer search of a pool's folded bytes
/// (`StringPool.matchTable`, memchr on the rarest byte) gives the codes the value-by-value
/// matcher gives; the where filter and conditions inside aggregates both use it.
@Suite("contains and ~: one search of the folded bytes against value by value")
struct TextMatchTests {
    static func byValue(_ op: BinaryOp, _ needle: String, _ pool: StringPool) -> [UInt8] {
        let m = ExprCompiler.matcher(op, needle)
        return (0..<UInt32(pool.count)).map { pool.withFolded($0, m) ? 1 : 0 }
    }

    @Test("random pools and needles: words, pieces of values, pieces across two values, spaces, empty")
    func sameAsValueByValue() {
        var g = TextSortTests.Seeded(state: 23)
        let words = ["Mật ong", "mat", "ong", "Nghệ", "tinh bột nghệ", "a", "", "đá", "Đà Lạt", "ab", "ba", "x y", "日本", "NGHE"]
        for round in 0..<6 {
            let pool = StringPool()
            if round % 2 == 0 { pool.stopDeduplicating() }
            for _ in 0..<(round < 3 ? 40 : 3_000) {
                _ = pool.intern((0..<Int(g.next() % 4)).map { _ in g.pick(words) }.joined(separator: g.next() % 3 == 0 ? "" : " "))
            }
            let folded = (0..<UInt32(pool.count)).map { c in pool.withFolded(c) { String(decoding: $0, as: UTF8.self) } }
            var needles = words + [" ", "  ", "ong nghe", "nghe mat", "g n", "tinh  nghe"]
            for _ in 0..<60 {
                let c = Int(g.next() % UInt64(max(1, folded.count - 1)))
                let a = Array(folded[c]), b = folded.count > c + 1 ? Array(folded[c + 1]) : []
                // a piece of one value, and the end of one value with the start of the next
                if !a.isEmpty {
                    let i = Int(g.next() % UInt64(a.count)), j = i + Int(g.next() % UInt64(a.count - i)) + 1
                    needles.append(String(a[i..<j]))
                }
                needles.append(String(a.suffix(2) + b.prefix(2)))
            }
            for needle in needles {
                for op in [BinaryOp.contains, .like, .startsWith, .endsWith] {
                    #expect(pool.matchTable(op, needle) == Self.byValue(op, needle, pool), "\(op) \(needle.debugDescription)")
                }
            }
        }
    }

    @Test("long values and a wide vocabulary: 16-byte blocks across values, rare and common words, ~ narrowing to the values still in")
    func blocksAndNarrowing() {
        var g = TextSortTests.Seeded(state: 41)
        let vocabulary = ["mật", "ong", "rừng", "U", "Minh", "tinh", "bột", "nghệ", "đỏ", "vàng", "trà", "xanh", "Thái", "Nguyên",
                          "miến", "dong", "Bắc", "Kạn", "gạo", "tám", "thơm", "nước", "mắm", "Phú", "Quốc", "cà", "phê", "hạt",
                          "điều", "rượu", "ngô", "men", "lá", "chè", "shan", "tuyết", "bánh", "chưng", "giò", "xoài", "cát",
                          "Hòa", "Lộc", "nhãn", "lồng", "Hưng", "Yên", "vải", "thiều", "Lục", "Ngạn", "quế", "hồi", "sả", "gừng",
                          "nghe", "nghèo", "e", "ee", "abcdefghijklmnopqrstu"]
        let pool = StringPool()
        for _ in 0..<5_000 {
            _ = pool.intern((0..<(1 + Int(g.next() % 6))).map { _ in g.pick(vocabulary) }.joined(separator: " "))
        }
        var needles: [String] = []
        for _ in 0..<80 {
            let words = (0..<(1 + Int(g.next() % 3))).map { _ in g.pick(vocabulary) }
            needles.append(words.joined(separator: " "))
            // a piece of a word, from 1 to its whole length
            let w = Array(VietText.fold(g.pick(vocabulary)).utf8)
            let i = Int(g.next() % UInt64(w.count)), j = i + 1 + Int(g.next() % UInt64(w.count - i))
            needles.append(String(decoding: w[i..<j], as: UTF8.self))
        }
        needles += ["abcdefghijklmnopqrst", "bcdefghijklmnopqrstu", "abcdefghijklmnopqrstuv", "e e", "ee e", "nghe nghe", "u minh mat ong"]
        for needle in needles {
            for op in [BinaryOp.contains, .like] {
                #expect(pool.matchTable(op, needle) == Self.byValue(op, needle, pool), "\(op) \(needle.debugDescription)")
            }
        }
    }

    @Test("name contains and ~ on the sample count what a value-by-value scan counts")
    func sampleCounts() {
        for q in ["products where name contains \"mật ong\" count", "products where name ~ \"mat ong\" count",
                  "products where name ~ \"ong mat\" count", "products where province contains \"g\" count"] {
            let fast = ReportKit.run(q)
            // a computed left side is matched value by value (lower changes nothing folded)
            let slow = ReportKit.run(q.replacingOccurrences(of: "where name", with: "where lower(name)")
                .replacingOccurrences(of: "where province", with: "where lower(province)"))
            #expect(fast.exit == 0 && fast.out == slow.out, "\(q): \(fast) vs \(slow)")
        }
    }
}
