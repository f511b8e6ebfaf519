/// Vietnamese collation (CLDR "vi"): a < ă < â < b < … < d < đ < … < o < ô < ơ < … < u < ư
/// < … < y at the first level, tones ngang < huyền < hỏi < ngã < sắc < nặng at the second,
/// lower case before upper case at the third. Digit runs compare as numbers; white space and
/// punctuation sort before digits, digits before letters. NFC and NFD give the same key, and
/// so do the two tone placements (hoà/hòa). See `CollationWeights` for the key layout.
public enum Collation {
    /// A key whose byte order is the Vietnamese order of the strings. The key is taken of
    /// `VietText.canonical(s)`, so strings equal for `=` (NFC/NFD, "Hoà"/"Hòa") get equal
    /// keys and an ordering by key agrees with equality.
    public static func key(_ s: String) -> [UInt8] {
        var c = VietText.canonical(s)
        if let k = c.withUTF8({ key(utf8: $0, stopIfNFCMatters: true) }) { return k }
        c = VietText.nfc(c)
        return c.withUTF8 { key(utf8: $0, stopIfNFCMatters: false)! }
    }

    /// The key of UTF-8 `src` (NFC or NFD), as `key(_:)`.
    public static func key(utf8 src: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if !VietText.mayNeedNFC(src) && Tones.canonicalBytes(src) == nil,
           let k = key(utf8: src, stopIfNFCMatters: true) {
            return k
        }
        return key(String(decoding: src, as: UTF8.self))
    }

    /// `key` as an ordering: true when `a` sorts before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        key(a).lexicographicallyPrecedes(key(b))
    }

    /// `strings` in Vietnamese order (keys computed once each).
    public static func sorted(_ strings: [String]) -> [String] {
        strings.map { (key($0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    /// Code points whose NFC and NFD forms differ in ways the key does not absorb by itself:
    /// the table decomposes everything below U+2000 that is one letter plus marks, so only
    /// recomposing scripts (Hangul jamo, Indic, …), singletons and marks above the table
    /// (kana voicing, …) need NFC first.
    @inline(__always)
    static func nfcMatters(_ cp: UInt32) -> Bool {
        switch cp {
        case 0..<0x0900, 0x1E00...0x1FFF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return false
        default:
            if VietText.composesOrDecomposes(cp) { return true }
            guard cp >= CollationTable.limit, let u = Unicode.Scalar(cp) else { return false }
            return u.properties.canonicalCombiningClass != .notReordered
        }
    }

    /// The key of UTF-8 `src`, or nil when `stopIfNFCMatters` and it holds a code point
    /// for which NFC must come first (see `nfcMatters`).
    static func key(utf8 src: UnsafeBufferPointer<UInt8>, stopIfNFCMatters: Bool) -> [UInt8]? {
        typealias W = CollationWeights
        guard src.count > 0 else { return [W.levelSeparator, W.levelSeparator] }
        return write(src, stopIfNFCMatters: stopIfNFCMatters) { w -> [UInt8] in
            let o1 = w.o1, n2 = w.o2, n3 = w.o3
            let total = o1 + 1 + n2 + 1 + n3
            return [UInt8](unsafeUninitializedCapacity: total) { out, count in
                let d = out.baseAddress!
                d.update(from: w.l1, count: o1)
                d[o1] = W.levelSeparator
                (d + o1 + 1).update(from: w.l2, count: n2)
                d[o1 + 1 + n2] = W.levelSeparator
                (d + o1 + 2 + n2).update(from: w.l3, count: n3)
                count = total
            }
        }
    }

    /// The first 8 bytes of the primary level of `s`'s key, big-endian, zero-padded: a
    /// number whose order never contradicts the keys' (a smaller prefix is a smaller key;
    /// equal prefixes say nothing). Sorting and top-k compare these first and make full keys
    /// only for ties. Only the letters that reach the 8 bytes are read, and only the primary
    /// level is written: the key writer's element, mark (contraction), digit and NFC rules,
    /// without the secondary and tertiary levels (TextSortTests compares it with full keys).
    static func primaryPrefix(utf8 src: UnsafeBufferPointer<UInt8>) -> UInt64 {
        typealias W = CollationWeights
        let n = src.count
        guard let p = src.baseAddress, n > 0 else { return 0 }
        let table = CollationTable.shared.entries
        var w = PrefixWriter()
        var i = 0
        while i < n {
            // 8 final bytes: stop, unless what comes next can still change them (a mark that
            // contracts, a code point NFC composes with the one before)
            if w.o1 >= 8 && (w.contract == 0 || w.contractAt >= 8) && !mayChangeWhatPrecedes(p, i, n, table) { break }
            let b0 = p[i]
            let cp: UInt32, len: Int
            if b0 < 0x80 {
                if b0 &- 0x30 < 10 {
                    // a digit run: one element, the number without its leading zeros
                    w.contract = 0
                    var j = i
                    while j < n && p[j] &- 0x30 < 10 { j += 1 }
                    var z = i
                    while z < j - 1 && p[z] == 0x30 { z += 1 }
                    while z < j && w.o1 < 8 {
                        let chunk = min(j - z, 250)
                        w.put(W.digitMarker); w.put(UInt8(2 + chunk))
                        for k in 0..<chunk where w.o1 < 8 { w.put(p[z + k]) }
                        z += chunk
                    }
                    i = j
                    continue
                }
                cp = UInt32(b0); len = 1
            } else {
                let d = UTF8Scalar.decode(p, i, n)  // invalid UTF-8: U+FFFD
                cp = d.cp; len = d.len
                // U+0338 recomposes with = < > (≠ ≮); 3- and 4-byte code points NFC may compose
                if len == 2 ? cp == 0x0338 : len > 2 && nfcMatters(cp) { return fullKeyPrefix(src) }
            }
            i += len
            let e = cp < CollationTable.limit ? table[Int(cp)] : CollationTable.runtime(cp)
            switch e.kind {
            case .ignorable, .digit:
                continue
            case .mark:
                w.marks(e)
            case .element:
                w.contract = 0
                w.contractAt = w.o1
                var pr = e.primary
                for _ in 0..<Int(e.primaryLength) { w.put(UInt8(truncatingIfNeeded: pr)); pr >>= 8 }
                w.contract = e.contract
                if e.markCount != 0 { w.marks(e) }
            }
        }
        return w.out
    }

    /// A floor of `primaryPrefix(utf8:)` read from the first code point alone: its own
    /// prefix when what follows cannot change it (a mark that contracts, a code point NFC
    /// composes with it), else 0. The prefix of the whole value writes the same first bytes
    /// and then more, so the floor is never above it; a top-k in ascending order skips every
    /// value whose floor is above the k-th best's prefix (about 20 instructions, not 400).
    static func primaryFloor(utf8 src: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = src.count
        guard let p = src.baseAddress, n > 0 else { return 0 }
        let b0 = p[0]
        let len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
        if len >= n { return primaryPrefix(utf8: src) }
        // an ASCII letter or sign before an ASCII byte: its own prefix, from a table (an ASCII
        // byte never changes what precedes it); a digit run goes on, its first digit's is lower
        if len == 1 && p[1] < 0x80 { return asciiFloors[Int(b0)] }
        if len == 1 && b0 &- 0x30 < 10 { return asciiFloors[Int(b0)] }
        if mayChangeWhatPrecedes(p, len, n, CollationTable.shared.entries) { return 0 }
        return primaryPrefix(utf8: UnsafeBufferPointer(start: p, count: len))
    }

    /// `primaryPrefix` of each one-byte ASCII string.
    private static let asciiFloors: [UInt64] = (0..<128).map { (b: Int) -> UInt64 in
        var one = [UInt8(b)]
        return one.withUnsafeMutableBufferPointer { primaryPrefix(utf8: UnsafeBufferPointer($0)) }
    }

    /// The primary prefix being written (a struct, so nothing is boxed per value).
    private struct PrefixWriter {
        var out: UInt64 = 0, o1 = 0
        /// The element being written: its first primary byte's position and contractible vowel.
        var contract: UInt8 = 0, contractAt = 0

        @inline(__always) mutating func put(_ b: UInt8) {
            if o1 < 8 { out |= UInt64(b) << UInt64(56 - 8 * o1) }
            o1 += 1
        }

        @inline(__always) mutating func mark(_ weight: UInt8) {
            guard contract != 0 else { return }
            let l = CollationWeights.contraction(contract, weight)
            if l != 0 {
                if contractAt < 8 {
                    let shift = UInt64(56 - 8 * contractAt)
                    out = out & ~(0xFF << shift) | UInt64(l) << shift
                }
                contract = 0
            }
        }

        @inline(__always) mutating func marks(_ e: CollationEntry) {
            var m = e.marks
            for _ in 0..<e.markCount { mark(UInt8(truncatingIfNeeded: m)); m >>= 16 }
        }
    }

    /// Whether the code point at `i` is a mark or one NFC may compose with what precedes it.
    private static func mayChangeWhatPrecedes(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ table: UnsafeMutablePointer<CollationEntry>) -> Bool {
        if p[i] < 0xC2 { return false }
        let cp = UTF8Scalar.decode(p, i, n).cp
        if cp == 0x0338 || (cp >= 0x800 && nfcMatters(cp)) { return true }
        let e = cp < CollationTable.limit ? table[Int(cp)] : CollationTable.runtime(cp)
        return e.kind == .mark
    }

    /// The prefix taken from the full key of `src` (for the code points whose NFC must come first).
    private static func fullKeyPrefix(_ src: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let k = key(String(decoding: src, as: UTF8.self))
        let l1 = k.firstIndex(of: CollationWeights.levelSeparator) ?? k.count
        return k.withUnsafeBufferPointer { pack($0.baseAddress!, count: l1) }
    }

    @inline(__always)
    private static func pack(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v = v << 8 | UInt64(k < count ? p[k] : 0) }
        return v
    }

    /// Runs the key writer over `src` (not empty) and hands it to `finish`; nil when
    /// `stopIfNFCMatters` and a code point needs NFC first.
    private static func write<R>(_ src: UnsafeBufferPointer<UInt8>, stopIfNFCMatters: Bool,
                                 _ finish: (KeyWriter) -> R) -> R? {
        let n = src.count
        let p = src.baseAddress!
        let table = CollationTable.shared.entries
        // L1 ≤ 4n+8 (an invalid byte becomes U+FFFD, 4 bytes); L2 and L3 hold at most 2n+8
        // and n+8 weights, each taking at most 3 bytes compressed; 8 bytes of mark classes.
        let cap1 = 4 * n + 8, cap2 = 3 * (2 * n + 8), cap3 = 3 * (n + 8)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: cap1 + cap2 + cap3 + 8) { tmp -> R? in
            let base = tmp.baseAddress!
            var w = KeyWriter(l1: base, l2: base + cap1, l3: base + cap1 + cap2, ccc: base + cap1 + cap2 + cap3)
            var i = 0
            while i < n {
                let b0 = p[i]
                let cp: UInt32, len: Int
                if b0 < 0x80 {
                    if b0 &- 0x30 < 10 {
                        i = w.digits(p, from: i, count: n)
                        continue
                    }
                    w.element(table[Int(b0)])
                    i += 1
                    continue
                } else {
                    let d = UTF8Scalar.decode(p, i, n)  // invalid UTF-8: U+FFFD
                    cp = d.cp; len = d.len
                    // U+0338 recomposes with = < > → ∈ … into symbols above the table (≠ ≮ ∉).
                    if stopIfNFCMatters && (len == 2 ? cp == 0x0338 : len > 2 && nfcMatters(cp)) { return nil }
                }
                i += len
                let e = cp < CollationTable.limit ? table[Int(cp)] : CollationTable.runtime(cp)
                switch e.kind {
                case .ignorable, .digit:
                    continue
                case .mark:
                    w.marks(e)
                case .element:
                    w.element(e)
                }
            }
            w.finishElement()
            return finish(w)
        }
    }

    /// The three levels of a key being built, and the element being extended by marks.
    /// L2 and L3 are written compressed as they go: a run of commons (0x02, one per element
    /// unless marked) is only counted, and each other weight is written as [run code,
    /// weight], where more commons give a smaller code (0xFF − run, 0x80 for each 127 more);
    /// trailing commons are never written. With equal primaries (so the same number of
    /// commons) this keeps the order of the plain levels: a longer run means a common where
    /// the other string has a greater weight.
    private struct KeyWriter {
        typealias W = CollationWeights
        let l1: UnsafeMutablePointer<UInt8>, l2: UnsafeMutablePointer<UInt8>, l3: UnsafeMutablePointer<UInt8>
        /// Combining classes of the current element's marks (up to 8).
        let ccc: UnsafeMutablePointer<UInt8>
        var o1 = 0, o2 = 0, o3 = 0
        var run2 = 0, run3 = 0
        /// 0, or the vowel a following breve/circumflex/horn turns into ă â ê ô ơ ư, at l1[contractAt].
        var contract: UInt8 = 0, contractAt = 0
        /// Where the current element's first mark weight sits in L2 (the others follow 2 apart).
        var markAt = 0, markCount = 0

        init(l1: UnsafeMutablePointer<UInt8>, l2: UnsafeMutablePointer<UInt8>, l3: UnsafeMutablePointer<UInt8>,
             ccc: UnsafeMutablePointer<UInt8>) {
            self.l1 = l1; self.l2 = l2; self.l3 = l3; self.ccc = ccc
        }

        @inline(__always) mutating func secondary(_ weight: UInt8) {
            while run2 >= 127 { l2[o2] = 0x80; o2 += 1; run2 -= 127 }
            l2[o2] = 0xFF - UInt8(run2); l2[o2 + 1] = weight; o2 += 2
            run2 = 0
        }

        @inline(__always) mutating func tertiary(_ weight: UInt8) {
            if weight == W.lower { run3 += 1; return }
            while run3 >= 127 { l3[o3] = 0x80; o3 += 1; run3 -= 127 }
            l3[o3] = 0xFF - UInt8(run3); l3[o3 + 1] = weight; o3 += 2
            run3 = 0
        }

        @inline(__always) mutating func finishElement() {
            if markCount >= 2 { reorder(l2 + markAt, ccc, count: markCount) }
            markCount = 0
            contract = 0
        }

        @inline(__always) mutating func addMark(_ weight: UInt8, _ c: UInt8) {
            if contract != 0 {
                let l = W.contraction(contract, weight)
                if l != 0 { l1[contractAt] = l; contract = 0; return }
            }
            guard markCount < 8 else { return }
            secondary(weight)
            if markCount == 0 { markAt = o2 - 1 }
            ccc[markCount] = c
            markCount += 1
        }

        @inline(__always) mutating func marks(_ e: CollationEntry) {
            var m = e.marks
            for _ in 0..<e.markCount {
                addMark(UInt8(truncatingIfNeeded: m), UInt8(truncatingIfNeeded: m >> 8))
                m >>= 16
            }
        }

        @inline(__always) mutating func element(_ e: CollationEntry) {
            finishElement()
            var pr = e.primary
            for k in 0..<Int(e.primaryLength) { l1[o1 + k] = UInt8(truncatingIfNeeded: pr); pr >>= 8 }
            contractAt = o1
            o1 += Int(e.primaryLength)
            run2 += 1
            tertiary(e.tertiary)
            if e.elements == 2 {
                secondary(W.ligature)
                run2 += 1
                tertiary(e.tertiary)
            }
            contract = e.contract
            if e.markCount != 0 { marks(e) }
        }

        /// A run of ASCII digits starting at `from`: one element compared as a number
        /// (250-digit chunks), leading zeros as a secondary weight. Returns the end.
        mutating func digits(_ p: UnsafePointer<UInt8>, from i: Int, count n: Int) -> Int {
            finishElement()
            var j = i
            while j < n && p[j] &- 0x30 < 10 { j += 1 }
            var z = i
            while z < j - 1 && p[z] == 0x30 { z += 1 }
            let zeros = z - i
            var first = true
            while z < j {
                let chunk = min(j - z, 250)
                l1[o1] = W.digitMarker; l1[o1 + 1] = UInt8(2 + chunk); o1 += 2
                (l1 + o1).update(from: p + z, count: chunk)
                o1 += chunk
                z += chunk
                run2 += 1
                if first && zeros > 0 { secondary(W.leadingZeros &+ UInt8(min(zeros, 0x6E))) }
                first = false
                run3 += 1
            }
            return j
        }
    }

    /// Canonical reordering of one element's mark weights (at `w`, 2 apart in compressed
    /// L2) by combining class.
    private static func reorder(_ w: UnsafeMutablePointer<UInt8>, _ c: UnsafeMutablePointer<UInt8>, count: Int) {
        var swapped = true
        while swapped {
            swapped = false
            for k in 1..<count where c[k - 1] > c[k] && c[k] != 0 {
                (c[k - 1], c[k]) = (c[k], c[k - 1])
                (w[2 * k - 2], w[2 * k]) = (w[2 * k], w[2 * k - 2])
                swapped = true
            }
        }
    }
}
