import Foundation

/// Vietnamese text keys: NFC, the byte-table fold used for search, and canonical tone
/// placement used for `=`.
public enum VietText {
    /// NFC form of `s`; ASCII and already-NFC Vietnamese come back untouched.
    public static func nfc(_ s: String) -> String {
        mayNeedNFC(s) ? s.precomposedStringWithCanonicalMapping : s
    }

    /// True when UTF-8 `bytes` may not be NFC: they hold a combining mark (any code point
    /// with a non-zero combining class, U+0300–U+036F first of all), conjoining jamo, or a
    /// code point NFC replaces or recomposes. ASCII and precomposed Vietnamese return false
    /// without a table lookup, so load skips the work for them.
    public static func mayNeedNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return false }
        let n = bytes.count
        var i = 0
        while i < n {
            let b = p[i]
            // ASCII, continuation bytes, and U+0080–U+02FF (Latin-1, Latin Extended, IPA).
            if b < 0xCC { i += 1; continue }
            if b == 0xCC || b == 0xCD { return true }  // U+0300–U+037F
            let (cp, len) = UTF8Scalar.decode(p, i, n)
            i += len
            if mayNeedNFC(scalar: cp) { return true }
        }
        return false
    }

    /// Whether code point `cp` (≥ U+0300, outside U+0300–U+037F that the byte loop sees
    /// first) may make a string not NFC.
    @inline(__always)
    static func mayNeedNFC(scalar cp: UInt32) -> Bool {
        switch cp {
        case 0x300...0x37F:
            return true
        case 0x1E00...0x1EFF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return false  // precomposed Vietnamese and other Latin, CJK ideographs, Hangul syllables
        default:
            if cp < 0x300 { return false }
            if composesOrDecomposes(cp) { return true }
            if let u = Unicode.Scalar(cp), u.properties.canonicalCombiningClass != .notReordered { return true }
            return false
        }
    }

    /// `mayNeedNFC` over a String's UTF-8.
    public static func mayNeedNFC(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { mayNeedNFC($0) }
    }

    /// Code points with combining class 0 whose presence means the string may not be NFC:
    /// singletons NFC replaces, conjoining jamo and vowel signs that recompose, precomposed
    /// characters excluded from composition.
    static func composesOrDecomposes(_ cp: UInt32) -> Bool {
        switch cp {
        case 0x0387,                     // Greek ano teleia → middle dot
             0x0900...0x0FFF,            // Indic and Tibetan nukta forms and two-part vowels
             0x1025, 0x102E,             // Myanmar ဦ
             0x1100...0x11FF,            // Hangul conjoining jamo
             0x1B00...0x1B7F,            // Balinese two-part vowels
             0x1F71, 0x1F73, 0x1F75, 0x1F77, 0x1F79, 0x1F7B, 0x1F7D, 0x1FBB, 0x1FBE, 0x1FC9,
             0x1FCB, 0x1FD3, 0x1FDB, 0x1FE3, 0x1FEB, 0x1FEE, 0x1FEF, 0x1FF9, 0x1FFB, 0x1FFD,
             0x2000, 0x2001, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC,
             0xA960...0xA97F, 0xD7B0...0xD7FF,  // more conjoining jamo
             0xF900...0xFAFF,            // CJK compatibility ideographs
             0xFB1D...0xFB4F,            // Hebrew presentation forms
             0x11000...0x11FFF,          // Brahmi-derived scripts with two-part vowels
             0x1D15E...0x1D1C0,          // musical symbols
             0x2F800...0x2FA1F:          // CJK compatibility supplement
            return true
        default:
            return false
        }
    }

    /// Folded key: lower case, tones and vowel marks removed, đ→d.
    public static func fold(_ s: String) -> String {
        var s = s
        let folded = s.withUTF8 { src -> String? in
            // Already-folded ASCII (no upper case) is its own fold: no copy.
            if isFoldedASCII(src) { return nil }
            return String(unsafeUninitializedCapacity: 3 * src.count + 8) { dst in
                foldRaw(src, into: dst.baseAddress!)
            }
        }
        return folded ?? s
    }

    /// Appends the folded form of NFC UTF-8 `src` to `out`. NFD input folds the same
    /// (combining marks are dropped). Allocation-free apart from growing `out`.
    public static func foldBytes(_ src: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // Fold into scratch space on the stack, then one copy into `out`.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * src.count + 8) { tmp in
            let written = foldRaw(src, into: tmp.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: tmp[..<written]))
        }
    }

    @inline(__always)
    static func isFoldedASCII(_ src: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in src where b >= 0x80 || (b >= 0x41 && b <= 0x5A) { return false }
        return true
    }

    /// Folds `src` into `dst` (capacity ≥ 3 × src.count + 8: entries are stored 8 bytes at
    /// a time); returns the bytes written. Invalid UTF-8 bytes are copied through.
    @inline(__always)
    static func foldRaw(_ src: UnsafeBufferPointer<UInt8>, into dst: UnsafeMutablePointer<UInt8>) -> Int {
        guard let p = src.baseAddress else { return 0 }
        let table = FoldTable.shared.entries
        let raw = UnsafeMutableRawPointer(dst)
        let n = src.count
        var i = 0, o = 0
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                dst[o] = (b0 &- 0x41) < 26 ? b0 | 0x20 : b0
                o += 1; i += 1
                continue
            }
            let cp: UInt32, len: Int
            if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n && p[i + 1] & 0xC0 == 0x80 {
                cp = (UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F)
                len = 2
            } else if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n
                        && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 {
                cp = (UInt32(b0 & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F)
                len = 3
            } else {
                // 4-byte sequences and invalid bytes are outside the table: copy through.
                var l = 1
                if b0 >= 0xF0 && b0 < 0xF5 && i + 3 < n
                    && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 && p[i + 3] & 0xC0 == 0x80 {
                    l = 4
                }
                for k in 0..<l { dst[o + k] = p[i + k] }
                o += l; i += l
                continue
            }
            if cp < FoldTable.limit {
                let e = table[Int(cp)]
                raw.storeBytes(of: (e >> 8).littleEndian, toByteOffset: o, as: UInt64.self)
                o += Int(e & 0xFF)
            } else {
                for k in 0..<len { dst[o + k] = p[i + k] }
                o += len
            }
            i += len
        }
        return o
    }
}
