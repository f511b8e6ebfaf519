/// Edit distance for "did you mean" suggestions.
public enum EditDistance {
    /// Levenshtein distance between `a` and `b`, counted in Characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(a, b, atMost: Int.max)
    }

    /// `distance(a, b)` when it is at most `bound`, otherwise some number above `bound`
    /// (the rows stop once every cell is over it).
    static func distance(_ a: String, _ b: String, atMost bound: Int) -> Int {
        var a = a, b = b
        if let d = a.withUTF8({ x in b.withUTF8 { y in asciiDistance(x, y, atMost: bound) } }) { return d }
        return levenshtein(Array(a), Array(b), atMost: bound)
    }

    /// The candidate closest to `word` (folded comparison), if close enough to be a likely
    /// typo; ties go to the first candidate.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        nearest(word, in: candidates, limit: 1).first
    }

    /// Up to `limit` candidates within the typo threshold of `word`, closest first (ties in
    /// candidate order, duplicates once). Compares folded forms, so "Bac Kan" finds
    /// "Bắc Kạn" at distance 0.
    public static func nearest(_ word: String, in candidates: [String], limit: Int) -> [String] {
        guard limit > 0 else { return [] }
        let w = VietText.fold(word)
        let length = characters(w)
        let maxDistance = threshold(length)
        var hits: [(distance: Int, index: Int)] = []
        for (i, c) in candidates.enumerated() {
            let f = VietText.fold(c)
            // the distance is at least the difference in length: skip the work (a 10 MB word
            // against every value of a column took minutes)
            if abs(characters(f) - length) > maxDistance { continue }
            let d = distance(w, f, atMost: maxDistance)
            guard d <= maxDistance else { continue }
            // duplicates once: equal candidates have equal distances, the first is kept
            if hits.contains(where: { candidates[$0.index] == c }) { continue }
            hits.append((d, i))
        }
        hits.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
        return hits.prefix(limit).map { candidates[$0.index] }
    }

    /// Characters in `s`: its length in bytes when ASCII without CR (CR LF is one Character).
    static func characters(_ s: String) -> Int {
        var s = s
        let ascii = s.withUTF8 { b in !b.contains { $0 >= 0x80 || $0 == 0x0D } }
        return ascii ? s.utf8.count : s.count
    }

    /// Largest distance still taken for a typo of a word `length` Characters long (folded):
    /// 1 for up to 2 letters, 2 for 3–5, 3 from 6 on.
    public static func threshold(_ length: Int) -> Int {
        max(1, min(3, length / 3 + 1))
    }

    /// Distance over bytes when both strings are ASCII (one byte = one Character, except
    /// "\r\n", which is one Character: fall back then).
    static func asciiDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, atMost bound: Int = Int.max) -> Int? {
        for x in a where x >= 0x80 || x == 0x0D { return nil }
        for x in b where x >= 0x80 || x == 0x0D { return nil }
        return levenshtein(a, b, atMost: bound)
    }

    /// Classic two-row Levenshtein; stops with a number above `bound` once a whole row is.
    static func levenshtein<C: RandomAccessCollection>(_ a: C, _ b: C, atMost bound: Int = Int.max) -> Int
    where C.Element: Equatable, C.Index == Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        let a0 = a.startIndex, b0 = b.startIndex
        for i in 1...a.count {
            cur[0] = i
            var least = i
            let ai = a[a0 + i - 1]
            for j in 1...b.count {
                let sub = prev[j - 1] + (ai == b[b0 + j - 1] ? 0 : 1)
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, sub)
                least = Swift.min(least, cur[j])
            }
            if least > bound { return least }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
