import Foundation
import Testing
@testable import OCOPKit

/// The load's fast paths (issue 17) give what the plain ways give: line numbers noted while
/// scanning equal a second scan of the file, the one-pass UTF-8 check equals the two checks
/// it replaced, a repeated value found in its pool unchecked equals a checked one, and a
/// load big enough for two cores and for pools that stop deduplicating keeps every cell.
@Suite("load fast paths equal the plain ways")
struct LoadEquivalenceTests {
    /// A tiny deterministic generator (no Foundation randomness: the same cases every run).
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    @Test("the line of each row noted while loading equals a second scan of the file")
    func rowLines() throws {
        let h = Support.header
        let row = { (id: String) in "\(id),n,c,P,3,50,2024-01-01,,p,d,c" }
        let files: [String] = [
            h + "\n" + row("A") + "\n" + row("B") + "\n",
            "\u{FEFF}" + h + "\r\n" + row("A") + "\r\n\r\n" + row("B") + "\r\n",
            h + "\r" + row("A") + "\r" + row("B"),
            h + "\nA,\"two\nlines\",c,P,3,50,2024-01-01,,p,d,c\n\n\nB,\"x\r\ny\r\nz\",c,P,3,50,2024-01-01,,p,d,c\n" + row("C") + "\n\n",
            h + "\n" + (0..<300).map { i in i % 7 == 0 ? "R\(i),\"a\nb\",c,P,3,50,2024-01-01,,p,d,c\n\n" : row("R\(i)") + "\n" }.joined(),
        ]
        for (n, text) in files.enumerated() {
            let t = try Support.load(["products.csv": text]).tables["products"]!
            let index = try #require(t.rowLines, "file \(n)")
            let bytes = Array(text.utf8)
            let reference = RowLines.lines(of: Set(0..<t.rowCount), in: bytes)
            #expect(reference.count == t.rowCount)
            for r in 0..<t.rowCount { #expect(index.line(of: r) == reference[r], "row \(r) of \(text.prefix(40).debugDescription)") }
        }
    }

    @Test("a load warning names the line of its row past quoted line breaks and blank lines")
    func warningLine() throws {
        let h = Support.header
        let text = h + "\nA,\"two\nlines\",c,P,3,50,2024-01-01,,p,d,c\n\nB,b,c,P,3,50,2024-01-01,,p,d,c\nA,a,c,P,3,50,2024-01-01,,p,d,c\n"
        let ds = try Support.load(["products.csv": text])
        let dup = try #require(ds.warnings.first { $0.severity == .error }, "the duplicate id")
        #expect(dup.line == 6, "the second A is on line 6: \(dup.rendered())")
    }

    @Test("one-pass UTF-8 check: the same verdicts as firstInvalid and mayNeedNFC")
    func classify() {
        var cases: [[UInt8]] = [
            [], Array("Hà Nội".utf8), Array("Ha\u{0300} No\u{0323}\u{0302}i".utf8), Array("Ελληνικά ά".utf8),
            Array("\u{0387}".utf8), Array("한국어 \u{1100}\u{1161}".utf8), Array("中文 \u{F900}".utf8), Array("Đắk Nông".utf8),
            [0xFF], [0xC3], [0xE1, 0xBA], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x41, 0xCC, 0x81],
        ]
        var mix = Mix(state: 17)
        let alphabet: [[UInt8]] = ["a", "Z", "ệ", "ơ", "Đ", "\u{0301}", "\u{0323}", "ά", "€", "😀", "\u{1161}", "ｱ"].map { Array($0.utf8) }
            + [[0x80], [0xC3], [0xE1, 0xBB], [0xF0, 0x9F], [0xFE]]
        for _ in 0..<4000 {
            var s: [UInt8] = []
            for _ in 0..<mix.below(8) { s += alphabet[mix.below(alphabet.count)] }
            cases.append(s)
        }
        for c in cases {
            c.withUnsafeBufferPointer { p in
                let expected: UTF8Check.Class
                if let bad = UTF8Check.firstInvalid(p) { expected = .invalid(at: bad) }
                else { expected = VietText.mayNeedNFC(p) ? .mayNeedNFC : .nfc }
                #expect(UTF8Check.classify(p) == expected, "\(c)")
            }
        }
    }

    @Test("a large load (two cores, pools that stop deduplicating) keeps every cell, in NFC")
    func largeLoad() throws {
        // repeated values written in NFC and NFD, near-unique ids and names, empty cells
        let provinces = ["Hà Nội", "Bắc Kạn", "Đắk Nông", "Thừa Thiên Huế", "Hòa Bình"]
        let districts = ["Ba Đình", "Chợ Mới", "Cư Jút", "Phú Vang", ""]
        var mix = Mix(state: 5)
        var rows: [(id: String, name: String, province: String, district: String, score: String)] = []
        var text = Support.header + "\n"
        for i in 0..<70_000 {
            let p = provinces[mix.below(provinces.count)], d = districts[mix.below(districts.count)]
            let name = "Trà shan tuyết số \(i) \(mix.below(3) == 0 ? "\"đặc biệt\"" : "ngon")"
            let score = mix.below(9) == 0 ? "" : String(50 + mix.below(50))
            rows.append((String(format: "SP%07d", i), name, p, d, score))
            let written = mix.below(2) == 0 ? p.decomposedStringWithCanonicalMapping : p
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            text += "\(rows[i].id),\(quoted),Đồ uống,NSX1,3,\(score),2024-01-01,,\(written),\(d),Xã \(i % 40)\n"
        }
        #expect(text.utf8.count > 1_000_000, "big enough for the two-core scan")
        let t = try Support.load(["products.csv": text]).tables["products"]!
        #expect(t.rowCount == rows.count)
        let ids = t.values("id"), names = t.values("name"), ps = t.values("province"), ds = t.values("district"), scores = t.values("score")
        var wrong = 0
        for (i, r) in rows.enumerated() {
            if ids[i] != .text(r.id) || names[i] != .text(r.name) || ps[i] != .text(r.province)
                || ds[i] != (r.district.isEmpty ? .null : .text(r.district))
                || scores[i] != (r.score.isEmpty ? .null : .decimal(Double(r.score)!)) { wrong += 1 }
        }
        #expect(wrong == 0)
        if case .text(_, let pool)? = t.column("province")?.storage {
            #expect(pool.count == provinces.count, "NFD and NFC spellings are one value: \(pool.allStrings)")
        }
        // describe's figures, made while loading on the other core, equal ones made now
        for col in t.columns {
            let made = col.wholeStats, fresh = FieldStats(col, Frame(table: t))
            #expect(made.present == fresh.present && made.missing == fresh.missing && made.distinct == fresh.distinct, "\(col.name)")
            #expect(made.min == fresh.min && made.max == fresh.max && made.example == fresh.example, "\(col.name)")
            #expect(made.top.map(\.0) == fresh.top.map(\.0) && made.top.map(\.1) == fresh.top.map(\.1), "\(col.name)")
            #expect(made.summary(.en) == fresh.summary(.en))
        }
        let described = Support.run("describe products", dataset: try Support.load(["products.csv": text]))
        #expect(described.exit == 0)
        #expect(described.out.contains("70,000"), "\(described.out.prefix(300))")
    }

    @Test("a cell not in UTF-8 after the same text in UTF-8 is still refused")
    func invalidAfterValid() {
        let h = Support.header
        var bytes = Array((h + "\nA,a,c,P,3,50,2024-01-01,,Hà Nội,d,c\nB,b,c,P,3,50,2024-01-01,,Hà Nội").utf8)
        bytes += [0xFF] + Array(",d,c\n".utf8)
        do {
            _ = try Support.load(["products.csv": bytes])
            Issue.record("loaded")
        } catch {
            #expect(error.line == 3)
        }
    }
}
