/// Terminal columns a string occupies, with wcwidth semantics per Character (grapheme
/// cluster): letters 1 (Vietnamese NFC or NFD alike), combining marks and controls 0,
/// East Asian Wide/Fullwidth and emoji 2 (a ZWJ sequence, flag or keycap is one 2-wide
/// cluster). Ambiguous-width characters count 1.
public enum DisplayWidth {
    /// Columns `s` occupies on a terminal.
    public static func of(_ s: String) -> Int {
        var s = s
        if let w = s.withUTF8({ asciiWidth($0) }) { return w }
        if let w = simpleWidth(s) { return w }
        var total = 0
        for c in s { total += columns(of: c) }
        return total
    }

    /// Columns one Character occupies.
    public static func columns(of c: Character) -> Int {
        let scalars = c.unicodeScalars
        var it = scalars.makeIterator()
        guard let first = it.next() else { return 0 }
        guard let second = it.next() else { return scalarWidth(first) }
        if isControl(first.value) { return 0 }  // CR LF
        // Emoji presentation selector, or a flag (two regional indicators): one wide glyph.
        if first.value >= 0x1F1E6 && first.value <= 0x1F1FF && second.value >= 0x1F1E6 && second.value <= 0x1F1FF {
            return 2
        }
        var w = max(scalarWidth(first), scalarWidth(second))
        if second.value == 0xFE0F { return 2 }
        while let s = it.next() {
            if s.value == 0xFE0F { return 2 }
            if w < 2 { w = max(w, scalarWidth(s)) }
        }
        return min(w, 2)
    }

    /// `s` cut to at most `width` columns, ending in `…` when cut. The cut falls between
    /// Characters; a wide Character that would straddle the limit is dropped.
    public static func truncate(_ s: String, to width: Int) -> String {
        if width <= 0 { return "" }
        var s = s
        if let w = s.withUTF8({ asciiWidth($0) }) {
            if w <= width { return s }
            // Printable ASCII: one column per byte.
            return String(s.utf8.prefix(width - 1))! + "…"
        }
        if of(s) <= width { return s }
        let budget = width - 1
        var used = 0
        var end = s.startIndex
        for i in s.indices {
            let w = columns(of: s[i])
            if used + w > budget { break }
            used += w
            end = s.index(after: i)
        }
        return String(s[..<end]) + "…"
    }

    /// Width of printable ASCII (one column a byte), or nil when `bytes` hold anything else.
    @inline(__always)
    static func asciiWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for b in bytes where b < 0x20 || b >= 0x7F { return nil }
        return bytes.count
    }

    /// Sum of scalar widths when every scalar is one whose cluster width is the sum
    /// (Latin, Vietnamese NFC/NFD, Greek, Cyrillic, CJK, common punctuation); else nil.
    static func simpleWidth(_ s: String) -> Int? {
        var total = 0
        for u in s.unicodeScalars {
            let v = u.value
            switch v {
            case 0x20..<0x7F, 0xA0..<0x300, 0x370..<0x483, 0x48A..<0x530, 0x1E00..<0x1F00,
                 0x2010..<0x2028, 0x2030..<0x205F, 0x20A0..<0x20C1:
                total += 1
            case 0x300..<0x370:
                total += 0
            case 0x3000..<0x302A, 0x3030..<0x303F, 0x3041..<0x3097, 0x30A1..<0x30FB, 0x3400..<0x4DC0, 0x4E00..<0xA000,
                 0xAC00..<0xD7A4, 0xFF01..<0xFF61, 0xFFE0..<0xFFE7:
                total += 2
            default:
                if isControl(v) { continue }  // CR LF is one cluster, and 0 wide either way
                return nil
            }
        }
        return total
    }

    @inline(__always)
    static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (v >= 0x7F && v < 0xA0) }

    /// wcwidth of one scalar: 0 for controls, combining marks, format characters and
    /// conjoining jamo vowels/finals; 2 for East Asian Wide/Fullwidth and emoji
    /// presentation; 1 otherwise.
    public static func scalarWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        if v < 0x300 { return 1 }
        if v < 0x370 { return 0 }
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        if v == 0x200B { return 0 }
        if v >= 0x1100 && (WideRanges.contains(v) || u.properties.isEmojiPresentation) { return 2 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format: return v == 0x00AD ? 1 : 0
        default: return 1
        }
    }
}
