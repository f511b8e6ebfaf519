/// Canonical tone placement. Vietnamese writes the tone of "oa", "oe", "uy" in open
/// syllables in two styles: the traditional one (hòa, khỏe, thủy, used by most official
/// names: Thanh Hóa, Khánh Hòa) and the newer one (hoà, khoẻ, thuỷ). `canonical` rewrites
/// every syllable to the TRADITIONAL style: tone on the first vowel of an open two-vowel
/// nucleus. The other rules agree in both styles: a vowel with a mark (ă â ê ô ơ ư) takes
/// the tone (the last one: ươ → ơ), a closed syllable puts it on the last vowel (hoàng,
/// huỳnh), a three-vowel open nucleus on the middle one (hoài, khuỷu); "qu" and "gi" are
/// initials (quý, già).
extension VietText {
    /// Canonical text for `=`: NFC with one tone placement ("Hoà" and "Hòa" agree).
    /// Only syllables that parse as Vietnamese (initial, known nucleus, final) and carry
    /// exactly one tone are touched; ASCII comes back as is.
    public static func canonical(_ s: String) -> String {
        var s = s
        let ascii = s.withUTF8 { buf -> Bool in
            for b in buf where b >= 0x80 { return false }
            return true
        }
        if ascii { return s }
        var n = nfc(s)
        let placed = n.withUTF8 { Tones.canonicalBytes($0) }
        return placed ?? n
    }
}

/// Tone tables and the syllable parser behind `VietText.canonical`.
enum Tones {
    /// The twelve vowels, each in its six tones (ngang, huyền, hỏi, ngã, sắc, nặng).
    static let rows: [String] = [
        "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
        "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
    ]
    static let vowelNames: [Character] = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    /// Bit v set when vowel v carries a mark: ă â ê ô ơ ư.
    static let markedVowels: UInt16 = 1 << 1 | 1 << 2 | 1 << 4 | 1 << 7 | 1 << 8 | 1 << 10

    /// Letter codes in a syllable: vowels 0…11; consonants 0x40 | (ASCII & 0x1F), so 0x41
    /// is b/B … 0x5A z/Z; đ/Đ is 0x5B; any other letter 0x7F (not Vietnamese).
    static let dCode: UInt8 = 0x5B, otherLetter: UInt8 = 0x7F

    /// Built once, never freed; plain pointers so the hot loop pays no reference counting.
    struct Tables: @unchecked Sendable {
        /// Per code point < `infoCount`: 0 = not a Vietnamese vowel, else
        /// bits 0–3 vowel+1, bits 4–6 tone, bit 7 upper case.
        let info: UnsafePointer<UInt8>
        /// [vowel * 12 + tone * 2 + upper] → UTF-8 of the letter (packed, low byte first).
        let compose: UnsafePointer<UInt32>
        /// Nuclei by `nucleusIndex`.
        let nuclei: UnsafePointer<Bool>
        /// Initials and finals by `consonantIndex`.
        let initials: UnsafePointer<Bool>
        let finals: UnsafePointer<Bool>
        /// Letter code of each ASCII byte, 0xFF for a non-letter.
        let ascii: UnsafePointer<UInt8>
    }
    static let infoCount = 0x1F00

    private static func pointer<T>(_ a: [T]) -> UnsafePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: a.count)
        p.initialize(from: a, count: a.count)
        return UnsafePointer(p)
    }

    static let tables: Tables = {
        var info = [UInt8](repeating: 0, count: 0x1F00)
        var compose = [UInt32](repeating: 0, count: 12 * 12)
        for (v, row) in rows.enumerated() {
            for (t, ch) in row.unicodeScalars.enumerated() {
                for upper in 0..<2 {
                    let sc = upper == 0 ? ch : ch.properties.uppercaseMapping.unicodeScalars.first!
                    info[Int(sc.value)] = UInt8(v + 1) | UInt8(t << 4) | UInt8(upper << 7)
                    var packed: UInt32 = 0
                    for (k, b) in String(sc).utf8.enumerated() { packed |= UInt32(b) << (8 * UInt32(k)) }
                    compose[v * 12 + t * 2 + upper] = packed
                }
            }
        }
        var nuclei = [Bool](repeating: false, count: 13 * 13 * 13)
        let words = "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
            + "iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu a ă â e ê i o ô ơ u ư y"
        for w in words.split(separator: " ") {
            let codes = w.map { UInt8(vowelNames.firstIndex(of: $0)!) }
            nuclei[nucleusIndex(codes, 0, codes.count)] = true
        }
        func consonants(_ list: [String]) -> [Bool] {
            var t = [Bool](repeating: false, count: 1 << 15)
            for c in list {
                let codes = c.utf8.map { $0 == UInt8(ascii: "D") ? dCode : 0x40 | ($0 & 0x1F) }
                t[consonantIndex(codes, 0, codes.count)] = true
            }
            return t
        }
        let initials = consonants(["b", "c", "ch", "d", "D", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng",
                                   "ngh", "nh", "p", "ph", "r", "s", "t", "th", "tr", "v", "x"])
        let finals = consonants(["c", "ch", "m", "n", "ng", "nh", "p", "t"])
        let ascii = (0..<128).map { b -> UInt8 in
            let l = UInt8(b) | 0x20
            guard l >= 0x61 && l <= 0x7A else { return 0xFF }
            return asciiVowel(l) ?? (0x40 | (l & 0x1F))
        }
        return Tables(info: pointer(info), compose: pointer(compose), nuclei: pointer(nuclei),
                      initials: pointer(initials), finals: pointer(finals), ascii: pointer(ascii))
    }()

    /// Index of 1–3 vowel codes in `Tables.nuclei`.
    @inline(__always)
    static func nucleusIndex<C: RandomAccessCollection>(_ c: C, _ from: Int, _ to: Int) -> Int
    where C.Element == UInt8, C.Index == Int {
        var v = 0
        for k in from..<to { v = v * 13 + Int(c[k]) + 1 }
        return v
    }

    /// Index of 1–3 consonant codes in `Tables.initials` / `finals`.
    @inline(__always)
    static func consonantIndex<C: RandomAccessCollection>(_ c: C, _ from: Int, _ to: Int) -> Int
    where C.Element == UInt8, C.Index == Int {
        var v = 0
        for k in from..<to { v = v << 5 | Int(c[k] & 0x1F) }
        return v
    }

    /// The canonical form of NFC UTF-8 `src`, or nil when it is already canonical.
    static func canonicalBytes(_ src: UnsafeBufferPointer<UInt8>) -> String? {
        guard let p = src.baseAddress else { return nil }
        return canonicalBytes(p, src.count, tables)
    }

    private static func canonicalBytes(_ p: UnsafePointer<UInt8>, _ n: Int, _ t: Tables) -> String? {
        let info = t.info
        // Pending edits: byte offset of a vowel, its length, and its replacement.
        var edits: [(at: Int, length: Int, with: UInt32)] = []
        do {
            // The current run of letters (at most 7 are kept; longer runs are not syllables).
            var codes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
            var offsets: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0, vowels = 0, toned = -1, tones = 0, tone = 0
            var i = 0
            while i <= n {
                var code: UInt8 = 0xFF  // not a letter
                var len = 1
                var info8: UInt8 = 0
                if i < n {
                    let b = p[i]
                    if b < 0x80 {
                        code = t.ascii[Int(b)]
                    } else {
                        let (cp, l) = UTF8Scalar.decode(p, i, n)
                        len = l  // 1: an invalid byte, not a letter
                        if l == 2 || l == 3 {
                            if Int(cp) < infoCount { info8 = info[Int(cp)] }
                            if info8 != 0 { code = (info8 & 0x0F) - 1 }
                            else if cp == 0x110 || cp == 0x111 { code = dCode }
                            else if isAlphabetic(cp) { code = otherLetter }
                        } else if l == 4, isAlphabetic(cp) {
                            code = otherLetter
                        }
                    }
                }
                if code != 0xFF {
                    if count < 8 {
                        withUnsafeMutableBytes(of: &codes) { $0[count] = code }
                        withUnsafeMutableBytes(of: &offsets) { $0.storeBytes(of: i, toByteOffset: count * 8, as: Int.self) }
                    }
                    let tn = Int((info8 >> 4) & 0x07)
                    if tn != 0 { tones += 1; toned = count; tone = tn }
                    if code < 12 { vowels += 1 }
                    count += 1
                } else {
                    // End of a run: place its tone (only a nucleus of two or more vowels
                    // leaves a choice).
                    if tones == 1 && vowels >= 2 && count <= 7 {
                        let target = withUnsafeBytes(of: &codes) {
                            Tones.target(UnsafeRawBufferPointer(rebasing: $0[0..<count]), t)
                        }
                        if let target, target != toned {
                            let (from, to) = withUnsafeBytes(of: &offsets) {
                                ($0.load(fromByteOffset: toned * 8, as: Int.self), $0.load(fromByteOffset: target * 8, as: Int.self))
                            }
                            edits.append(replacement(p, at: from, tone: 0, t))
                            edits.append(replacement(p, at: to, tone: tone, t))
                        }
                    }
                    count = 0; vowels = 0; tones = 0; toned = -1
                }
                i += len
            }
            if edits.isEmpty { return nil }
            edits.sort { $0.at < $1.at }
            var out: [UInt8] = []
            out.reserveCapacity(n + 8)
            var k = 0
            for e in edits {
                out.append(contentsOf: UnsafeBufferPointer(start: p + k, count: e.at - k))
                var w = e.with
                while w != 0 { out.append(UInt8(truncatingIfNeeded: w)); w >>= 8 }
                k = e.at + e.length
            }
            out.append(contentsOf: UnsafeBufferPointer(start: p + k, count: n - k))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The vowel at byte `at` with tone `tone` (same vowel, same case).
    private static func replacement(_ p: UnsafePointer<UInt8>, at: Int, tone: Int,
                                    _ t: Tables) -> (at: Int, length: Int, with: UInt32) {
        let info = t.info
        let b = p[at]
        let vowel: Int, upper: Int, length: Int
        if b < 0x80 {
            vowel = Int(asciiVowel(b | 0x20)!); upper = b < 0x61 ? 1 : 0; length = 1
        } else {
            let cp: Int
            if b < 0xE0 { cp = (Int(b & 0x1F) << 6) | Int(p[at + 1] & 0x3F); length = 2 }
            else { cp = (Int(b & 0x0F) << 12) | (Int(p[at + 1] & 0x3F) << 6) | Int(p[at + 2] & 0x3F); length = 3 }
            vowel = Int(info[cp] & 0x0F) - 1; upper = Int(info[cp] >> 7)
        }
        return (at, length, t.compose[vowel * 12 + tone * 2 + upper])
    }

    @inline(__always)
    private static func isAlphabetic(_ cp: UInt32) -> Bool {
        guard let s = Unicode.Scalar(cp) else { return false }
        return s.properties.isAlphabetic
    }

    /// Vowel index of a lower-case ASCII a e i o u y, else nil.
    @inline(__always)
    static func asciiVowel(_ l: UInt8) -> UInt8? {
        switch l {
        case UInt8(ascii: "a"): return 0
        case UInt8(ascii: "e"): return 3
        case UInt8(ascii: "i"): return 5
        case UInt8(ascii: "o"): return 6
        case UInt8(ascii: "u"): return 9
        case UInt8(ascii: "y"): return 11
        default: return nil
        }
    }

    /// Index of the vowel that carries the tone in the letter codes of one syllable, or nil
    /// when the letters do not parse as a Vietnamese syllable.
    static func target(_ c: UnsafeRawBufferPointer, _ t: Tables) -> Int? {
        func isVowel(_ k: Int) -> Bool { k < c.count && c[k] < 12 }
        let q: UInt8 = 0x40 | 0x11, g: UInt8 = 0x40 | 0x07
        var i = 0
        if c[0] == q {
            guard c.count > 2 && c[1] == 9 && isVowel(2) else { return nil }  // qu + vowel
            i = 2
        } else if c[0] == g && c.count > 2 && c[1] == 5 && isVowel(2) {
            i = 2  // gi + vowel
        } else {
            while i < c.count && c[i] >= 12 {
                if c[i] == otherLetter { return nil }
                i += 1
            }
            guard i == 0 || (i <= 3 && t.initials[consonantIndex(c, 0, i)]) else { return nil }
        }
        let start = i
        while isVowel(i) { i += 1 }
        let count = i - start
        guard count >= 1 && count <= 3 && t.nuclei[nucleusIndex(c, start, i)] else { return nil }
        if i < c.count {
            for k in i..<c.count where c[k] < 12 || c[k] == otherLetter { return nil }
            guard c.count - i <= 2 && t.finals[consonantIndex(c, i, c.count)] else { return nil }
        }
        var marked = -1
        for k in start..<i where markedVowels >> UInt16(c[k]) & 1 == 1 { marked = k }
        if marked >= 0 { return marked }
        if i < c.count { return i - 1 }  // closed syllable: last vowel (hoàng, huỳnh)
        return count == 3 ? start + 1 : start  // open: middle of three; traditional style: hòa, thủy
    }
}
