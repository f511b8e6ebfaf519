/// Edit distance for "did you mean" suggestions.
public enum EditDistance {
    /// Levenshtein distance between `a` and `b`, counted in Characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// The candidate closest to `word` (folded comparison), if close enough to be a likely typo.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        let w = VietText.fold(word)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, VietText.fold(c))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best else { return nil }
        let limit = Swift.max(1, Swift.min(3, w.count / 3 + 1))
        return d <= limit ? c : nil
    }
}
