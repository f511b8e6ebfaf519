import Testing
@testable import OCOPKit

/// The bounded Levenshtein behind `nearest` (rows stop once every cell is over the typo
/// threshold) against the full distance, and `nearest` against a plain reference.
@Suite("EditDistance: bounded rows against the full distance")
struct EditDistanceBoundTests {
    static let words = ["Bắc Kạn", "Bac Kan", "bắc giang", "Xã Côn Minh", "con minh", "Phường 1", "phuong 10", "Đà Lạt",
                        "da lat", "a", "", "ab", "ba", "北京", "北", "e\u{301}", "é", "Hoà", "Hòa", "hoa binh", "\r\n", "x\r\ny"]

    /// The reference: every distance in full, duplicates skipped through a set.
    static func plainNearest(_ word: String, _ candidates: [String], limit: Int) -> [String] {
        let w = VietText.fold(word), maxDistance = EditDistance.threshold(w.count)
        var hits: [(Int, Int)] = [], seen = Set<String>()
        for (i, c) in candidates.enumerated() where !seen.contains(c) {
            seen.insert(c)
            let d = EditDistance.distance(w, VietText.fold(c))
            if d <= maxDistance { hits.append((d, i)) }
        }
        hits.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return hits.prefix(limit).map { candidates[$0.1] }
    }

    @Test("bounded distances: exact up to the bound, above it otherwise")
    func bounded() {
        for a in Self.words {
            for b in Self.words {
                let full = EditDistance.distance(a, b)
                for bound in 0...4 {
                    let d = EditDistance.distance(a, b, atMost: bound)
                    if full <= bound { #expect(d == full, "\(a) \(b) \(bound)") } else { #expect(d > bound, "\(a) \(b) \(bound)") }
                }
            }
        }
    }

    @Test("nearest equals the plain reference for every word against lists with repeats")
    func nearestSame() {
        var g = TextSortTests.Seeded(state: 41)
        for _ in 0..<200 {
            let list = (0..<Int(g.next() % 12)).map { _ in g.pick(Self.words) }
            let w = g.pick(Self.words)
            for limit in [1, 3] {
                #expect(EditDistance.nearest(w, in: list, limit: limit) == Self.plainNearest(w, list, limit: limit), "\(w) in \(list)")
            }
        }
    }
}
